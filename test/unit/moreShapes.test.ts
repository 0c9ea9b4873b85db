// Shapes teams write that the corpus does not hold: a glyph at the end of a bullet, a bold label
// whose value is the status, boxes GitHub does not show as checkboxes, and status columns named
// by a question or found by their glyphs. Expected values are read off the inputs.
import { strict as assert } from 'node:assert';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { defaultConfig } from '../../src/core/config/types';
import { applyEdits } from '../../src/core/edit/setState';
import { allItems } from '../../src/core/model/walk';
import { referenceAnalyze } from '../reference/evaluate';
import { analyze, briefs, EOLS, tick } from './helpers/model';

const rules = (text: string) => analyze(text).findings.map((f) => f.rule);

describe('more status shapes', () => {
  describe('a glyph at the end of a bullet', () => {
    const doc = [
      '## Checks',
      '',
      '- Prometheus configured ✅',
      '- Logs shipped to the SIEM ❌',
      '- Tracing (Jaeger) 🚧',
      '- Error budget agreed ✔️.',
      '- Backups **verified** :white_check_mark:',
      '- Disk alerts ⚠️',
      '- Load test done',
      '',
    ].join('\n');

    it('is an item with the glyph state, the glyph kept out of its text; a word is not', () => {
      assert.deepEqual(briefs(analyze(doc).checklist), [
        'Prometheus configured [bullet, done]',
        'Logs shipped to the SIEM [bullet, open]',
        'Tracing (Jaeger) [bullet, in-progress]',
        'Error budget agreed [bullet, done]',
        'Backups verified [bullet, done]',
        'Disk alerts [bullet, open]',
      ]);
      // ⚠️ has no known meaning: open, and said so.
      const unknown = analyze(doc).findings.filter((f) => f.rule === 'unknown-status');
      assert.deepEqual(
        unknown.map((f) => f.message.split(' for ')[0]),
        ['Unknown status "⚠️"'],
      );
    });

    for (const [name, eol] of EOLS) {
      it(`ticks exactly the glyph (${name})`, () => {
        const text = doc.replace(/\n/g, eol);
        assert.equal(tick(text, 'Logs shipped to the SIEM', 'done'), text.replace('SIEM ❌', 'SIEM ✅'));
        assert.equal(tick(text, 'Prometheus configured', 'open'), text.replace('configured ✅', 'configured ❌'));
        assert.equal(tick(text, 'Backups verified', 'in-progress'), text.replace(':white_check_mark:', ':hourglass_flowing_sand:'));
      });
    }

    it('is prose after an introducing line, like leading glyphs', () => {
      const text = '## About\n\nThe platform gives you:\n\n- Zero-downtime deploys ✅\n- Autoscaling ✅\n\n## Checks\n\n- [ ] Rollback\n';
      assert.deepEqual(briefs(analyze(text).checklist), ['Rollback [task, open]']);
    });

    it('makes a nested bullet a child item, not an explanation of its parent', () => {
      const text = '## Perf\n\n- [x] Load test\n  - p95 under 200 ms ✅\n  - p99 under 1 s ❌\n';
      const [parent] = allItems(analyze(text).checklist);
      assert.deepEqual(
        parent.children.map((c) => `${c.text} ${c.state}`),
        ['p95 under 200 ms done', 'p99 under 1 s open'],
      );
    });
  });

  describe('a status word in brackets that tags a bullet', () => {
    const doc = [
      '## Launch',
      '',
      '- [DONE] Rollback tested',
      '- [WIP] Load test at 2× peak',
      '- [TODO] Backups restored',
      '- [N/A] Multi-region failover',
      '- (done) Pager rota staffed',
      '- [P0] Fix the login bug',
      '- [RFC] Retry policy',
      '- TODO: ask the DBA team',
      '',
    ].join('\n');

    it('is an item with the word state; priority and topic tags and colon notes are not', () => {
      assert.deepEqual(briefs(analyze(doc).checklist), [
        'Rollback tested [bullet, done]',
        'Load test at 2× peak [bullet, in-progress]',
        'Backups restored [bullet, open]',
        'Multi-region failover [bullet, n/a]',
        'Pager rota staffed [bullet, done]',
      ]);
    });

    for (const [name, eol] of EOLS) {
      it(`ticks the word inside the brackets, the way the document writes that state (${name})`, () => {
        const text = doc.replace(/\n/g, eol);
        assert.equal(tick(text, 'Backups restored', 'done'), text.replace('[TODO] Backups', '[DONE] Backups'));
        assert.equal(tick(text, 'Rollback tested', 'open'), text.replace('[DONE] Rollback', '[TODO] Rollback'));
        assert.equal(tick(text, 'Pager rota staffed', 'in-progress'), text.replace('(done) Pager', '(WIP) Pager'));
      });
    }
  });

  describe('a bold label whose value is the status', () => {
    const doc = [
      '## Sign-off',
      '',
      '- **Monitoring**: ✅ Prometheus and Grafana configured',
      '- **Logging:** ❌ not shipped yet',
      '- **Backups:** In progress',
      '- **Load test** — Done.',
      '- **Encryption at rest**: Yes',
      '- **Status:** Done',
      '- **Required:** Yes',
      '- **Runbook**: see the wiki',
      '',
    ].join('\n');

    it('reads the glyph or the whole-value word; status and requirement labels are metadata', () => {
      assert.deepEqual(briefs(analyze(doc).checklist), [
        'Monitoring: Prometheus and Grafana configured [bullet, done]',
        'Logging: not shipped yet [bullet, open]',
        'Backups [bullet, in-progress]',
        'Load test [bullet, done]',
        'Encryption at rest [bullet, done]',
      ]);
    });

    it('does not read a word that starts a sentence as the status', () => {
      const text = '## A\n\n- **Load test**: Done, but only at 1× peak\n- **DR**: No plan written yet\n';
      assert.deepEqual(
        allItems(analyze(text).checklist).map((i) => i.state),
        ['untracked', 'untracked'],
      );
    });

    for (const [name, eol] of EOLS) {
      it(`ticks exactly the value (${name})`, () => {
        const text = doc.replace(/\n/g, eol);
        assert.equal(tick(text, 'Backups', 'done'), text.replace('**Backups:** In progress', '**Backups:** Done'));
        assert.equal(tick(text, 'Logging: not shipped yet', 'done'), text.replace('**Logging:** ❌', '**Logging:** ✅'));
        assert.equal(tick(text, 'Encryption at rest', 'open'), text.replace('rest**: Yes', 'rest**: No'));
      });
    }
  });

  describe('boxes GitHub does not show as checkboxes', () => {
    const doc = [
      '## Launch',
      '',
      '- []  Canary configured',
      '- [ ]Load test',
      '- [x]Feature flags off',
      '- [ x ] SLO review',
      '- [v] Security sign-off',
      '- [ ] Fine box',
      '',
    ].join('\n');

    it('are items counted open whatever they hold, each with one malformed-box warning', () => {
      const { checklist, findings } = analyze(doc);
      assert.deepEqual(briefs(checklist), [
        'Canary configured [task, open]',
        'Load test [task, open]',
        'Feature flags off [task, open]',
        'SLO review [task, open]',
        'Security sign-off [task, open]',
        'Fine box [task, open]',
      ]);
      const boxes = findings.filter((f) => f.rule === 'malformed-box');
      assert.deepEqual(
        boxes.map((f) => {
          const { startPosition: from, endPosition: to } = f.span;
          return `${from.line}:${from.column}-${to.column} ${doc.slice(f.fix![0].start, f.fix![0].end)} → ${f.fix![0].newText}`;
        }),
        ['3:3-5 [] → [ ]', '4:3-6 [ ] → [ ] ', '5:3-6 [x] → [x] ', '6:3-8 [ x ] → [x]', '7:3-6 [v] → [x]'],
      );
      assert.ok(boxes.every((f) => f.severity === 'warning'));
    });

    for (const [name, eol] of EOLS) {
      it(`tick writes a box GitHub reads, and the fix reads back as the box it wrote (${name})`, () => {
        const text = doc.replace(/\n/g, eol);
        assert.equal(tick(text, 'Load test', 'done'), text.replace('[ ]Load', '[x] Load'));
        assert.equal(tick(text, 'Canary configured', 'done'), text.replace('[]  Canary', '[x]  Canary'));
        assert.equal(tick(text, 'SLO review', 'done'), text.replace('[ x ] SLO', '[x] SLO'));
        const fixed = applyEdits(
          text,
          analyze(text).findings.flatMap((f) => (f.rule === 'malformed-box' ? f.fix! : [])),
        );
        assert.equal(
          fixed,
          [
            '## Launch',
            '',
            '- [ ]  Canary configured',
            '- [ ] Load test',
            '- [x] Feature flags off',
            '- [x] SLO review',
            '- [x] Security sign-off',
            '- [ ] Fine box',
            '',
          ].join(eol),
        );
        assert.deepEqual(
          allItems(analyze(fixed).checklist).map((i) => i.state),
          ['open', 'open', 'done', 'done', 'done', 'open'],
        );
        assert.ok(!rules(fixed).includes('malformed-box'));
      });
    }

    it('leaves links and reference definitions alone', () => {
      const text = '## A\n\n- [x](docs/x.md) is the guide\n- [v][ref] too\n- [ ] Real\n\n[ref]: https://example.com\n';
      assert.deepEqual(briefs(analyze(text).checklist), ['Real [task, open]']);
    });

    it('follow edits like a fresh analysis: typing inside a malformed box never makes it a tick', () => {
      const options = { config: defaultConfig(), path: 'PRODUCTION_READINESS.md' };
      const analyzer = new ChecklistAnalyzer(options);
      const versions = [
        '## A\n\n- [ ]Load\n',
        '## A\n\n- [x]Load\n',
        '## A\n\n- [x] Load\n',
        '## A\n\n- [ ] Load\n',
        '## A\n\n- [ ]Load\n',
        '## A\n\n- [ x ]Load\n',
      ];
      for (const text of versions) assert.deepStrictEqual(analyzer.analyze(text), referenceAnalyze(text, options), JSON.stringify(text));
      const states = versions.map((t) => allItems(analyzer.analyze(t).checklist)[0].state);
      assert.deepEqual(states, ['open', 'open', 'done', 'open', 'open', 'open']);
    });
  });

  describe('HTML checkboxes', () => {
    const doc = [
      '## Legal',
      '',
      '<input type="checkbox" checked> Legal review signed ([memo](docs/legal.md))',
      '<input type="checkbox" disabled> Privacy review',
      '',
      '- <INPUT TYPE=checkbox checked="checked" /> DPIA filed',
      '- <input type="text"> Not a checkbox',
      '',
    ].join('\n');

    it('are items, checked done and unchecked open; other inputs are not', () => {
      const { checklist } = analyze(doc);
      assert.deepEqual(briefs(checklist), [
        'Legal review signed (memo) [task, done]',
        'Privacy review [task, open]',
        'DPIA filed [task, done]',
      ]);
      assert.deepEqual(
        allItems(checklist)[0].evidence.map((l) => l.target),
        ['docs/legal.md'],
      );
    });

    for (const [name, eol] of EOLS) {
      it(`a tick adds or removes only the checked attribute; in progress writes the box that says so (${name})`, () => {
        const text = doc.replace(/\n/g, eol);
        assert.equal(
          tick(text, 'Privacy review', 'done'),
          text.replace('<input type="checkbox" disabled>', '<input type="checkbox" disabled checked>'),
        );
        assert.equal(
          tick(text, 'Legal review signed (memo)', 'open'),
          text.replace('<input type="checkbox" checked> Legal', '<input type="checkbox"> Legal'),
        );
        assert.equal(
          tick(text, 'DPIA filed', 'open'),
          text.replace('<INPUT TYPE=checkbox checked="checked" />', '<INPUT TYPE=checkbox />'),
        );
        assert.equal(tick(text, 'Privacy review', 'in-progress'), text.replace('<input type="checkbox" disabled> Privacy', '[~] Privacy'));
      });
    }

    it('follow edits like a fresh analysis', () => {
      const options = { config: defaultConfig(), path: 'PRODUCTION_READINESS.md' };
      const analyzer = new ChecklistAnalyzer(options);
      const versions = [
        '## A\n\n<input type="checkbox"> Load\n',
        '## A\n\n<input type="checkbox" checked> Load\n',
        '## A\n\n- <input type="checkbox" checked> Load\n',
        '## A\n\n- <input type="checkbox"> Load\n',
      ];
      for (const text of versions) assert.deepStrictEqual(analyzer.analyze(text), referenceAnalyze(text, options), JSON.stringify(text));
    });
  });

  describe('exports and plain-text habits', () => {
    const doc = [
      '## Data',
      '',
      '**Parity:** ✅ Row counts match the source',
      '',
      '**Backfill:** In progress',
      '',
      '**Status:** Draft',
      '',
      '- \\[ \\] Dead-letter queue alarms',
      '- [ ] Page the owner \\(critical\\)',
      '',
      '\\[x\\] Nightly snapshot verified',
      '',
      '* (/) Schema migrated',
      '* (x) Consumers notified',
      '- [ ] @data-oncall approves the cutover',
      '',
    ].join('\n');

    it('reads bold-label lines, escaped boxes, escaped critical markers, wiki emoticons and a leading handle as a reader does', () => {
      const { checklist, findings } = analyze(doc);
      assert.deepEqual(
        allItems(checklist).map((i) => `${i.label} | ${i.state}${i.critical ? ' critical' : ''}`),
        [
          'Parity: Row counts match the source | done',
          'Backfill | in-progress',
          'Dead-letter queue alarms | open',
          'Page the owner | open critical',
          'Nightly snapshot verified | done',
          'Schema migrated | open',
          'Consumers notified | open',
          '@data-oncall approves the cutover | open',
        ],
      );
      assert.deepEqual(
        findings.filter((f) => f.rule === 'unknown-status').map((f) => f.status),
        ['(/)', '(x)'],
      );
      assert.deepEqual(
        findings.filter((f) => f.rule === 'malformed-box').map((f) => [doc.slice(f.fix![0].start, f.fix![0].end), f.fix![0].newText]),
        [['\\[ \\]', '[ ]']],
      );
    });

    for (const [name, eol] of EOLS) {
      it(`ticks them in place (${name})`, () => {
        const text = doc.replace(/\n/g, eol);
        assert.equal(tick(text, 'Backfill', 'done'), text.replace('**Backfill:** In progress', '**Backfill:** Done'));
        assert.equal(tick(text, 'Dead-letter queue alarms', 'done'), text.replace('- \\[ \\] Dead', '- [x] Dead'));
        assert.equal(tick(text, 'Nightly snapshot verified', 'open'), text.replace('\\[x\\] Nightly', '\\[ \\] Nightly'));
      });
    }
  });

  describe('criticality and nesting', () => {
    it('a critical marker inside a code span is quoted text, kept in the label', () => {
      const [item] = allItems(analyze('## A\n\n- [ ] Drop the `(critical)` suffix from alert names\n').checklist);
      assert.deepEqual([item.critical, item.label], [false, 'Drop the (critical) suffix from alert names']);
    });

    it('a heading that says non-critical does not make its items critical', () => {
      const text = '## Critical path\n\n- [ ] A\n\n## Non-critical follow-ups\n\n- [ ] B\n\n## Not critical\n\n- [ ] C\n';
      assert.deepEqual(
        allItems(analyze(text).checklist).map((i) => `${i.text} ${i.critical}`),
        ['A true', 'B false', 'C false'],
      );
    });

    it('reads a status table indented under a bullet, its links its rows own', () => {
      const text = [
        '## Model',
        '',
        '- Shadow traffic results:',
        '',
        '  | Metric | Ready? |',
        '  |---|---|',
        '  | p95 latency ([report](docs/p95.md)) | Yes |',
        '  | Error rate | No |',
        '',
      ].join('\n');
      const items = allItems(analyze(text).checklist);
      assert.deepEqual(
        items.map((i) => `${i.text} ${i.state} ${i.evidence.map((l) => l.target).join(',')}`),
        ['p95 latency (report) done docs/p95.md', 'Error rate open '],
      );
    });
  });

  describe('status columns', () => {
    it('are named by a question or a state (Ready?, Tested?, Verified, Go/No-Go)', () => {
      const text = [
        '## Gate',
        '',
        '| Area | Ready? |',
        '|---|:-:|',
        '| API | Yes |',
        '| DB | No |',
        '| Cache | Partially |',
        '',
        '| Control | Verified | Notes |',
        '|---|---|---|',
        '| WAF | ✔ | prod only |',
        '| Backups | pending | weekly |',
        '',
        '| Step | Go/No-Go |',
        '|---|---|',
        '| Launch | Go |',
        '',
      ].join('\n');
      const { checklist, findings } = analyze(text);
      assert.deepEqual(briefs(checklist), [
        'API [table, done]',
        'DB [table, open]',
        'Cache [table, in-progress]',
        'WAF [table, done]',
        'Backups [table, open]',
        'Launch [table, open]',
      ]);
      // "Go" is not a known word: open, and said so.
      assert.deepEqual(
        findings.filter((f) => f.rule === 'unknown-status').map((f) => f.span.startPosition.line),
        [16],
      );
    });

    it('is the one column of glyphs whatever its header; requirement columns and matrices are not', () => {
      const text = [
        '## Controls',
        '',
        '| Control | Prod |',
        '|---|---|',
        '| WAF | ✅ |',
        '| Backups | ❌ |',
        '',
        '| Check | Required? | Status |',
        '|---|---|---|',
        '| Pen test | Yes | Done |',
        '| Chaos day | No | Open |',
        '',
        '| Check | Mandatory |',
        '|---|---|',
        '| Fuzzing | ✅ |',
        '',
        '| Check | Dev | Staging | Prod |',
        '|---|---|---|---|',
        '| Alerts | ✅ | ✅ | ❌ |',
        '',
      ].join('\n');
      assert.deepEqual(briefs(analyze(text).checklist), [
        'WAF [table, done]',
        'Backups [table, open]',
        'Pen test [table, done]',
        'Chaos day [table, open]',
      ]);
    });

    for (const [name, eol] of EOLS) {
      it(`changes the word that repeats a cell's glyph with it, and leaves notes alone (${name})`, () => {
        const text = [
          '## Gate',
          '',
          '| Check | Status |',
          '|---|---|',
          '| Dashboards | ✔ Done |',
          '| Alerts | 🟡 **WIP** |',
          '| Backups | ❌ Missing in staging |',
          '| Pen test | ✅ Yes |',
          '',
        ].join(eol);
        assert.equal(tick(text, 'Dashboards', 'open'), text.replace('| ✔ Done |', '| ❌ Open |'));
        assert.equal(tick(text, 'Alerts', 'done'), text.replace('| 🟡 **WIP** |', '| ✔ **Done** |'));
        assert.equal(tick(text, 'Backups', 'done'), text.replace('| ❌ Missing in staging |', '| ✔ Missing in staging |'));
        assert.equal(tick(text, 'Pen test', 'open'), text.replace('| ✅ Yes |', '| ❌ No |'));
      });
    }

    it('says a cell holding several statuses counts open until it says one, and offers nothing to teach', () => {
      const text = '## A\n\n| Check | Status |\n|---|---|\n| Push | iOS: ✅<br>Android: ❌ |\n| Mail | Verify |\n| SMS | Done |\n';
      const unknown = analyze(text).findings.filter((f) => f.rule === 'unknown-status');
      assert.deepEqual(
        unknown.map((f) => [f.span.startPosition.line, f.message, f.status]),
        [
          [5, '"iOS: ✅ Android: ❌" for "Push" holds several statuses (done, open); it counts as open until it says one', undefined],
          [
            6,
            'Unknown status "Verify" for "Mail"; it counts as open. To count it otherwise, add it under statuses: in .readiness.yml (Verify: done)',
            'Verify',
          ],
        ],
      );
    });

    it('reads unfilled templates and sign-off tables row by row, and leaves traffic lights and titled lists alone', () => {
      const text = [
        '## Critical checks',
        '',
        '| Check | Status |',
        '|---|---|',
        '| Backups restored | |',
        '| Rollback tested | ? |',
        '',
        '## Sign-off',
        '',
        '| Role | Name | Go/No-Go |',
        '|---|---|---|',
        '| Service owner | | ☐ Go ☐ No-Go |',
        '| SRE lead | Ann | ☐ Go ☐ No-Go |',
        '',
        '## Health',
        '',
        '| Service | Health |',
        '|---|---|',
        '| API | 🟢 |',
        '| DB | 🔴 |',
        '',
        '## What went well ✅',
        '',
        '- The canary caught the bad build',
        '',
        '## Action items',
        '',
        '- [x] Move standup',
        '- (dropped) Rename the channel',
        '',
      ].join('\n');
      assert.deepEqual(briefs(analyze(text).checklist), [
        'Backups restored [table, open, critical]',
        'Rollback tested [table, open, critical]',
        'Service owner [table, open]',
        'SRE lead [table, open]',
        'Move standup [task, done]',
        'Rename the channel [bullet, n/a]',
      ]);
    });

    it('ticks the glyph cell of a column found by its glyphs', () => {
      const text = '## C\n\n| Control | Prod |\n|---|---|\n| WAF | ✅ |\n| Backups | ❌ |\n';
      assert.equal(tick(text, 'Backups', 'done'), text.replace('| Backups | ❌ |', '| Backups | ✅ |'));
    });
  });
});
