// The history stage: progress at each version, and who last changed each item's marker, read
// from real `git blame` output of repositories built here (different authors and dates, an
// uncommitted line, an item moved to another section, CRLF).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { defaultConfig } from '../../src/core/config/types';
import { parseBlameDefault, parseBlamePorcelain } from '../../src/core/history/blame';
import { progressHistory } from '../../src/core/history/progressHistory';
import { lastChanges } from '../../src/core/history/signOff';
import type { ChecklistVersion } from '../../src/core/history/types';
import { findItem } from '../../src/core/model/walk';

const options = { config: defaultConfig(), path: 'PRODUCTION_READINESS.md' };

function version(commit: string, date: string, text: string): ChecklistVersion {
  return { commit, date, author: 'Alice', subject: `commit ${commit}`, text };
}

describe('progress history', () => {
  const v1 = '# Svc\n\n## Security\n\n- [ ] TLS (critical)\n- [ ] Secrets\n\n## Ops\n\n- [ ] Backups\n';
  const v2 = v1.replace('- [ ] TLS', '- [x] TLS');
  const v3 = `${v2.replace('- [ ] Backups', '- [~] Backups')}- [-] Chaos\n- Notes without a box\n`;

  it('counts each version: done, open, in progress, n/a, critical open, percent, and each top-level category', () => {
    const points = progressHistory(
      [
        version('a', '2026-11-01T10:00:00+00:00', v1),
        version('b', '2026-11-02T10:00:00+00:00', v2),
        version('c', '2026-11-03T10:00:00+00:00', v3),
      ],
      options,
    );
    // v1: three open boxes, TLS critical.
    assert.deepEqual(
      points.map((p) => [p.commit, p.done, p.open, p.inProgress, p.notApplicable, p.criticalOpen, p.percent]),
      [
        ['a', 0, 3, 0, 0, 1, 0],
        ['b', 1, 2, 0, 0, 0, 33],
        // v3: TLS done, Secrets open, Backups in progress, Chaos n/a: 1 of 3 tracked (Ops tracks only Backups).
        ['c', 1, 1, 1, 1, 0, 33],
      ],
    );
    assert.deepEqual(points[2].categories, [
      { title: 'Security', done: 1, tracked: 2, percent: 50 },
      { title: 'Ops', done: 0, tracked: 1, percent: 0 },
    ]);
    assert.equal(points[1].subject, 'commit b');
  });

  it('gives what a fresh analysis of each version gives, while parsing less than every whole version', () => {
    const sections = Array.from(
      { length: 40 },
      (_, s) => `## Area ${s}\n\n${Array.from({ length: 10 }, (_, t) => `- [ ] Check ${s}.${t}\n`).join('')}`,
    );
    const texts = [`# Big\n\n${sections.join('\n')}`];
    for (let s = 0; s < 40; s += 4)
      texts.push(texts.at(-1)!.replace(`- [ ] Check ${s}.3`, `- [x] Check ${s}.3`).replace(`Check ${s}.5\n`, `Check ${s}.5 @ops\n`));
    const versions = texts.map((t, i) => version(String(i), '2026-11-01T10:00:00+00:00', t));
    const points = progressHistory(versions, options);
    texts.forEach((text, i) => {
      const fresh = new ChecklistAnalyzer(options).parse(text).checklist.progress;
      assert.deepEqual([points[i].done, points[i].open, points[i].percent], [fresh.done, fresh.open, fresh.percent], `version ${i}`);
    });
    assert.deepEqual(
      points.map((p) => p.done),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    // One analyzer across versions: after the first, a commit touching one section re-parses about that section.
    const analyzer = new ChecklistAnalyzer(options);
    analyzer.parse(texts[0]);
    analyzer.parse(texts[1]);
    assert.ok(analyzer.parsedLength < texts[1].length / 10, `parsed ${analyzer.parsedLength} of ${texts[1].length}`);
  });
});

describe('sign-off from git blame', () => {
  let repo: string;
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
  const commitAs = (author: string, date: string, message: string) =>
    git(['commit', '-qam', message], {
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: `${author.toLowerCase()}@example.com`,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: `${author.toLowerCase()}@example.com`,
      GIT_COMMITTER_DATE: date,
    });
  const write = (text: string) => writeFileSync(join(repo, 'PRODUCTION_READINESS.md'), text);

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'readiness-blame-'));
    git(['init', '-q']);
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  const first = [
    '# Svc',
    '',
    '## Security',
    '',
    '- [ ] Rollback tested on staging, with the full release pipeline exercised (critical)',
    '- [ ] Secrets rotated',
    '',
    '## Operations',
    '',
    '| Check | Status |',
    '|---|---|',
    '| Alerts routed to on-call | ☐ |',
    '',
  ];

  function signOffs(text: string, blame: ReturnType<typeof parseBlamePorcelain>) {
    const parsed = new ChecklistAnalyzer(options).parse(text);
    const changes = lastChanges(parsed.checklist, parsed.index, blame);
    const of = (label: string) => {
      const item = [...changes.keys()].map((id) => findItem(parsed.checklist, id)!).find((i) => i.label.startsWith(label));
      assert.ok(item, label);
      return changes.get(item.id);
    };
    return of;
  }

  it('names the commit, author and date that ticked each item, in porcelain and default formats; uncommitted ticks are null', () => {
    write(first.join('\n'));
    git(['add', '.']);
    commitAs('Alice', '2026-11-01T09:00:00+01:00', 'Add checklist');
    write(first.join('\n').replace('- [ ] Rollback', '- [x] Rollback').replace('| ☐ |', '| ✅ |'));
    commitAs('Bob Van Der Berg (SRE)', '2026-11-20T14:03:00+01:00', 'Tick rollback drill');
    // Uncommitted: Secrets ticked in the working tree only.
    const text = first
      .join('\n')
      .replace('- [ ] Rollback', '- [x] Rollback')
      .replace('| ☐ |', '| ✅ |')
      .replace('- [ ] Secrets', '- [x] Secrets');
    write(text);
    const head = git(['rev-parse', 'HEAD']).trim();
    const porcelain = parseBlamePorcelain(git(['blame', '--porcelain', '-M', '--', 'PRODUCTION_READINESS.md']));
    const of = signOffs(text, porcelain);
    assert.deepEqual(of('Rollback tested'), {
      commit: head,
      author: 'Bob Van Der Berg (SRE)',
      date: '2026-11-20T14:03:00+01:00',
      subject: 'Tick rollback drill',
    });
    assert.equal(of('Alerts routed')?.commit, head, 'a status cell is blamed on its row');
    assert.equal(of('Secrets rotated'), null, 'not committed yet');
    // The default format (VS Code's Git extension): abbreviated hashes, no subject.
    const plain = parseBlameDefault(git(['blame', '--', 'PRODUCTION_READINESS.md']));
    const viaDefault = signOffs(text, plain)('Rollback tested');
    assert.ok(viaDefault && head.startsWith(viaDefault.commit) && viaDefault.commit.length >= 7);
    assert.deepEqual([viaDefault.author, viaDefault.date], ['Bob Van Der Berg (SRE)', '2026-11-20T14:03:00+01:00']);
    assert.equal(signOffs(text, plain)('Secrets rotated'), null);
  });

  it('keeps the original sign-off of an item moved to another section, and reads CRLF files', () => {
    const crlf = (lines: string[]) => lines.join('\r\n');
    const ticked = first.map((l) => l.replace('- [ ] Rollback', '- [x] Rollback'));
    write(crlf(ticked));
    git(['add', '.']);
    commitAs('Alice', '2026-11-01T09:00:00+00:00', 'Checklist with the rollback drill done');
    const alice = git(['rev-parse', 'HEAD']).trim();
    // Bob moves the rollback item under Operations without changing it.
    const moved = ticked.filter((l) => !l.startsWith('- [x] Rollback'));
    moved.splice(moved.indexOf('## Operations') + 2, 0, ticked[4], '');
    write(crlf(moved));
    commitAs('Bob', '2026-11-05T09:00:00+00:00', 'Move rollback under operations');
    const text = crlf(moved);
    const of = signOffs(text, parseBlamePorcelain(git(['blame', '--porcelain', '-M', '--', 'PRODUCTION_READINESS.md'])));
    assert.deepEqual([of('Rollback tested')?.commit, of('Rollback tested')?.author], [alice, 'Alice']);
  });
});
