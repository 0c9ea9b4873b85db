// Format rule 3: a pipe table whose delimiter row has the wrong number of cells (GitHub shows it
// as text) is read as the table it was meant to be, with a `table-malformed` warning on the
// delimiter row whose fix rewrites that row. Expected values are read off the inputs.
import { strict as assert } from 'node:assert';
import { applyEdits, setState } from '../../src/core/edit/setState';
import type { Finding } from '../../src/core/model/ruleTable';
import { allItems } from '../../src/core/model/walk';
import { analyze, briefs, EOLS } from './helpers/model';

const malformed = (findings: readonly Finding[]) => findings.filter((f) => f.rule === 'table-malformed');

/** The text with the one table-malformed finding's fix applied. */
function repaired(text: string): string {
  const [finding] = malformed(analyze(text).findings);
  assert.ok(finding?.fix, 'no fix');
  return applyEdits(text, finding.fix);
}

describe('table-malformed', () => {
  // Three header cells over a delimiter row of two: not a table on GitHub.
  const doc = [
    '## Security',
    '',
    '| Check | Status | Notes |',
    '|---|---|',
    '| TLS everywhere | ✅ **Ready** | scanned |',
    '| Secrets rotated | ❌ | |',
    '| Audit log | ⚠️ **Needs Work** | |',
    '| WAF | | |',
    '',
  ].join('\n');

  it('reads the rows as the items of a status table', () => {
    assert.deepEqual(briefs(analyze(doc).checklist), [
      'TLS everywhere [table, done]',
      'Secrets rotated [table, open]',
      'Audit log [table, open]',
      'WAF [table, open]',
    ]);
  });

  it('reports the delimiter row once, as a warning, and the unknown cell as for any table', () => {
    const { findings } = analyze(doc);
    const [finding] = malformed(findings);
    assert.equal(malformed(findings).length, 1);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.span.startPosition.line, 4);
    assert.equal(doc.slice(finding.span.start, finding.span.end), '|---|---|');
    assert.match(finding.message, /delimiter row has 2 cells but its header has 3/);
    assert.deepEqual(
      findings.filter((f) => f.rule === 'unknown-status').map((f) => [f.span.startPosition.line, doc.slice(f.span.start, f.span.end)]),
      [[7, '⚠️ **Needs Work**']],
    );
  });

  it('points each status marker into the real text', () => {
    const { checklist } = analyze(doc);
    assert.deepEqual(
      allItems(checklist).map((i) => doc.slice(i.marker.start, i.marker.end)),
      ['✅', '❌', '⚠️ **Needs Work**', ''],
    );
  });

  for (const [name, eol] of EOLS) {
    it(`fixes the delimiter row to the header's width; the repaired table reads the same (${name})`, () => {
      const text = doc.replace(/\n/g, eol);
      const fixed = repaired(text);
      assert.equal(fixed, text.replace('|---|---|', '|---|---|---|'));
      const after = analyze(fixed);
      assert.deepEqual(malformed(after.findings), []);
      assert.deepEqual(briefs(after.checklist), briefs(analyze(text).checklist));
    });

    it(`ticks a row by editing its status cell (${name})`, () => {
      const text = doc.replace(/\n/g, eol);
      const { checklist } = analyze(text);
      const set = (itemText: string, state: 'done' | 'open') => {
        const item = allItems(checklist).find((i) => i.text === itemText)!;
        return applyEdits(text, [setState(text, checklist, item, state)!]);
      };
      assert.equal(set('Secrets rotated', 'done'), text.replace('| Secrets rotated | ❌ |', '| Secrets rotated | ✅ |'));
      assert.equal(set('TLS everywhere', 'open'), text.replace('| ✅ **Ready** |', '| ❌ **Not ready** |'));
      assert.equal(set('Audit log', 'done'), text.replace('| ⚠️ **Needs Work** |', '| ✅ |'));
      assert.equal(set('WAF', 'done'), text.replace('| WAF | | |', '| WAF | ✅ | |'));
      const after = analyze(set('Secrets rotated', 'done'));
      assert.equal(allItems(after.checklist).find((i) => i.text === 'Secrets rotated')?.state, 'done');
    });
  }

  it('keeps the row style: outer pipes or none, padding, alignment colons; drops extra cells', () => {
    const fix = (table: string) => repaired(`## A\n\n${table}\n`).slice('## A\n\n'.length, -1);
    assert.equal(
      fix('| Check | Status | Notes |\n| :--- | ---: |\n| A | ✅ | x |'),
      '| Check | Status | Notes |\n| :--- | ---: | --- |\n| A | ✅ | x |',
    );
    assert.equal(fix('Check | Status | Notes\n--- | ---\nA | ✅ | x'), 'Check | Status | Notes\n--- | --- | ---\nA | ✅ | x');
    assert.equal(fix('Check | Status\n--- | --- | ---\nA | ✅'), 'Check | Status\n--- | ---\nA | ✅');
    assert.equal(fix('| Check | Status |\n|:--|:-:|---|---|\n| A | ✅ |'), '| Check | Status |\n|:--|:-:|\n| A | ✅ |');
    assert.equal(
      fix('  | Check | Status | Owner |\n  |---|\n  | A | ✅ | @ops |'),
      '  | Check | Status | Owner |\n  |---|---|---|\n  | A | ✅ | @ops |',
    );
  });

  it('reads a table that follows prose in the same paragraph, and its owner column', () => {
    const text = '## A\n\nResults so far:\n| Check | Status | Owner |\n|---|---|\n| Backups | ✅ | @ops |\n';
    const { checklist, findings } = analyze(text);
    assert.deepEqual(briefs(checklist), ['Backups [table, done, @ops]']);
    assert.deepEqual(
      malformed(findings).map((f) => f.span.startPosition.line),
      [5],
    );
  });

  it('reads links in cells, reference-style ones too', () => {
    const text =
      '## A\n\n| Check | Status | Evidence |\n|---|---|\n| Backups | ✅ | [report](docs/backup.md) |\n| Restore | ✅ | [drill][d] |\n\n[d]: docs/drill.md\n';
    const items = allItems(analyze(text).checklist);
    assert.deepEqual(
      items.map((i) => [i.text, i.evidence.map((e) => e.target)]),
      [
        ['Backups', ['docs/backup.md']],
        ['Restore', ['docs/drill.md']],
      ],
    );
  });

  it('leaves alone what is not a malformed table: well-formed tables, pipes in prose, tables without a status column', () => {
    const text = [
      '## A',
      '',
      '| Check | Status |',
      '|---|---|',
      '| Backups | ✅ |',
      '',
      'Use a | b to pipe.',
      'Then c | d.',
      '',
      '| Name | Level | Comment |',
      '|---|---|',
      '| x | y | z |',
      '',
    ].join('\n');
    const { checklist, findings } = analyze(text);
    assert.deepEqual(briefs(checklist), ['Backups [table, done]']);
    // The third table is still malformed (reported), but it tracks nothing.
    assert.deepEqual(
      malformed(findings).map((f) => f.span.startPosition.line),
      [11],
    );
  });
});
