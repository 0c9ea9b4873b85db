/* eslint-disable no-control-regex -- these tests look for raw control characters in output */
// Reliability of `readiness check` against hostile inputs (issue 14, points 2, 3, 4 and 9):
// config globs that would backtrack, folders and files that cannot be read, control characters
// in checklist text and file names, and bad `--max-size` values. The CLI runs in process.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseCliArgs } from '../../src/cli/args';
import { reachesFailOn } from '../../src/cli/commands/check';
import { collectSources } from '../../src/cli/collect';
import { DEFAULT_WALK_BUDGET, walkFiles, type WalkFs } from '../../src/cli/discover';
import { compileGlob, globProblem } from '../../src/cli/glob';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';
import { formatReport, type ReportSource } from '../../src/core';
import type { Finding } from '../../src/core/model/ruleTable';
import type { ReadinessReport } from '../../src/core/report/jsonReport';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function runIn(cwd: string, args: readonly string[]): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdoutIsTTY: false,
    today: '2026-01-01',
  };
  const status = runCli(args, io);
  return { status, stdout, stderr };
}

const HOSTILE = '**/*a*a*a*a*a*a*a*a*b';

describe('reliability: config globs', () => {
  it('matches a table of globs as written', () => {
    const cases: [string, string, boolean][] = [
      ['**/PRODUCTION_READINESS.md', 'PRODUCTION_READINESS.md', true],
      ['**/PRODUCTION_READINESS.md', 'a/b/PRODUCTION_READINESS.md', true],
      ['**/PRODUCTION_READINESS.md', 'a/production_readiness.md', false],
      ['docs/*.md', 'docs/x.md', true],
      ['./docs/*.md', 'docs/x.md', true],
      ['docs/*.md', 'docs/sub/x.md', false],
      ['docs/*.md', 'docs/.x.md', false],
      ['*.md', 'x.md', true],
      ['*.md', 'a/x.md', false],
      ['a/**/b.md', 'a/b.md', true],
      ['a/**/b.md', 'a/x/y/b.md', true],
      ['a/**/b.md', 'a/.hidden/b.md', false],
      ['a?c.md', 'abc.md', true],
      ['a?c.md', 'ac.md', false],
      ['[ab]*.md', 'b1.md', true],
      ['[ab]*.md', 'c1.md', false],
      ['[!a]*.md', 'b1.md', true],
      ['[!a]*.md', 'a1.md', false],
      ['[a-c]x.md', 'bx.md', true],
      ['[a-c]x.md', 'dx.md', false],
      ['{docs,ops}/*.md', 'ops/y.md', true],
      ['{docs,ops}/*.md', 'dev/y.md', false],
      ['x/{a,b{c,d}}.md', 'x/bd.md', true],
      ['x/{a,b{c,d}}.md', 'x/b.md', false],
      ['x/{a}.md', 'x/{a}.md', true],
      ['\\*.md', '*.md', true],
      ['\\*.md', 'x.md', false],
      ['.github/*.md', '.github/x.md', true],
      ['**', 'a/b/c.md', true],
      [HOSTILE, 'aaaaaaaab', true],
      [HOSTILE, 'd/aaaaaaaab', true],
      [HOSTILE, 'aaaaaaab', false],
      [HOSTILE, `${'a'.repeat(80)}`, false],
      [HOSTILE, `${'a'.repeat(80)}b`, true],
    ];
    const wrong = cases.filter(([glob, path, expected]) => compileGlob(glob)(path) !== expected);
    assert.deepEqual(wrong, []);
  });

  it('finishes the backtracking shape on 60- and 80-character names', () => {
    const match = compileGlob(HOSTILE);
    for (const n of [60, 80, 4000]) {
      assert.equal(match(`x/${'a'.repeat(n)}`), false);
      assert.equal(match(`x/${'a'.repeat(n)}c`), false);
    }
  });

  it('refuses patterns over the complexity limits', () => {
    assert.equal(globProblem(HOSTILE), undefined);
    assert.match(globProblem(`${'*a'.repeat(33)}`) ?? '', /more than 32 wildcards/);
    assert.match(globProblem(`${'x'.repeat(257)}`) ?? '', /longer than 256/);
    assert.match(globProblem('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}') ?? '', /expands to more than 64/);
    assert.equal(compileGlob(`${'*a'.repeat(33)}`)('aaaa'), false);
  });

  describe('through `readiness check`', () => {
    let temp: string;
    beforeEach(() => (temp = mkdtempSync(join(tmpdir(), 'clirob-glob-'))));
    afterEach(() => rmSync(temp, { recursive: true, force: true }));

    it('checks with the hostile glob next to long names, and matches only what it names', () => {
      writeFileSync(join(temp, '.readiness.yml'), `checklists: ["${HOSTILE}"]\n`);
      writeFileSync(join(temp, 'a'.repeat(60)), '- [ ] not named\n');
      writeFileSync(join(temp, 'a'.repeat(80)), '- [ ] not named\n');
      writeFileSync(join(temp, `${'a'.repeat(80)}b`), '- [x] named\n');
      const r = runIn(temp, ['check', '--format', 'json']);
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(r.stdout) as ReadinessReport;
      assert.deepEqual(
        report.files.map((f) => f.path),
        [`${'a'.repeat(80)}b`],
      );
    });

    it('reports a glob over the limits as config-invalid at its line, and still uses the others', () => {
      const tooMany = '*a'.repeat(40);
      writeFileSync(join(temp, '.readiness.yml'), `# globs\nchecklists:\n  - "**/PRODUCTION_READINESS.md"\n  - "${tooMany}"\n`);
      writeFileSync(join(temp, 'PRODUCTION_READINESS.md'), '- [x] done\n');
      const r = runIn(temp, ['check', '--format', 'compact']);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(
        r.stdout,
        `.readiness.yml:4:6: error: checklists glob "${tooMany.slice(0, 59)}…" has more than 32 wildcards (* ? [ {); it is not used [config-invalid]\n`,
      );
    });
  });
});

