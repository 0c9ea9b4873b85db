// `readiness history`, `check --blame` and `report --history` on real git repositories built
// here (authors and dates set through GIT_AUTHOR_*/GIT_COMMITTER_*), run through the built CLI
// (dist/cli.js) as CI runs it. Expected values are read from the checklists these tests write.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { validateHistory, validateReport } from '../../src/core/config/generated/validators.js';
import type { ReadinessReport, ReportItem } from '../../src/core/report/jsonReport';
import type { HistoryReport } from '../../src/core/report/historyReport';

const projectRoot = resolve(__dirname, '..', '..');
const cli = join(projectRoot, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A git repository in a temp folder, with commits by whom and when the test says. */
class Repo {
  readonly dir = mkdtempSync(join(tmpdir(), 'readiness-history-'));
  constructor() {
    this.git(['init', '-q', '-b', 'main']);
  }
  git(args: string[], env: Record<string, string> = {}): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...env } });
  }
  write(path: string, text: string): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
  }
  commit(author: string, date: string, message: string, extra: string[] = []): string {
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '-m', message, ...extra], as(author, date));
    return this.git(['rev-parse', 'HEAD']).trim();
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function as(author: string, date: string): Record<string, string> {
  const email = `${author.toLowerCase().replace(/\W+/g, '.')}@example.com`;
  return {
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: date,
  };
}

function history(args: string[], cwd: string): HistoryReport {
  const r = run(['history', '--format', 'json', ...args], cwd);
  assert.equal(r.status, 0, r.stderr);
  const json: unknown = JSON.parse(r.stdout);
  assert.ok(validateHistory(json), JSON.stringify(validateHistory.errors));
  return json as HistoryReport;
}

function blameReport(args: string[], cwd: string): ReadinessReport {
  const r = run(['check', '--blame', '--format', 'json', '--fail-on', 'never', ...args], cwd);
  assert.equal(r.status, 0, r.stderr);
  const json: unknown = JSON.parse(r.stdout);
  assert.ok(validateReport(json), JSON.stringify(validateReport.errors));
  return json as ReadinessReport;
}

function allItems(report: ReadinessReport): ReportItem[] {
  const out: ReportItem[] = [];
  const walk = (items: readonly ReportItem[]) => items.forEach((i) => (out.push(i), walk(i.children)));
  for (const f of report.files) {
    walk(f.items);
    const cats = [...f.categories];
    while (cats.length > 0) {
      const c = cats.shift()!;
      walk(c.items);
      cats.push(...c.categories);
    }
  }
  return out;
}

const itemOf = (report: ReadinessReport, label: string) => allItems(report).find((i) => i.label.startsWith(label))!;

const CHECKLIST = [
  '# Payments',
  '',
  '## Security',
  '',
  '- [ ] TLS everywhere (critical)',
  '- [ ] Secrets rotated',
  '',
  '## Operations',
  '',
  '- [ ] Backups restored once',
  '- [ ] Alerts routed',
  '',
].join('\n');

