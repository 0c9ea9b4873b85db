// `--format github` and `--format compact`: exact lines, and GitHub's escaping of data and properties.
import { strict as assert } from 'node:assert';
import { toCompact } from '../../src/core/report/compact';
import { escapeData, escapeProperty, toGithubAnnotations } from '../../src/core/report/githubAnnotations';
import type { ReadinessReport } from '../../src/core/report/jsonReport';
import { fixtureReport } from './helpers/reportFixture';

describe('GitHub annotations', () => {
  it('prints one workflow command per finding with file, range and title', () => {
    const lines = toGithubAnnotations(fixtureReport()).split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.deepEqual(lines.slice(1), [
      '::error file=PRODUCTION_READINESS.md,line=6,col=1,endLine=6,endColumn=59,title=readiness%3A critical-open::"Secrets rotated" is critical and open',
      '::warning file=PRODUCTION_READINESS.md,line=6,col=1,endLine=6,endColumn=59,title=readiness%3A overdue::"Secrets rotated" was due on 2026-01-15',
      '::error file=PRODUCTION_READINESS.md,line=11,col=1,endLine=11,endColumn=38,title=readiness%3A critical-open::"Rollback tested" is critical and in progress',
      '::warning file=PRODUCTION_READINESS.md,line=12,col=1,endLine=12,endColumn=34,title=readiness%3A evidence-missing::"Backups restored" is done but links to no existing evidence',
      '::error file=services/pay api/PRODUCTION_READINESS.md,line=4,col=1,endLine=4,endColumn=44,title=readiness%3A critical-open::"Fraud rules reviewed" is critical and open',
    ]);
    assert.match(
      lines[0],
      /^::error file=\.readiness\.yml,line=4,col=3,endLine=4,endColumn=11,title=readiness%3A config-invalid::unknown rule "nonsense"/,
    );
  });

  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('C:\\a,b%\n'), 'C%3A\\a%2Cb%25%0A');
    const report: ReadinessReport = {
      version: 1,
      files: [
        {
          path: 'odd,dir/a:b.md',
          title: null,
          progress: { done: 0, open: 0, inProgress: 0, notApplicable: 0, untracked: 0, percent: null },
          items: [],
          categories: [],
          findings: [
            { rule: 'no-items', severity: 'info', message: 'line one\nline two: 100%', line: 1, column: 1, endLine: 3, endColumn: 4 },
          ],
        },
      ],
      summary: {
        files: 1,
        progress: { done: 0, open: 0, inProgress: 0, notApplicable: 0, untracked: 0, percent: null },
        findings: { error: 0, warning: 0, info: 1 },
      },
    };
    // A range over several lines carries no columns (GitHub accepts columns on one line only).
    assert.equal(
      toGithubAnnotations(report),
      '::notice file=odd%2Cdir/a%3Ab.md,line=1,endLine=3,title=readiness%3A no-items::line one%0Aline two: 100%25\n',
    );
    assert.equal(toCompact(report), 'odd,dir/a:b.md:1:1: info: line one line two: 100% [no-items]\n');
  });

  it('prints nothing for a clean report', () => {
    const clean = fixtureReport('# Clean\n\n- [x] Done thing\n');
    clean.files = clean.files.filter((f) => f.path !== '.readiness.yml' && !f.path.startsWith('services/'));
    assert.equal(toGithubAnnotations(clean), '');
    assert.equal(toCompact(clean), '');
  });
});

describe('compact format', () => {
  it('prints path:line:column: severity: message [rule], one finding a line', () => {
    const lines = toCompact(fixtureReport()).trimEnd().split('\n');
    assert.deepEqual(lines.slice(1), [
      'PRODUCTION_READINESS.md:6:1: error: "Secrets rotated" is critical and open [critical-open]',
      'PRODUCTION_READINESS.md:6:1: warning: "Secrets rotated" was due on 2026-01-15 [overdue]',
      'PRODUCTION_READINESS.md:11:1: error: "Rollback tested" is critical and in progress [critical-open]',
      'PRODUCTION_READINESS.md:12:1: warning: "Backups restored" is done but links to no existing evidence [evidence-missing]',
      'services/pay api/PRODUCTION_READINESS.md:4:1: error: "Fraud rules reviewed" is critical and open [critical-open]',
    ]);
  });

  it('matches the $readiness problem matcher of package.json', async () => {
    const manifest = (await import('../../package.json')).default as unknown as {
      contributes: {
        problemMatchers: {
          name: string;
          pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number };
        }[];
      };
    };
    const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'readiness')!;
    const pattern = new RegExp(matcher.pattern.regexp);
    const m = pattern.exec(
      'services/pay api/PRODUCTION_READINESS.md:4:1: error: "Fraud [rules]: reviewed" is critical and open [critical-open]',
    )!;
    assert.ok(m);
    const p = matcher.pattern;
    assert.deepEqual(
      [m[p.file], m[p.line], m[p.column], m[p.severity], m[p.message], m[p.code]],
      ['services/pay api/PRODUCTION_READINESS.md', '4', '1', 'error', '"Fraud [rules]: reviewed" is critical and open', 'critical-open'],
    );
    for (const line of toCompact(fixtureReport()).trimEnd().split('\n')) assert.match(line, pattern);
  });
});