describe('reliability: what cannot be read', () => {
  let temp: string;
  beforeEach(() => (temp = mkdtempSync(join(tmpdir(), 'clirob-unread-'))));
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  function put(path: string, content: string | Uint8Array): string {
    const file = join(temp, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  /** The real file system, except that `denied` folders throw EACCES (root reads everything, so chmod 000 cannot show it). */
  function denying(...denied: string[]): WalkFs & { opened: string[] } {
    const opened: string[] = [];
    return {
      opened,
      readdir(folder) {
        opened.push(folder);
        if (denied.includes(folder)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
        return readdirSync(folder, { withFileTypes: true });
      },
      isDirectory: () => false,
      now: () => 0,
    };
  }

  const io = (): CliIo => ({
    cwd: temp,
    env: {},
    stdout: () => undefined,
    stderr: () => undefined,
    stdoutIsTTY: false,
    today: '2026-01-01',
  });

  it('reports an unreadable folder the globs reach, and does not open folders they cannot reach', () => {
    put('PRODUCTION_READINESS.md', '- [x] fine\n');
    put('locked/PRODUCTION_READINESS.md', '- [ ] critical thing (critical)\n');
    put('docs/x.md', '');
    put('.readiness.yml', 'checklists: ["PRODUCTION_READINESS.md", "locked/**/*.md"]\n');
    const fs = denying(join(temp, 'locked'));
    const walked = walkFiles(temp, ['PRODUCTION_READINESS.md', 'locked/**/*.md'], DEFAULT_WALK_BUDGET, fs);
    assert.deepEqual(walked, {
      files: [join(temp, 'PRODUCTION_READINESS.md')],
      unread: [{ path: join(temp, 'locked'), reason: 'permission denied' }],
    });
    assert.deepEqual(fs.opened, [temp, join(temp, 'locked')], 'docs/ is never opened');

    const sources = collectSources([], undefined, io(), undefined, DEFAULT_WALK_BUDGET, denying(join(temp, 'locked')));
    const found = sources.map((s) => [s.path, s.analysis.findings.map((f) => `${f.rule}:${f.severity}:${f.span.startPosition.line}`)]);
    assert.deepEqual(found, [
      ['locked', ['unreadable:error:1']],
      ['PRODUCTION_READINESS.md', []],
    ]);
    assert.equal(sources[0].analysis.findings[0].message, 'Cannot read this folder (permission denied); checklists in it are not checked.');
    const all = sources.flatMap((s) => s.analysis.findings);
    assert.equal(reachesFailOn(all, 'error'), true, 'exit 1 by default');
    assert.equal(reachesFailOn(all, 'never'), false);
    const sarif = JSON.parse(formatReport(sources, 'sarif', { toolVersion: '0', today: '2026-01-01' })) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.deepEqual(
      sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]),
      [['unreadable', 'locked']],
    );
  });

  it('reports a search cut short by its budget', () => {
    for (const d of ['a', 'b', 'c']) put(`${d}/PRODUCTION_READINESS.md`, '- [x] x\n');
    const walked = walkFiles(temp, ['**/PRODUCTION_READINESS.md'], { maxEntries: 2, maxMs: 60_000 });
    assert.equal(walked.unread.length, 1);
    assert.equal(walked.unread[0].path, temp);
    assert.match(walked.unread[0].reason, /^search stopped after 2 entries; \d+ folders? not searched$/);
  });

  it('reports binary, special and undecodable files and broken links as findings, and checks the rest', () => {
    put('good.md', '- [ ] Backups restored (critical)\n- [x] TLS\n');
    put('bin.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    put('latin1.md', new Uint8Array([0x2d, 0x20, 0x5b, 0x78, 0x5d, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a])); // "- [x] café" in Latin-1
    symlinkSync(join(temp, 'nowhere.md'), join(temp, 'dangling.md'));
    let fifo = false;
    try {
      execFileSync('mkfifo', [join(temp, 'pipe.md')]);
      fifo = true;
    } catch {
      // No mkfifo here: the other cases still run.
    }
    const r = runIn(temp, ['check', '.', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as ReadinessReport;
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => x.rule)]));
    assert.deepEqual(byPath['bin.md'], ['unreadable']);
    assert.deepEqual(byPath['dangling.md'], ['unreadable']);
    if (fifo) assert.deepEqual(byPath['pipe.md'], ['unreadable']);
    assert.deepEqual(byPath['good.md'], ['critical-open']);
    assert.deepEqual(byPath['latin1.md'], [], 'decoded (with the Windows-1252 fallback or U+FFFD) and checked');
    assert.equal(report.summary.progress.done, 2);

    const sarif = runIn(temp, ['check', '.', '--format', 'sarif']);
    assert.equal(sarif.status, 1);
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string }[] }[] }).runs[0].results.map((x) => x.ruleId);
    assert.deepEqual(results.filter((x) => x === 'unreadable').length, fifo ? 3 : 2);
    assert.ok(results.includes('critical-open'));

    for (const format of ['text', 'compact', 'github', 'markdown', 'junit']) {
      const out = runIn(temp, ['check', '.', '--format', format]);
      assert.equal(out.status, 1, format);
      assert.ok(out.stdout.includes('bin.md') && out.stdout.includes('binary file'), `${format} names the binary file`);
    }
    const html = runIn(temp, ['report', '.']);
    assert.equal(html.status, 0, html.stderr);
    assert.ok(html.stdout.includes('<code>bin.md</code>') && html.stdout.includes('binary file'), 'the HTML report lists it');
    assert.equal(runIn(temp, ['check', '.', '--fail-on', 'never']).status, 0);
  });

  it('still exits 2 for a named path that does not exist', () => {
    const r = runIn(temp, ['check', 'nope.md']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'readiness: cannot read nope.md: no such file\n');
  });

  it('reports a config that cannot be read, and checks its checklists with the defaults', () => {
    put('.readiness.yml', new Uint8Array([0x00, 0xff, 0x00, 0x01]));
    put('PRODUCTION_READINESS.md', '- [x] ok\n');
    const r = runIn(temp, ['check', '--format', 'compact']);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(
      r.stdout,
      '.readiness.yml:1:1: error: Cannot read this config file (binary file); its checklists are checked with the defaults. [unreadable]\n',
    );
  });

  it('does not read a checklist that links outside the workspace, and says so', () => {
    const outside = mkdtempSync(join(tmpdir(), 'clirob-outside-'));
    try {
      writeFileSync(join(outside, 'secret.md'), '- [ ] secret text\n');
      symlinkSync(join(outside, 'secret.md'), join(temp, 'PRODUCTION_READINESS.md'));
      put('docs/PRODUCTION_READINESS.md', '- [x] ok\n');
      const r = runIn(temp, ['check', '--format', 'json']);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(!r.stdout.includes('secret text'));
      const report = JSON.parse(r.stdout) as ReadinessReport;
      assert.deepEqual(
        report.files.map((f) => [f.path, f.findings.map((x) => `${x.rule}:${x.severity}`)]),
        [
          ['PRODUCTION_READINESS.md', ['link-outside-workspace:warning']],
          ['docs/PRODUCTION_READINESS.md', []],
        ],
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('lets a config turn the rule down', () => {
    put('.readiness.yml', 'checklists: ["*.md"]\nrules:\n  unreadable: warning\n');
    put('good.md', '- [x] ok\n');
    put('bin.md', new Uint8Array([0, 1, 2, 0]));
    const r = runIn(temp, ['check', '--format', 'compact']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'bin.md:1:1: warning: Cannot read this file (binary file); it is not checked. [unreadable]\n');
  });
});

describe('reliability: control characters in human-readable output', () => {
  const span = { start: 0, end: 0, startPosition: { line: 3, column: 5 }, endPosition: { line: 3, column: 5 } };
  const message = 'Item "a\u001b]0;pwned\u0007b\u001b[2J \u202eexe.md\u2066 \u009b c" is critical and open';
  const finding: Finding = { rule: 'critical-open', severity: 'error', message, span };
  const path = 'x\n::error file=forged.md,line=1::forged\r%.md';
  const sources: ReportSource[] = [{ path, analysis: { checklist: null, findings: [finding] } }];
  const shown = 'Item "a\\u001b]0;pwned\\u0007b\\u001b[2J \\u202eexe.md\\u2066 \\u009b c" is critical and open';
  const options = { toolVersion: '0', today: '2026-01-01' };

  it('compact: one line, escapes visible', () => {
    assert.equal(
      formatReport(sources, 'compact', options),
      `x\\u000a::error file=forged.md,line=1::forged\\u000d%.md:3:5: error: ${shown} [critical-open]\n`,
    );
  });

  it('github: one workflow command; the name cannot start another', () => {
    const out = formatReport(sources, 'github', options);
    assert.equal(
      out,
      '::error file=x%0A%3A%3Aerror file=forged.md%2Cline=1%3A%3Aforged%0D%25.md,line=3,col=5,endLine=3,endColumn=5,title=readiness%3A critical-open::' +
        `${shown}\n`,
    );
    assert.equal(out.split('\n').filter((l) => l.startsWith('::')).length, 1);
  });

  it('text: path and message escaped, no raw control characters', () => {
    assert.equal(
      formatReport(sources, 'text', options),
      `x\\u000a::error file=forged.md,line=1::forged\\u000d%.md\n  3:5  error    ${shown}  critical-open\n\n✖ 1 problem (1 error, 0 warnings, 0 infos)\n`,
    );
  });

  it('markdown: item labels and paths escaped', () => {
    const out = formatReport(
      [{ path, analysis: { checklist: null, findings: [{ ...finding, rule: 'unreadable' }] } }],
      'markdown',
      options,
    );
    assert.ok(
      out.endsWith(
        '### Not read (1)\n\n| Where | Problem |\n|---|---|\n' +
          '| `x ::error file=forged.md,line=1::forged %.md` | Item "a\\\\u001b\\]0;pwned\\\\u0007b\\\\u001b\\[2J \\\\u202eexe.md\\\\u2066 \\\\u009b c" is critical and open |\n',
      ),
      out,
    );
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('json, sarif, junit and html keep their own escaping', () => {
    for (const format of ['json', 'sarif'] as const) {
      const out = formatReport(sources, format, options);
      assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f]/, format);
      assert.ok(out.includes('\\u001b]0;pwned\\u0007'), format);
    }
    const html = formatReport(sources, 'html', options);
    assert.doesNotMatch(html, /\u001b|\u0007/);
  });
});

describe('reliability: --max-size values', () => {
  it('explains -1 and 0 as numbers out of range', () => {
    const expected = (v: string) =>
      `--max-size must be a number of millions of characters, more than 0 and at most 1000 (e.g. 2 or 0.5), got '${v}'`;
    for (const v of ['-1', '0', '-0.5']) assert.throws(() => parseCliArgs(['check', '--max-size', v]), { message: expected(v) });
    assert.throws(() => parseCliArgs(['report', '--max-size', '-1']), { message: expected('-1') });
    const after = parseCliArgs(['check', '--', '--max-size', '-1']);
    assert.ok(after.command === 'check' && after.paths.join(' ') === '--max-size -1');
  });
});