describe('readiness history, check --blame, report --history (git)', function () {
  this.timeout(120_000);
  before(function () {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first.`);
  });

  describe('a checklist with authors, a rename and a merged branch', () => {
    const repo = new Repo();
    const commits: Record<string, string> = {};
    before(() => {
      repo.write('CHECKLIST.md', CHECKLIST);
      commits.add = repo.commit('Alice', '2026-11-01T09:00:00+01:00', 'Add checklist');
      repo.write('CHECKLIST.md', CHECKLIST.replace('- [ ] TLS', '- [x] TLS'));
      commits.tls = repo.commit('Bob', '2026-11-03T10:00:00+01:00', 'Tick TLS, after "drill"');
      repo.git(['mv', 'CHECKLIST.md', 'PRODUCTION_READINESS.md']);
      commits.rename = repo.commit('Carol', '2026-11-05T11:00:00+01:00', 'Rename checklist');
      // A branch ticks Backups; main moves on elsewhere; the branch is merged (--no-ff).
      repo.git(['checkout', '-q', '-b', 'ops']);
      repo.write('PRODUCTION_READINESS.md', CHECKLIST.replace('- [ ] TLS', '- [x] TLS').replace('- [ ] Backups', '- [x] Backups'));
      commits.backups = repo.commit('Dave', '2026-11-07T12:00:00+01:00', 'Tick backups');
      repo.git(['checkout', '-q', 'main']);
      repo.write('README.md', 'Service\n');
      commits.readme = repo.commit('Alice', '2026-11-08T09:00:00+01:00', 'Readme');
      repo.git(['merge', '-q', '--no-ff', '-m', "Merge branch 'ops'", 'ops'], as('Erin', '2026-11-09T15:30:00+01:00'));
      commits.merge = repo.git(['rev-parse', 'HEAD']).trim();
      // Uncommitted: Secrets ticked in the working tree only.
      repo.write(
        'PRODUCTION_READINESS.md',
        CHECKLIST.replace('- [ ] TLS', '- [x] TLS').replace('- [ ] Backups', '- [x] Backups').replace('- [ ] Secrets', '- [x] Secrets'),
      );
    });
    after(() => repo.remove());

    it('history --format json: a point per commit that changed the file, through the rename and the merge, then the working tree', () => {
      const report = history([], repo.dir);
      assert.equal(report.version, 1);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['PRODUCTION_READINESS.md'],
      );
      const points = report.files[0].points;
      // Four items, TLS critical. The readme commit did not touch the checklist; the merge brought Backups.
      assert.deepEqual(
        points.map((p) => [p.commit, p.author, p.subject, p.done, p.open, p.criticalOpen, p.percent]),
        [
          [commits.add, 'Alice', 'Add checklist', 0, 4, 1, 0],
          [commits.tls, 'Bob', 'Tick TLS, after "drill"', 1, 3, 0, 25],
          [commits.rename, 'Carol', 'Rename checklist', 1, 3, 0, 25],
          [commits.merge, 'Erin', "Merge branch 'ops'", 2, 2, 0, 50],
          [null, '', '', 3, 1, 0, 75],
        ],
      );
      assert.equal(points[1].date, '2026-11-03T10:00:00+01:00');
      assert.deepEqual(Object.keys(points[0]), [
        'commit',
        'date',
        'author',
        'subject',
        'done',
        'open',
        'inProgress',
        'notApplicable',
        'untracked',
        'criticalOpen',
        'percent',
      ]);
    });

    it('history --max-count and --since keep the newest commits', () => {
      const subjects = (r: HistoryReport) => r.files[0].points.map((p) => p.subject);
      assert.deepEqual(subjects(history(['--max-count', '2'], repo.dir)), ['Rename checklist', "Merge branch 'ops'", '']);
      assert.deepEqual(subjects(history(['--since', '2026-11-04'], repo.dir)), ['Rename checklist', "Merge branch 'ops'", '']);
    });

    it('history --format csv: a row per point, RFC 4180 quoting of subjects with commas and quotes', () => {
      const r = run(['history', '--format', 'csv'], repo.dir);
      assert.equal(r.status, 0, r.stderr);
      const rows = r.stdout.split('\r\n');
      assert.equal(rows[0], 'path,commit,date,author,subject,done,open,inProgress,notApplicable,untracked,criticalOpen,percent');
      assert.equal(
        rows[2],
        `PRODUCTION_READINESS.md,${commits.tls},2026-11-03T10:00:00+01:00,Bob,"Tick TLS, after ""drill""",1,3,0,0,0,0,25`,
      );
      assert.match(rows[5], /^PRODUCTION_READINESS\.md,,[^,]+,,,3,1,0,0,0,0,75$/);
      assert.equal(rows.length, 7, 'header, five points, and the empty string after the last CRLF');
    });

    it('history text: sparklines of done and total, and the commits that moved progress', () => {
      const r = run(['history'], repo.dir);
      assert.equal(r.status, 0, r.stderr);
      // done 0,1,1,2,3 of 4 tracked → levels ⌊8·v/4⌋: 0,2,2,4,6; total 4 throughout → █.
      assert.match(r.stdout, /^ {2}Done +▁▃▃▅▇ {2}0 → 3 of 4 \(75%\)$/m);
      assert.match(r.stdout, /^ {2}Total +█████ {2}4 → 4 tracked$/m);
      assert.match(r.stdout, /^ {2}Security +▁▅▅▅█ {2}2\/2 \(100%\)$/m);
      assert.match(r.stdout, /Changes that moved progress \(3\):/);
      assert.match(
        r.stdout,
        new RegExp(`2026-11-03  ${commits.tls.slice(0, 7)}  Bob +\\+1 done, −1 critical open +Tick TLS, after "drill"`),
      );
      assert.match(r.stdout, new RegExp(`2026-11-09  ${commits.merge.slice(0, 7)}  Erin +\\+1 done, ±0 critical open +Merge branch 'ops'`));
      assert.match(r.stdout, /working +\+1 done, ±0 critical open +\(uncommitted changes\)/);
    });

    it('check --blame: each item names the commit that last changed its marker; uncommitted ticks are null', () => {
      const report = blameReport(['PRODUCTION_READINESS.md'], repo.dir);
      assert.deepEqual(itemOf(report, 'TLS everywhere').lastChange, {
        commit: commits.tls,
        author: 'Bob',
        date: '2026-11-03T10:00:00+01:00',
        subject: 'Tick TLS, after "drill"',
      });
      // The merge took Dave's line as it was: blame names the branch commit that ticked it.
      assert.equal(itemOf(report, 'Backups').lastChange?.author, 'Dave');
      assert.equal(itemOf(report, 'Secrets').lastChange, null);
      assert.equal(itemOf(report, 'Alerts').lastChange?.commit, commits.add);
      const text = run(['check', '--blame', 'PRODUCTION_READINESS.md'], repo.dir);
      assert.match(
        text.stdout,
        new RegExp(`^ {2}✔ TLS everywhere — Bob, 2026-11-03, ${commits.tls.slice(0, 7)} Tick TLS, after "drill"$`, 'm'),
      );
      const markdown = run(['check', '--blame', '--format', 'markdown', 'PRODUCTION_READINESS.md'], repo.dir);
      assert.match(markdown.stdout, /### Critical sign-offs \(1\)/);
      assert.match(
        markdown.stdout,
        new RegExp(
          `\\| TLS everywhere \\| \`PRODUCTION_READINESS.md:5\` \\| Bob, 2026-11-03, ${commits.tls.slice(0, 7)} Tick TLS, after "drill" \\|`,
        ),
      );
    });

    it('check without --blame runs no git: same report with git off the PATH, and no lastChange', () => {
      const withGit = run(['check', '--format', 'json', 'PRODUCTION_READINESS.md'], repo.dir);
      const noGit = run(['check', '--format', 'json', 'PRODUCTION_READINESS.md'], repo.dir, { PATH: '' });
      assert.equal(noGit.stdout, withGit.stdout);
      assert.equal(noGit.status, withGit.status);
      assert.doesNotMatch(withGit.stdout, /lastChange/);
      const blame = run(['check', '--blame', 'PRODUCTION_READINESS.md'], repo.dir, { PATH: '' });
      assert.equal(blame.status, 2);
      assert.match(blame.stderr, /^readiness: git was not found: install git and make sure it is on PATH$/m);
    });

    it('report --history: a burn-up per day as inline, described SVG, and the critical sign-offs', () => {
      const r = run(['report', '--history', 'PRODUCTION_READINESS.md'], repo.dir);
      assert.equal(r.status, 0, r.stderr);
      const html = r.stdout;
      assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)[^"]*\.(js|css)/);
      assert.match(html, /<section id="history">/);
      assert.match(html, /<svg class="burnup" viewBox="0 0 640 240" role="img" aria-labelledby="burnup-1-title burnup-1-desc">/);
      // One value per day: the last version of the day; the working tree's day is its modification date.
      assert.match(
        html,
        /<desc id="burnup-1-desc">From 2026-11-01 to \d{4}-\d\d-\d\d: done 0 → 3 of 4, critical open 1 → 0\. 2026-11-01: 0 of 4 done, 1 critical open; 2026-11-03: 1 of 4 done, 0 critical open; 2026-11-05: 1 of 4 done, 0 critical open; 2026-11-09: 2 of 4 done, 0 critical open;/,
      );
      assert.match(html, /<h2>Critical sign-offs \(1\)<\/h2>/);
      assert.match(
        html,
        new RegExp(
          `<td>TLS everywhere</td><td>Bob</td><td class="num">2026-11-03</td><td><code title="${commits.tls}">${commits.tls.slice(0, 7)}</code> Tick TLS, after &quot;drill&quot;</td>`,
        ),
      );
      const plain = run(['report', 'PRODUCTION_READINESS.md'], repo.dir, { PATH: '' });
      assert.equal(plain.status, 0, 'report without --history needs no git');
      assert.doesNotMatch(plain.stdout, /<section id="history">|<section id="sign-offs">|<svg class="burnup"/);
    });
  });

  it('keeps the sign-off of an item moved to another section unchanged (blame -M)', () => {
    const repo = new Repo();
    try {
      const long = 'Rollback tested on staging with the full release pipeline (critical)';
      const lines = [
        '# Svc',
        '',
        '## Before launch',
        '',
        `- [ ] ${long}`,
        '- [ ] Load test',
        '',
        '## After launch',
        '',
        '- [ ] Postmortem template',
        '',
      ];
      repo.write('PRODUCTION_READINESS.md', lines.join('\n'));
      repo.commit('Alice', '2026-11-01T09:00:00+00:00', 'Add checklist');
      repo.write('PRODUCTION_READINESS.md', lines.join('\n').replace(`- [ ] ${long}`, `- [x] ${long}`));
      const tick = repo.commit('Bob', '2026-11-20T14:03:00+01:00', 'Tick rollback drill');
      const moved = [...lines.slice(0, 4), '- [ ] Load test', '', '## After launch', '', `- [x] ${long}`, '- [ ] Postmortem template', ''];
      repo.write('PRODUCTION_READINESS.md', moved.join('\n'));
      repo.commit('Carol', '2026-11-21T08:00:00+00:00', 'Move rollback after launch');
      const item = itemOf(blameReport([], repo.dir), 'Rollback tested');
      assert.equal(item.line, 9);
      assert.deepEqual(item.lastChange, { commit: tick, author: 'Bob', date: '2026-11-20T14:03:00+01:00', subject: 'Tick rollback drill' });
    } finally {
      repo.remove();
    }
  });

  it('reads CRLF checklists: history counts and blame lines', () => {
    const repo = new Repo();
    try {
      repo.git(['config', 'core.autocrlf', 'false']);
      const crlf = CHECKLIST.replace(/\n/g, '\r\n');
      repo.write('PRODUCTION_READINESS.md', crlf);
      repo.commit('Alice', '2026-11-01T09:00:00+00:00', 'Add checklist');
      repo.write('PRODUCTION_READINESS.md', crlf.replace('- [ ] Alerts', '- [x] Alerts'));
      const tick = repo.commit('Bob', '2026-11-02T09:00:00+00:00', 'Tick alerts');
      const points = history([], repo.dir).files[0].points;
      assert.deepEqual(
        points.map((p) => [p.done, p.open]),
        [
          [0, 4],
          [1, 3],
        ],
        'no working-tree point: the file is as committed',
      );
      const report = blameReport([], repo.dir);
      assert.equal(itemOf(report, 'Alerts').lastChange?.commit, tick);
      assert.equal(itemOf(report, 'Alerts').line, 11);
    } finally {
      repo.remove();
    }
  });

  it('check --blame over the corpus committed at once: every item signed off by that commit, the report valid', function () {
    const corpus = resolve(projectRoot, '..', 'shared', 'corpus');
    if (!existsSync(corpus)) this.skip();
    const files = readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'MANIFEST.md');
    const repo = new Repo();
    try {
      for (const f of files) copyFileSync(join(corpus, f), join(repo.dir, f));
      const commit = repo.commit('Alice', '2026-11-01T09:00:00+00:00', 'Corpus');
      const report = blameReport(files, repo.dir);
      const items = allItems(report);
      assert.ok(items.length > 1000, `${items.length} items`);
      assert.deepEqual(
        [...new Set(items.map((i) => JSON.stringify(i.lastChange)))],
        [JSON.stringify({ commit, author: 'Alice', date: '2026-11-01T09:00:00+00:00', subject: 'Corpus' })],
      );
    } finally {
      repo.remove();
    }
  });

  it('refuses a shallow clone, saying CI needs fetch-depth: 0', () => {
    const repo = new Repo();
    const clone = mkdtempSync(join(tmpdir(), 'readiness-shallow-'));
    try {
      repo.write('PRODUCTION_READINESS.md', CHECKLIST);
      repo.commit('Alice', '2026-11-01T09:00:00+00:00', 'Add checklist');
      repo.write('PRODUCTION_READINESS.md', CHECKLIST.replace('- [ ] TLS', '- [x] TLS'));
      repo.commit('Bob', '2026-11-02T09:00:00+00:00', 'Tick TLS');
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
      for (const args of [['history'], ['check', '--blame'], ['report', '--history']]) {
        const r = run(args, clone);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, /^readiness: PRODUCTION_READINESS\.md is in a shallow clone: its git history is incomplete/m);
        assert.match(r.stderr, /fetch-depth: 0/);
        assert.equal(r.stdout, '');
      }
      const check = run(['check'], clone);
      assert.ok(check.status === 0 && check.stdout.includes('1/4 done'), `check without --blame needs no history: ${check.stderr}`);
    } finally {
      repo.remove();
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('says when the folder is not a git repository, and when a checklist was never committed', () => {
    const plain = mkdtempSync(join(tmpdir(), 'readiness-nogit-'));
    const repo = new Repo();
    try {
      writeFileSync(join(plain, 'PRODUCTION_READINESS.md'), CHECKLIST);
      const r = run(['history'], plain, { GIT_CEILING_DIRECTORIES: dirname(plain) });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^readiness: PRODUCTION_READINESS\.md is not in a git repository: history and sign-offs come from git$/m);
      assert.equal(run(['check', '--blame'], plain, { GIT_CEILING_DIRECTORIES: dirname(plain) }).status, 2);

      repo.write('README.md', 'Service\n');
      repo.commit('Alice', '2026-11-01T09:00:00+00:00', 'Readme');
      repo.write('PRODUCTION_READINESS.md', CHECKLIST.replace('- [ ] TLS', '- [x] TLS'));
      const never = run(['history'], repo.dir);
      assert.equal(never.status, 2);
      assert.match(never.stderr, /^readiness: PRODUCTION_READINESS\.md has never been committed: there is no history to show$/m);
      // --blame: nothing is signed off yet, which is no error.
      const report = blameReport([], repo.dir);
      assert.ok(allItems(report).length === 4 && allItems(report).every((i) => i.lastChange === null));

      // A repository without any commit, and a name git would read as a glob.
      const empty = new Repo();
      try {
        empty.write('launch [draft].md', CHECKLIST);
        const none = run(['history', 'launch [draft].md'], empty.dir);
        assert.equal(none.status, 2);
        assert.match(none.stderr, /^readiness: launch \[draft\]\.md has never been committed/m);
        assert.ok(allItems(blameReport(['launch [draft].md'], empty.dir)).every((i) => i.lastChange === null));
        empty.commit('Alice', '2026-11-02T09:00:00+00:00', 'Add draft');
        assert.deepEqual(
          history(['launch [draft].md'], empty.dir).files[0].points.map((p) => [p.subject, p.done]),
          [['Add draft', 0]],
        );
      } finally {
        empty.remove();
      }
    } finally {
      rmSync(plain, { recursive: true, force: true });
      repo.remove();
    }
  });
});
