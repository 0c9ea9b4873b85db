// End-to-end tests of the built CLI (dist/cli.js), run as a child process like CI runs it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ReadinessReport, ReportFinding, ReportItem } from '../../src/core/report/jsonReport';
import { validateReport } from '../../src/core/config/generated/validators.js';
import { version } from '../../package.json';

const projectRoot = resolve(__dirname, '..', '..');
const cli = join(projectRoot, 'dist', 'cli.js');
const fixtures = join(projectRoot, 'test', 'fixtures', 'cli');
const corpus = resolve(projectRoot, '..', 'shared', 'corpus');
/** The start of an ANSI escape sequence. */
const ANSI = '\u001b[';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js …` with colour variables cleared unless the test sets them. */
function run(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) if (!options.env || !(name in options.env)) delete env[name];
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `check --format json`, asserts the exit code, validates the report against the schema. */
function checkJson(args: readonly string[], expectedStatus: number | number[], options: { cwd?: string } = {}): ReadinessReport {
  const r = run(['check', '--format', 'json', ...args], options);
  const allowed = Array.isArray(expectedStatus) ? expectedStatus : [expectedStatus];
  assert.ok(r.status !== null && allowed.includes(r.status), `exit ${r.status}, expected ${allowed.join(' or ')}; stderr: ${r.stderr}`);
  const report: unknown = JSON.parse(r.stdout);
  assert.ok(validateReport(report), `report does not match the schema: ${JSON.stringify(validateReport.errors, null, 2)}`);
  return report as ReadinessReport;
}

function fixture(...parts: string[]): string {
  return join('test', 'fixtures', 'cli', ...parts);
}

function allFindings(report: ReadinessReport): ReportFinding[] {
  return report.files.flatMap((f) => f.findings);
}

function items(report: ReadinessReport): ReportItem[] {
  const out: ReportItem[] = [];
  const walk = (list: readonly ReportItem[]): void =>
    list.forEach((i) => {
      out.push(i);
      walk(i.children);
    });
  for (const file of report.files) {
    walk(file.items);
    const categories = [...file.categories];
    while (categories.length > 0) {
      const c = categories.shift()!;
      walk(c.items);
      categories.push(...c.categories);
    }
  }
  return out;
}

describe('readiness CLI (dist/cli.js)', function () {
  // Each test starts Node processes; a loaded CI machine needs more than mocha's default.
  this.timeout(60_000);
  let temp: string;

  before(function () {
    if (!existsSync(cli))
      throw new Error(`${cli} is missing: \`npm run test:unit\` builds it; when running mocha directly, run \`npm run build\` first.`);
  });
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'readiness-cli-'));
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  /** Writes a file under the test's temp folder and returns its absolute path. */
  function tempFile(relativePath: string, content: string | Uint8Array): string {
    const path = join(temp, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  describe('usage', () => {
    it('prints the package version', () => {
      const r = run(['--version']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, `${version}\n`);
    });

    it('prints help for the tool and for each command', () => {
      for (const args of [['--help'], ['help'], ['check', '--help'], ['set', '-h'], ['help', 'set']]) {
        const r = run(args);
        assert.equal(r.status, 0, args.join(' '));
        assert.match(r.stdout, /Usage:/);
      }
      assert.match(run(['check', '--help']).stdout, /--fail-on error\|warning\|never/);
      assert.match(run(['set', '--help']).stdout, /done \| open \| in-progress \| n\/a/);
    });

    it('exits 2 with a one-line message for usage errors', () => {
      const cases: [string[], RegExp][] = [
        [[], /^readiness: no command given$/m],
        [['frobnicate'], /^readiness: unknown command 'frobnicate'$/m],
        [['check', '--bogus'], /^readiness: unknown option '--bogus'$/m],
        [
          ['check', '--format', 'xml'],
          /^readiness: invalid --format 'xml' \(expected text, json, compact, sarif, junit, github, markdown\)$/m,
        ],
        [['check', '--format'], /^readiness: option '--format' needs a value$/m],
        [['check', '--fail-on', 'sometimes'], /^readiness: invalid --fail-on 'sometimes'/m],
        [['set', 'a.md', 'x'], /^readiness: set takes 3 arguments/m],
        [['set', 'a.md', 'x', 'finished'], /^readiness: unknown state 'finished'/m],
      ];
      for (const [args, message] of cases) {
        const r = run(args);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, message, args.join(' '));
        assert.equal(r.stdout, '');
      }
    });
  });

  describe('check: exit codes', () => {
    it('exits 0 on a clean checklist and shows its progress', () => {
      const r = run(['check', fixture('clean', 'PRODUCTION_READINESS.md')]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^test\/fixtures\/cli\/clean\/PRODUCTION_READINESS\.md$/m);
      assert.match(r.stdout, /^ {2}██████████ 100% {2}4\/4 done · 1 n\/a$/m);
      assert.match(r.stdout, /^ {2}Reliability +██████████ 100% {2}2\/2$/m);
      assert.match(r.stdout, /✔ no problems/);
    });

    it('exits 1 on an error and lists findings in the stylish layout', () => {
      const r = run(['check', fixture('mixed')]);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^ {2}█████░░░░░ {2}50% {2}3\/6 done · 1 in progress · 1 critical open$/m);
      assert.match(r.stdout, /^ {2}6:\d+ +error +.+ +critical-open$/m);
      assert.match(r.stdout, /^ {2}7:\d+ +warning +.+ +overdue$/m);
      assert.match(r.stdout, /^ {2}8:\d+ +warning +.+ +evidence-broken$/m);
      assert.match(r.stdout, /^✖ \d+ problems \(1 error, \d+ warnings, \d+ infos?\)$/m);
    });

    it('honours --fail-on', () => {
      assert.equal(run(['check', fixture('mixed'), '--fail-on', 'never']).status, 0);
      assert.equal(run(['check', fixture('warn-only')]).status, 0);
      assert.equal(run(['check', fixture('warn-only'), '--fail-on', 'warning']).status, 1);
      assert.equal(run(['check', fixture('clean', 'PRODUCTION_READINESS.md'), '--fail-on', 'warning']).status, 0);
    });

    it('exits 2 for a missing path, with a one-line message', () => {
      const r = run(['check', 'nope.md']);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'readiness: cannot read nope.md: no such file\n');
      assert.equal(r.stdout, '');
    });

    it('reports a binary file as unreadable and exits 1', () => {
      tempFile('PRODUCTION_READINESS.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
      const r = run(['check', 'PRODUCTION_READINESS.md', '--format', 'compact'], { cwd: temp });
      assert.equal(r.status, 1);
      assert.equal(r.stdout, 'PRODUCTION_READINESS.md:1:1: error: Cannot read this file (binary file); it is not checked. [unreadable]\n');
      assert.equal(r.stderr, '');
    });

    it('reports an unreadable file and an unreadable folder, and exits 1', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything (test/unit/reliability.cli.test.ts stubs the folder instead)
      const file = tempFile('PRODUCTION_READINESS.md', '- [ ] a\n');
      tempFile('locked/PRODUCTION_READINESS.md', '- [ ] b\n');
      chmodSync(file, 0o000);
      chmodSync(join(temp, 'locked'), 0o000);
      try {
        const r = run(['check', '--format', 'compact'], { cwd: temp });
        assert.equal(r.status, 1);
        assert.equal(
          r.stdout,
          'locked:1:1: error: Cannot read this folder (permission denied); checklists in it are not checked. [unreadable]\n' +
            'PRODUCTION_READINESS.md:1:1: error: Cannot read this file (permission denied); it is not checked. [unreadable]\n',
        );
      } finally {
        chmodSync(join(temp, 'locked'), 0o755);
      }
    });

    it('exits 2 when no checklist is found', () => {
      const r = run(['check'], { cwd: temp });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^readiness: no checklists found/);
    });

    it('reports one no-items info for an empty file and exits 0', () => {
      const report = checkJson([fixture('empty', 'EMPTY.md')], 0);
      assert.deepEqual(
        allFindings(report).map((f) => [f.rule, f.severity]),
        [['no-items', 'info']],
      );
      const r = run(['check', fixture('empty', 'EMPTY.md')]);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^✖ 1 problem \(0 errors, 0 warnings, 1 info\)$/m);
    });
  });

  describe('check: colour', () => {
    it('writes no ANSI codes when stdout is not a terminal', () => {
      assert.ok(!run(['check', fixture('mixed')]).stdout.includes(ANSI));
    });

    it('colours with FORCE_COLOR, and NO_COLOR or --no-color win over it', () => {
      assert.ok(run(['check', fixture('mixed')], { env: { FORCE_COLOR: '1' } }).stdout.includes(ANSI));
      assert.ok(!run(['check', fixture('mixed')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ANSI));
      assert.ok(!run(['check', fixture('mixed'), '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout.includes(ANSI));
    });
  });

  describe('check: JSON report', () => {
    it('matches the report schema and carries items, links and findings', () => {
      const report = checkJson([fixture('mixed'), fixture('clean', 'PRODUCTION_READINESS.md')], 1);
      assert.equal(report.version, 1);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['test/fixtures/cli/mixed/PRODUCTION_READINESS.md', 'test/fixtures/cli/clean/PRODUCTION_READINESS.md'],
      );
      const [mixed, clean] = report.files;
      assert.equal(mixed.title, 'Checkout readiness');
      assert.deepEqual(
        mixed.categories.map((c) => c.title),
        ['Rollout', 'Security'],
      );
      const rollback = items(report).find((i) => i.id === 'rollback-tested' && i.state === 'open');
      assert.ok(rollback, 'the open critical item is in the report');
      assert.equal(rollback.critical, true);
      const critical = mixed.findings.find((f) => f.rule === 'critical-open');
      assert.equal(critical?.itemId, 'rollback-tested');
      assert.equal(critical?.line, 6);
      const alerts = mixed.categories[0].items.find((i) => i.owner !== null);
      assert.deepEqual([alerts?.owner, alerts?.due, alerts?.state], ['ops', '2000-01-01', 'in-progress']);
      assert.deepEqual(
        items(report).flatMap((i) => i.evidence),
        [
          { target: 'docs/evidence/missing.md', exists: false },
          { target: 'docs/evidence/load-test.md', exists: true },
        ],
      );
      assert.deepEqual(
        clean.categories[1].items.flatMap((i) => i.runbooks),
        [{ target: 'docs/runbooks/payments.md', exists: true }],
      );
      assert.deepEqual(report.summary.progress, { done: 7, open: 2, inProgress: 1, notApplicable: 1, untracked: 0, percent: 70 });
      assert.equal(report.summary.files, 2);
      assert.equal(report.summary.findings.error, 1);
    });

    it('is parseable when the report is large (stdout is flushed before exit)', function () {
      // Only a guard against a hang: parsing 5 MB takes about a minute of CPU, several on a loaded
      // machine. Speed is measured by `npm run bench`, never asserted here.
      this.timeout(600_000);
      const section = (n: number): string =>
        `## Area ${n}\n\n${Array.from({ length: 40 }, (_, i) => `- [${i % 3 === 0 ? 'x' : ' '}] Check ${n}.${i} is in place, with a long enough description to fill the line @team${i % 7}\n`).join('')}\n`;
      const parts = ['# Huge readiness\n\n'];
      let size = parts[0].length;
      for (let n = 0; size < 5 * 1024 * 1024; n++) {
        parts.push(section(n));
        size += parts[parts.length - 1].length;
      }
      tempFile('PRODUCTION_READINESS.md', parts.join(''));
      const refused = checkJson([], 1, { cwd: temp });
      assert.deepEqual(
        allFindings(refused).map((f) => f.rule),
        ['too-large'],
        'over the default 2,000,000 characters',
      );
      const report = checkJson(['--max-size', '6'], [0, 1], { cwd: temp });
      assert.ok(report.summary.progress.done > 10_000, `done = ${report.summary.progress.done}`);
    });
  });

  describe('check: discovery and config', () => {
    it('uses the nearest config: its checklists globs, critical selectors and rule severities', () => {
      const report = checkJson([], 1, { cwd: join(fixtures, 'with-config') });
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['services/api/READINESS.md', 'services/web/READINESS.md'],
      );
      const rehearsed = items(report).find((i) => i.text.startsWith('Rollback rehearsed'));
      assert.equal(rehearsed?.critical, true);
      assert.deepEqual(
        allFindings(report).map((f) => [f.rule, f.severity]),
        [['overdue', 'error']],
      );
    });

    it('does not follow evidence that is a symbolic link pointing outside the workspace', () => {
      const secret = tempFile('outside/secret.md', 'secret');
      tempFile('repo/.git/HEAD', 'ref: refs/heads/main\n');
      const checklist = tempFile('repo/PRODUCTION_READINESS.md', '- [x] Audit [log](evidence/link.md) [ok](evidence/real.md)\n');
      tempFile('repo/evidence/real.md', 'ok');
      symlinkSync(secret, join(temp, 'repo/evidence/link.md'));
      const report = checkJson([checklist], [0, 1]);
      const [link, real] = items(report)[0].evidence;
      assert.deepEqual([link.exists, real.exists], [false, true]);
      assert.deepEqual(
        allFindings(report).map((f) => f.rule),
        ['link-outside-workspace'],
      );
    });

    it('checks a folder with its own config through the config globs, other folders file by file', () => {
      const report = checkJson([fixture('with-config')], 1);
      assert.deepEqual(
        report.files.map((f) => f.path.split('/').slice(-3).join('/')),
        ['services/api/READINESS.md', 'services/web/READINESS.md'],
      );
      const all = checkJson([fixture('with-config', 'services')], [0, 1]);
      assert.ok(
        all.files.some((f) => f.path.endsWith('services/web/NOTES.md')),
        'a folder without a config lists every Markdown file',
      );
    });

    it('applies --config to every checklist', () => {
      assert.equal(run(['check', fixture('strict-config')]).status, 0);
      const report = checkJson(
        [fixture('strict-config', 'PRODUCTION_READINESS.md'), '--config', fixture('strict-config', 'strict.yml')],
        1,
      );
      assert.deepEqual(
        allFindings(report).map((f) => [f.rule, f.itemId]),
        [['critical-open', 'backups']],
      );
    });

    it('reports an invalid config file under its own path (exit 1, not 2)', () => {
      const nearest = checkJson([], 1, { cwd: join(fixtures, 'bad-config') });
      assert.deepEqual(
        nearest.files.map((f) => f.path),
        ['.readiness.yml', 'PRODUCTION_READINESS.md'],
      );
      assert.ok(nearest.files[0].findings.length > 0);
      assert.ok(nearest.files[0].findings.every((f) => f.rule === 'config-invalid' && f.severity === 'error'));

      const given = run(['check', fixture('clean', 'PRODUCTION_READINESS.md'), '--config', fixture('bad-config', '.readiness.yml')]);
      assert.equal(given.status, 1, given.stderr);
      assert.match(given.stdout, /^test\/fixtures\/cli\/bad-config\/\.readiness\.yml$/m);
      assert.match(given.stdout, /config-invalid/);
    });

    it('exits 2 when --config names a missing file', () => {
      const r = run(['check', fixture('clean', 'PRODUCTION_READINESS.md'), '--config', 'missing.yml']);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'readiness: cannot read missing.yml: no such file\n');
    });

    it('searches folders for Markdown, skipping node_modules and hidden folders', () => {
      tempFile('a.md', '- [ ] a\n');
      tempFile('sub/b.markdown', '- [x] b\n');
      tempFile('sub/notes.txt', '- [ ] not markdown\n');
      tempFile('node_modules/pkg/c.md', '- [ ] c\n');
      tempFile('.hidden/d.md', '- [ ] d\n');
      const report = checkJson(['.'], 0, { cwd: temp });
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['a.md', 'sub/b.markdown'],
      );
    });

    it('finds **/PRODUCTION_READINESS.md without paths or config', () => {
      tempFile('PRODUCTION_READINESS.md', '- [x] root\n');
      tempFile('svc/PRODUCTION_READINESS.md', '- [ ] svc\n');
      tempFile('svc/README.md', '- [ ] readme\n');
      tempFile('node_modules/x/PRODUCTION_READINESS.md', '- [ ] dependency\n');
      const report = checkJson([], 0, { cwd: temp });
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['PRODUCTION_READINESS.md', 'svc/PRODUCTION_READINESS.md'],
      );
    });

    it('resolves links from the repository root and stops config lookup there', () => {
      tempFile('.readiness.yml', 'rules:\n  evidence-broken: error\n'); // above the repository: must not apply
      mkdirSync(join(temp, 'repo', '.git'), { recursive: true });
      tempFile('repo/docs/evidence/ok.md', 'ok\n');
      tempFile('repo/svc/PRODUCTION_READINESS.md', '- [x] A ([e](../docs/evidence/ok.md))\n- [x] B ([e](../docs/evidence/gone.md))\n');
      const report = checkJson(['svc'], 0, { cwd: join(temp, 'repo') });
      assert.deepEqual(
        items(report).flatMap((i) => i.evidence.map((e) => e.exists)),
        [true, false],
      );
      assert.deepEqual(
        allFindings(report).map((f) => [f.rule, f.severity]),
        [['evidence-broken', 'warning']],
      );
    });
  });

  describe('set', () => {
    it('sets an item by id, changing only its marker', () => {
      const file = join(temp, 'PRODUCTION_READINESS.md');
      copyFileSync(join(fixtures, 'mixed', 'PRODUCTION_READINESS.md'), file);
      const before = readFileSync(file, 'utf8');
      const r = run(['set', file, 'rollback-tested', 'done']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^set "Rollback tested[^"]*" \(line 6\) to done\n$/);
      assert.equal(readFileSync(file, 'utf8'), before.replace('- [ ] Rollback tested', '- [x] Rollback tested'));
    });

    it('sets an item by line in a CRLF file with a BOM, keeping every other byte', () => {
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      const body = '# Launch\r\n\r\n## Ops\r\n\r\n- [ ] Pager set up\r\n- [ ] Rollback tested ✅ later\r\n';
      const file = tempFile('PRODUCTION_READINESS.md', Buffer.concat([bom, Buffer.from(body)]));
      const r = run(['set', 'PRODUCTION_READINESS.md', '6', 'done'], { cwd: temp });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'set "Rollback tested ✅ later" (line 6) to done\n');
      assert.deepEqual(readFileSync(file), Buffer.concat([bom, Buffer.from(body.replace('- [ ] Rollback', '- [x] Rollback'))]));
    });

    it('accepts the inprogress and na aliases', () => {
      const file = tempFile('c.md', '- [ ] a\n- [ ] b\n');
      assert.equal(run(['set', file, '1', 'inprogress']).status, 0);
      assert.equal(run(['set', file, '2', 'NA']).status, 0);
      assert.deepEqual(
        checkJson([file], 0).files[0].items.map((i) => i.state),
        ['in-progress', 'n/a'],
      );
    });

    it('does not write when the item is already in that state', () => {
      const file = tempFile('c.md', '- [x] Pager\n');
      chmodSync(file, 0o444); // a write would fail (for non-root users) or change nothing
      const r = run(['set', file, '1', 'done']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '"Pager" (line 1) is already done\n');
      assert.equal(readFileSync(file, 'utf8'), '- [x] Pager\n');
    });

    it('exits 2 on an unknown item and says how to list ids', () => {
      const file = tempFile('c.md', '- [ ] Pager\n');
      const r = run(['set', 'c.md', 'no-such-item', 'done'], { cwd: temp });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^readiness: no item 'no-such-item' in c\.md\n/);
      assert.match(r.stderr, /readiness check c\.md --format json/);
      assert.equal(readFileSync(file, 'utf8'), '- [ ] Pager\n');
    });

    describe('evidence policy', () => {
      const CONFIG = 'critical:\n  - category: Security\nevidence:\n  required: critical\n';
      const CHECKLIST = [
        '# Launch',
        '',
        '## Security',
        '',
        '- [ ] Pen test signed off',
        '- [ ] Access review ([evidence](docs/access.md))',
        '- [ ] Firewall reviewed ([evidence](docs/missing.md))',
        '',
        '## Docs',
        '',
        '- [ ] Readme written',
        '',
      ].join('\n');
      const REFUSAL = (text: string, line: number) =>
        `readiness: Evidence is required before "${text}" can be marked done: link an existing evidence file first.\n` +
        `Nothing was written (line ${line} of PRODUCTION_READINESS.md). Link the evidence in the item, or run again with --force to set it anyway.\n`;
      let file: string;
      beforeEach(() => {
        tempFile('.readiness.yml', CONFIG);
        tempFile('docs/access.md', '# Access review\n');
        file = tempFile('PRODUCTION_READINESS.md', CHECKLIST);
      });

      it('refuses to mark done a critical item without evidence: exit 1, the reason on stderr, the file unchanged', () => {
        const before = readFileSync(file);
        for (const [line, text] of [
          [5, 'Pen test signed off'],
          // Named by its clean label: "(evidence)" only names the link.
          [7, 'Firewall reviewed'],
        ] as const) {
          const r = run(['set', 'PRODUCTION_READINESS.md', String(line), 'done'], { cwd: temp });
          assert.equal(r.status, 1, text);
          assert.equal(r.stdout, '');
          assert.equal(r.stderr, REFUSAL(text, line));
          assert.deepEqual(readFileSync(file), before, `${text}: the file is unchanged`);
        }
      });

      it('writes it with --force', () => {
        const r = run(['set', 'PRODUCTION_READINESS.md', '5', 'done', '--force'], { cwd: temp });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, 'set "Pen test signed off" (line 5) to done\n');
        assert.equal(readFileSync(file, 'utf8'), CHECKLIST.replace('- [ ] Pen test', '- [x] Pen test'));
      });

      it('marks done an item whose evidence exists, a non-critical item, and other states without evidence', () => {
        assert.equal(run(['set', 'PRODUCTION_READINESS.md', '6', 'done'], { cwd: temp }).status, 0);
        assert.equal(run(['set', 'PRODUCTION_READINESS.md', '11', 'done'], { cwd: temp }).status, 0);
        assert.equal(run(['set', 'PRODUCTION_READINESS.md', '5', 'in-progress'], { cwd: temp }).status, 0);
        assert.equal(
          readFileSync(file, 'utf8'),
          CHECKLIST.replace('- [ ] Access', '- [x] Access').replace('- [ ] Readme', '- [x] Readme').replace('- [ ] Pen', '- [~] Pen'),
        );
      });

      it('documents --force in `set --help`', () => {
        const r = run(['set', '--help']);
        assert.equal(r.status, 0);
        assert.match(r.stdout, /--force +mark done even though required evidence is missing/);
      });
    });

    it('exits 2 for a directory, a missing file, a binary file or invalid UTF-8', () => {
      tempFile('bin.md', new Uint8Array([0x2d, 0x20, 0x00, 0x01]));
      tempFile('latin1.md', new Uint8Array([0x2d, 0x20, 0x5b, 0x20, 0x5d, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
      const cases: [string, string][] = [
        ['.', 'readiness: cannot read .: is a directory\n'],
        ['nope.md', 'readiness: cannot read nope.md: no such file\n'],
        ['bin.md', 'readiness: cannot read bin.md: binary file\n'],
        ['latin1.md', 'readiness: cannot edit latin1.md: not valid UTF-8 (writing it back would lose bytes)\n'],
      ];
      for (const [file, message] of cases) {
        const r = run(['set', file, '1', 'done'], { cwd: temp });
        assert.equal(r.status, 2, file);
        assert.equal(r.stderr, message);
      }
    });
  });

  describe('corpus', () => {
    it('checks ../shared/corpus and prints a schema-valid report', function () {
      if (!existsSync(corpus)) {
        console.log(`      (skipped: ${corpus} is not present; the corpus is optional test data)`);
        this.skip();
      }
      this.timeout(120_000);
      const report = checkJson([corpus], [0, 1]);
      assert.ok(report.files.length > 10, `${report.files.length} files`);
      assert.ok(report.files.every((f) => f.path.startsWith('../shared/corpus/')));
      assert.ok(report.summary.progress.done + report.summary.progress.open > 100);
    });
  });
});
