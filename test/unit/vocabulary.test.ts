import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { defaultConfig, type ReadinessConfig } from '../../src/core/config/types';
import type { Finding } from '../../src/core/model/ruleTable';
import type { Checklist } from '../../src/core/model/types';
import { allItems } from '../../src/core/model/walk';
import { decodeText } from '../../src/core/text/decode';
import { referenceAnalyze } from '../reference/evaluate';

const PATH = 'PRODUCTION_READINESS.md';
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function analyze(text: string, statuses: ReadinessConfig['statuses'] = {}) {
  return analyzeChecklist(text, { config: { ...defaultConfig(), statuses }, path: PATH });
}

function states(checklist: Checklist): string[] {
  return allItems(checklist).map((i) => `${i.text}: ${i.state}`);
}

function unknown(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.rule === 'unknown-status')
    .map((f) => `${f.span.startPosition.line}:${f.span.startPosition.column} ${f.status}`);
}

const TABLE = '| Check | Status |\n|---|---|\n| Backups | `Verify` |\n| TLS | **SHIPPED** |\n| Keys | ⚠️ |\n| Logs | Pass |\n';

describe('status vocabulary', () => {
  describe('status tables whose words the tool does not know', () => {
    it('a Status header is enough: every row is an item, open, with one unknown-status each', () => {
      const { checklist, findings } = analyze('| Check | Status |\n|---|---|\n| Backups | Verify |\n| TLS | Shipped |\n| Keys | |\n');
      assert.deepEqual(states(checklist), ['Backups: open', 'TLS: open', 'Keys: open']);
      assert.deepEqual(unknown(findings), ['3:13 Verify', '4:9 Shipped']);
    });

    it('Decision, Readiness and 状況 name status columns', () => {
      for (const header of ['Current decision', 'Readiness', '状況']) {
        const { checklist } = analyze(`| Area | ${header} |\n|---|---|\n| Backups | Go with conditions |\n`);
        assert.deepEqual(states(checklist), ['Backups: open'], header);
      }
    });

    it('unfilled option lists are open without unknown-status', () => {
      const text =
        '| Gate | Status |\n|---|---|\n| A | pass / fail / follow-up |\n| B | Not Started / In Progress / Done |\n| C | ☐ Yes ☐ No |\n';
      const { checklist, findings } = analyze(text);
      assert.deepEqual(states(checklist), ['A: open', 'B: open', 'C: open']);
      assert.deepEqual(unknown(findings), []);
    });

    it('the message names the value and how to teach it', () => {
      const { findings } = analyze('| Check | Status |\n|---|---|\n| Backups | Verify |\n| TLS | ⚠️ Needs work |\n');
      assert.deepEqual(
        findings.filter((f) => f.rule === 'unknown-status').map((f) => f.message),
        [
          'Unknown status "Verify" for "Backups"; it counts as open. To count it otherwise, add it under statuses: in .readiness.yml (Verify: done)',
          'Unknown status "⚠️ Needs work" for "TLS"; it counts as open. To count it otherwise, add it under statuses: in .readiness.yml ("⚠️ Needs work": done)',
        ],
      );
    });
  });

  describe('config statuses:', () => {
    it('teaches words (any case, any markup) and glyphs; taught values raise no unknown-status', () => {
      const { checklist, findings } = analyze(TABLE, { verify: 'done', Shipped: 'in-progress', '⚠️': 'n/a' });
      assert.deepEqual(states(checklist), ['Backups: done', 'TLS: in-progress', 'Keys: n/a', 'Logs: done']);
      assert.deepEqual(unknown(findings), []);
    });

    it('teaches the status emoji that lead bullets', () => {
      const text = '# T\n\n- [ ] Deploy\n- ⚠️ Fix build\n- 📝 Write tests\n';
      assert.deepEqual(unknown(analyze(text).findings), ['4:3 ⚠️', '5:3 📝']);
      const { checklist, findings } = analyze(text, { '⚠️': 'in-progress', '📝': 'done' });
      assert.deepEqual(states(checklist), ['Deploy: open', 'Fix build: in-progress', 'Write tests: done']);
      assert.deepEqual(unknown(findings), []);
    });

    it('wins over the built-in words', () => {
      const { checklist } = analyze(TABLE, { pass: 'in-progress' });
      assert.deepEqual(states(checklist), ['Backups: open', 'TLS: open', 'Keys: open', 'Logs: in-progress']);
    });

    it('teaches a whole value whose parts markup separates', () => {
      const { checklist, findings } = analyze('| Check | Status |\n|---|---|\n| TLS | ⚠️ **Needs Work** |\n', {
        '⚠️ Needs work': 'in-progress',
      });
      assert.deepEqual(states(checklist), ['TLS: in-progress']);
      assert.deepEqual(unknown(findings), []);
    });

    it('is read from front matter readiness: too', () => {
      const text = `---\nreadiness:\n  statuses:\n    Verify: n/a\n---\n${TABLE}`;
      const { checklist } = analyze(text);
      assert.deepEqual(states(checklist), ['Backups: n/a', 'TLS: open', 'Keys: open', 'Logs: done']);
    });
  });

  describe('a status legend', () => {
    const LEGEND =
      '## Status Legend\n\n- `Done`: locked in\n- `Partial`: groundwork exists\n- `Verify`: expected to be done outside the repo\n\n';
    const ROWS =
      '## Checks\n\n| Item | Status |\n|---|---|\n| Backups | `Verify` |\n| TLS | `Partial` |\n| Keys | `Verify` |\n| Logs | `Done` |\n';

    it('declares the document words: unknown ones count open with one finding at the legend entry; known ones keep their state', () => {
      const text = `# Readiness\n\n${LEGEND}${ROWS}`;
      const { checklist, findings } = analyze(text);
      assert.deepEqual(states(checklist), ['Backups: open', 'TLS: in-progress', 'Keys: open', 'Logs: done']);
      // Line 7 is `- \`Verify\`: …`; the term starts after "- `".
      assert.deepEqual(unknown(findings), ['7:4 Verify']);
      assert.match(
        findings.find((f) => f.rule === 'unknown-status')!.message,
        /^Unknown status "Verify" in the legend; items marked "Verify" count as open\. /,
      );
    });

    it('applies to the whole document, before or after the legend', () => {
      const { checklist, findings } = analyze(`# Readiness\n\n${ROWS}\n${LEGEND}`);
      assert.deepEqual(states(checklist), ['Backups: open', 'TLS: in-progress', 'Keys: open', 'Logs: done']);
      assert.equal(unknown(findings).length, 1);
    });

    it('a config entry wins over the legend and silences its finding', () => {
      const { checklist, findings } = analyze(`${LEGEND}${ROWS}`, { Verify: 'done' });
      assert.deepEqual(states(checklist), ['Backups: done', 'TLS: in-progress', 'Keys: done', 'Logs: done']);
      assert.deepEqual(unknown(findings), []);
    });

    it('a legend table and a bold legend label work too; legend rows and bullets are not items', () => {
      const table =
        '**Legend:**\n\n| Symbol | Meaning |\n|---|---|\n| ✅ | done |\n| 🟠 | needs review |\n\n| Item | Status |\n|---|---|\n| A | 🟠 |\n';
      const { checklist, findings } = analyze(table);
      assert.deepEqual(states(checklist), ['A: open']);
      assert.deepEqual(unknown(findings), ['6:3 🟠']);
    });

    it('an edit to the legend re-reads the sections that use it (incremental equals reference)', () => {
      const config = defaultConfig();
      const analyzer = new ChecklistAnalyzer({ config, path: PATH });
      const steps = [
        `# Readiness\n\n${LEGEND}${ROWS}`,
        `# Readiness\n\n${LEGEND.replace('- `Verify`: expected to be done outside the repo\n', '')}${ROWS}`,
        `# Readiness\n\n${LEGEND.replace('`Verify`', '`Verified`')}${ROWS}`,
        `# Readiness\n\n${LEGEND}${ROWS}`,
        `# Readiness\n\n${LEGEND.replace('Status Legend', 'Status notes')}${ROWS}`,
        `# Readiness\n\n${LEGEND}${ROWS}`,
      ];
      // The rows are on lines 13-16 (12-15 without the Verify legend line); the legend's Verify on line 7.
      const expectedUnknown = [
        ['7:4 Verify'],
        ['12:13 Verify', '14:10 Verify'],
        // `Verified` is a known word; the rows' `Verify` is not declared any more.
        ['13:13 Verify', '15:10 Verify'],
        ['7:4 Verify'],
        ['13:13 Verify', '15:10 Verify'],
        ['7:4 Verify'],
      ];
      steps.forEach((text, i) => {
        const actual = analyzer.analyze(text, {});
        assert.deepStrictEqual(actual, referenceAnalyze(text, { config, path: PATH }), `step ${i}`);
        assert.deepEqual(unknown(actual.findings), expectedUnknown[i], `step ${i}`);
      });
    });

    it('corpus 18: one unknown-status, at the Verify legend entry (line 30), instead of one per row', function () {
      const file = join(CORPUS, '18_status-backtick-words-legend.md');
      if (!existsSync(file)) this.skip();
      const text = decodeText(readFileSync(file)).text;
      const { checklist, findings } = analyze(text);
      assert.deepEqual(unknown(findings), ['30:4 Verify']);
      // Rows 71 and 72 are the table's `Verify` rows: open.
      const verify = allItems(checklist).filter((i) => i.line === 71 || i.line === 72);
      assert.deepEqual(
        verify.map((i) => i.state),
        ['open', 'open'],
      );
    });
  });
});
