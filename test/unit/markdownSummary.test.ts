// `--format markdown`: the summary table, open critical items and missing evidence, escaped for
// GitHub-flavoured Markdown.
import { strict as assert } from 'node:assert';
import { toMarkdownSummary } from '../../src/core/report/markdownSummary';
import { mdCode, mdText } from '../../src/core/report/markdownText';
import { fixtureReport, TODAY } from './helpers/reportFixture';

describe('Markdown summary', () => {
  const markdown = toMarkdownSummary(fixtureReport(), { today: TODAY });
  const lines = markdown.split('\n');

  it('starts with overall progress and the counts', () => {
    assert.equal(lines[0], '## Production readiness: 42% done');
    assert.equal(
      lines[2],
      '**3/7** items done · 1 in progress · **3 critical open** · 1 n/a · 2 checklists · 4 errors, 2 warnings, 0 infos',
    );
  });

  it('has a progress row per category with done, in progress, open and n/a', () => {
    const start = lines.indexOf('| Checklist | Category | Progress | Done | In progress | Open | N/A |');
    assert.ok(start > 0);
    assert.deepEqual(lines.slice(start + 1, start + 5), [
      '|---|---|---|--:|--:|--:|--:|',
      '| `PRODUCTION_READINESS.md` | Security | `█████░░░░░` 50% | 1 | 0 | 1 | 1 |',
      '| `PRODUCTION_READINESS.md` | Reliability | `███░░░░░░░` 33% | 1 | 1 | 1 | 0 |',
      '| `services/pay api/PRODUCTION_READINESS.md` | _(no category)_ | `█████░░░░░` 50% | 1 | 0 | 1 | 0 |',
    ]);
  });

  it('lists the open critical items with owner, due date (overdue in bold) and place', () => {
    const start = lines.indexOf('### Open critical items (3)');
    assert.deepEqual(lines.slice(start + 2, start + 7), [
      '| Item | Where | State | Owner | Due |',
      '|---|---|---|---|---|',
      '| Secrets rotated | `PRODUCTION_READINESS.md:6` | open | `@security` | **2026-01-15 (overdue)** |',
      '| Rollback tested | `PRODUCTION_READINESS.md:11` | in progress | `@sre` | — |',
      '| Fraud rules reviewed | `services/pay api/PRODUCTION_READINESS.md:4` | open | `@risk` | — |',
    ]);
  });

  it('lists missing evidence with the coverage of done items', () => {
    const start = lines.indexOf('### Missing evidence (1)');
    assert.deepEqual(lines.slice(start + 2, start + 7), [
      '1 of 3 done items link existing evidence (critical: 0 of 1).',
      '',
      '| Where | Problem |',
      '|---|---|',
      '| `PRODUCTION_READINESS.md:12` | "Backups restored" is done but links to no existing evidence |',
    ]);
  });

  it('says so when nothing is critical and open', () => {
    const clean = toMarkdownSummary(fixtureReport('# Clean\n\n## Ops\n\n- [x] Done thing\n'), { today: TODAY });
    assert.ok(clean.includes('### Open critical items (1)'), 'the second checklist still has one');
    const none = toMarkdownSummary({ ...fixtureReport('# Clean\n\n- [x] Done\n'), files: [] }, { today: TODAY });
    assert.ok(none.includes('### Open critical items (0)\n\nNone.\n'));
  });

  it('escapes text so that table cells and markup stay intact', () => {
    assert.equal(mdText('a | b *c* _d_ [e](f) `g` <h> & ~i~ \\'), 'a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` &lt;h> &amp; \\~i\\~ \\\\');
    assert.equal(mdText('two\nlines'), 'two lines');
    assert.equal(mdCode('a|b'), '`a\\|b`');
    assert.equal(mdCode('x`y'), '``x`y``');
    assert.equal(mdCode('`edge`'), '`` `edge` ``');
    const report = fixtureReport('# T\n\n## Cat | with `*pipe*`\n\n- [ ] Ship `<b>it</b>` | now (critical)\n');
    const text = toMarkdownSummary(report, { today: TODAY });
    assert.ok(text.includes('| `PRODUCTION_READINESS.md` | Cat \\| with \\*pipe\\* |'), text);
    assert.ok(text.includes('| Ship &lt;b>it&lt;/b> \\| now |'), text);
  });
});
