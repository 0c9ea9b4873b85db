// The built CLI's CI formats, `readiness report` and `readiness init`, run as child processes.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import type { ReadinessReport } from '../../src/core/report/jsonReport';
import { addDays, starterChecklist, starterConfig } from '../../src/core/templates/starterFiles';
import { version } from '../../package.json';

const projectRoot = resolve(__dirname, '..', '..');
const cli = join(projectRoot, 'dist', 'cli.js');
const mixed = join('test', 'fixtures', 'cli', 'mixed');

function run(args: readonly string[], cwd = projectRoot): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('readiness CLI: CI formats, report and init (dist/cli.js)', function () {
  this.timeout(60_000);
  let temp: string;

  before(function () {
    if (!existsSync(cli))
      throw new Error(`${cli} is missing: \`npm run test:unit\` builds it; when running mocha directly, run \`npm run build\` first.`);
  });
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'readiness-cli-report-'));
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  describe('check --format', () => {
    const json = () => JSON.parse(run(['check', mixed, '--format', 'json']).stdout) as ReadinessReport;

    it('sarif: one result per finding with the package version, exit code as for text', () => {
      const r = run(['check', mixed, '--format', 'sarif']);
      assert.equal(r.status, 1, r.stderr);
      const log = JSON.parse(r.stdout) as Sarif.Log;
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs[0].tool.driver.version, version);
      const findings = json().files.flatMap((f) => f.findings.map((finding) => [finding.rule, `${f.path}`, finding.line]));
      assert.deepEqual(
        log.runs[0].results?.map((res) => [
          res.ruleId,
          res.locations?.[0].physicalLocation?.artifactLocation?.uri,
          res.locations?.[0].physicalLocation?.region?.startLine,
        ]),
        findings,
      );
    });

    it('junit: well-formed XML with a test case per tracked item', () => {
      const r = run(['check', mixed, '--format', 'junit']);
      assert.equal(r.status, 1);
      assert.equal(XMLValidator.validate(r.stdout), true);
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(r.stdout);
      assert.equal(parsed.testsuites['@_tests'], '6');
      assert.equal(parsed.testsuites['@_failures'], '1');
    });

    it('github: annotation lines; markdown: the summary; compact: one line per finding', () => {
      const github = run(['check', mixed, '--format', 'github']).stdout.trimEnd().split('\n');
      assert.equal(github.length, json().files.flatMap((f) => f.findings).length);
      assert.match(
        github[0],
        /^::error file=test\/fixtures\/cli\/mixed\/PRODUCTION_READINESS\.md,line=6,col=1,endLine=6,endColumn=\d+,title=readiness%3A critical-open::"Rollback tested" is critical and open$/,
      );
      const markdown = run(['check', mixed, '--format', 'markdown']).stdout;
      assert.match(markdown, /^## Production readiness: 50% done$/m);
      assert.match(
        markdown,
        /^\| `test\/fixtures\/cli\/mixed\/PRODUCTION_READINESS\.md` \| Rollout \| `[█░]{10}` \d+% \| 2 \| 1 \| 1 \| 0 \|$/m,
      );
      const compact = run(['check', mixed, '--format', 'compact']).stdout;
      assert.match(
        compact,
        /^test\/fixtures\/cli\/mixed\/PRODUCTION_READINESS\.md:6:1: error: "Rollback tested" is critical and open \[critical-open\]$/m,
      );
    });
  });

  describe('report', () => {
    it('writes a self-contained HTML page to --out and exits 0 despite findings', () => {
      const out = join(temp, 'report.html');
      const r = run(['report', mixed, '--out', out, '--title', 'Checkout <go-live>']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, `wrote ${out}: 50% done, 1 critical open\n`);
      const html = readFileSync(out, 'utf8');
      assert.ok(html.startsWith('<!DOCTYPE html>'));
      assert.ok(html.includes('<h1>Checkout &lt;go-live&gt;</h1>'));
      assert.ok(html.includes('<svg class="ring"'));
      assert.doesNotMatch(html, /<script/);
    });

    it('links every place to its file and line, relative to where the page is written', () => {
      const folder = join(temp, 'svc #1');
      mkdirSync(folder);
      const checklist = join(folder, 'PRODUCTION_READINESS.md');
      // Line 3 holds the open critical item.
      writeFileSync(checklist, '# Svc\n\n- [ ] Rollback tested (critical)\n- [x] Alerts\n');
      const out = join(temp, 'reports', 'r.html');
      mkdirSync(join(temp, 'reports'));
      const r = run(['report', 'svc #1', '--out', out], temp);
      assert.equal(r.status, 0, r.stderr);
      const html = readFileSync(out, 'utf8');
      const hrefs = [...html.matchAll(/<a class="place" href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
      assert.ok(hrefs.length > 0, 'places are links');
      for (const href of hrefs) {
        const target = new URL(href, pathToFileURL(out));
        assert.equal(fileURLToPath(target), checklist, href);
      }
      assert.ok(hrefs.includes('../svc%20%231/PRODUCTION_READINESS.md#L3'), hrefs.join('\n'));
    });

    it('prints the page without --out, and exits 2 for unreadable input or an unwritable file', () => {
      const r = run(['report', mixed]);
      assert.equal(r.status, 0);
      assert.ok(r.stdout.startsWith('<!DOCTYPE html>') && r.stdout.trimEnd().endsWith('</html>'));
      const missing = run(['report', join(temp, 'nope.md')]);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^readiness: cannot read .*nope\.md/m);
      const unwritable = run(['report', mixed, '--out', join(temp, 'no', 'such', 'dir', 'r.html')]);
      assert.equal(unwritable.status, 2);
      assert.match(unwritable.stderr, /^readiness: cannot write .*r\.html: /m);
    });
  });

  describe('init', () => {
    it('writes PRODUCTION_READINESS.md and .readiness.yml into an empty folder, which then check as expected', () => {
      const r = run(['init'], temp);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'created PRODUCTION_READINESS.md and .readiness.yml from the service template\n');
      const name = temp.split(/[\\/]/).pop()!;
      const checklist = readFileSync(join(temp, 'PRODUCTION_READINESS.md'), 'utf8');
      assert.ok(checklist.startsWith(`# ${name}: production readiness\n`));
      assert.equal(readFileSync(join(temp, '.readiness.yml'), 'utf8'), starterConfig('service'));
      // The check finds the new checklist through the new config, with only critical-open errors.
      const check = run(['check', '--format', 'json'], temp);
      assert.equal(check.status, 1);
      const report = JSON.parse(check.stdout) as ReadinessReport;
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['PRODUCTION_READINESS.md'],
      );
      assert.deepEqual([...new Set(report.files[0].findings.map((f) => f.rule))], ['critical-open']);
      assert.equal(report.files[0].categories.length, 8);
    });

    it('takes a folder (created when missing) and a template', () => {
      const folder = join(temp, 'new', 'pipeline');
      const created = run(['init', folder, '-t', 'data-pipeline']);
      assert.equal(created.status, 0, created.stderr);
      assert.ok(statSync(folder).isDirectory());
      const text = readFileSync(join(folder, 'PRODUCTION_READINESS.md'), 'utf8');
      assert.ok(text.startsWith('# pipeline: production readiness\n'));
      assert.ok(text.includes('\n## Data\n'));
      assert.equal(readFileSync(join(folder, '.readiness.yml'), 'utf8'), starterConfig('data-pipeline'));
    });

    it('refuses to overwrite existing files without --force (exit 2, nothing written), and overwrites with it', () => {
      writeFileSync(join(temp, 'PRODUCTION_READINESS.md'), '# Mine\n\n- [x] Keep me\n');
      const r = run(['init'], temp);
      assert.equal(r.status, 2);
      assert.equal(
        r.stderr,
        'readiness: PRODUCTION_READINESS.md already exists; nothing was written\nRun `readiness init --force` to overwrite.\n',
      );
      assert.equal(readFileSync(join(temp, 'PRODUCTION_READINESS.md'), 'utf8'), '# Mine\n\n- [x] Keep me\n');
      assert.equal(existsSync(join(temp, '.readiness.yml')), false, 'the config was not written either');

      writeFileSync(join(temp, '.readiness.yaml'), 'evidence:\n  required: all\n');
      assert.match(
        run(['init'], temp).stderr,
        /^readiness: PRODUCTION_READINESS\.md and \.readiness\.yaml already exist; nothing was written$/m,
      );

      const forced = run(['init', '--force', '--template', 'web-frontend'], temp);
      assert.equal(forced.status, 0, forced.stderr);
      assert.equal(
        forced.stdout,
        'wrote (overwriting existing files) PRODUCTION_READINESS.md and .readiness.yml from the web-frontend template\n',
      );
      const written = readFileSync(join(temp, 'PRODUCTION_READINESS.md'), 'utf8');
      const today = /due: (\d{4}-\d{2}-\d{2})/.exec(written)![1];
      const name = temp.split(/[\\/]/).pop()!;
      // The example due dates lie 14 days after today.
      assert.equal(written, starterChecklist({ name, today: addDays(today, -14), template: 'web-frontend' }));
      assert.equal(readFileSync(join(temp, '.readiness.yml'), 'utf8'), starterConfig('web-frontend'));
    });

    it('rejects an unknown template, a file as folder and extra arguments', () => {
      const cases: [string[], RegExp][] = [
        [['init', '--template', 'mobile'], /^readiness: invalid --template 'mobile' \(expected service, web-frontend, data-pipeline\)$/m],
        [['init', 'a', 'b'], /^readiness: init takes at most one folder, got 2$/m],
      ];
      for (const [args, message] of cases) {
        const r = run(args, temp);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, message);
      }
      mkdirSync(join(temp, 'sub'));
      writeFileSync(join(temp, 'sub', 'file.txt'), 'x');
      const file = run(['init', 'sub/file.txt'], temp);
      assert.equal(file.status, 2);
      assert.match(file.stderr, /^readiness: cannot init sub\/file\.txt: not a folder$/m);
    });

    it('has help for report and init', () => {
      assert.match(run(['report', '--help']).stdout, /^Usage: readiness report/);
      assert.match(run(['help', 'init']).stdout, /service +a backend service or API/);
      assert.match(run(['--help']).stdout, /readiness init \[folder\]/);
    });
  });
});
