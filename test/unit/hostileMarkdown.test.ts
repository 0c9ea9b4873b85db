import { strict as assert } from 'node:assert';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import type { Analysis } from '../../src/core/analyze/analysis';
import { defaultConfig } from '../../src/core/config/types';
import { decodeText } from '../../src/core/text/decode';
import { DEFAULT_LIMITS, exceededLimit } from '../../src/core/text/limits';
import { allItems } from '../../src/core/model/walk';
import { largeChecklist } from '../../scripts/fixture-workspace.mjs';

function analyse(text: string, limits = DEFAULT_LIMITS): Analysis {
  return analyzeChecklist(text, { config: defaultConfig(), path: 'PRODUCTION_READINESS.md', exists: () => true, limits });
}

const nestedLists = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}- [ ] level ${i}`).join('\n');
const table = (rows: number, cols: number) =>
  [
    `|${Array.from({ length: cols }, (_, i) => ` h${i} `).join('|')}|`,
    `|${'---|'.repeat(cols)}`,
    ...Array.from({ length: rows }, () => `|${' x |'.repeat(cols)}`),
  ].join('\n');

// These inputs make naive parsers quadratic or recurse out of stack: a regression shows as
// mocha's timeout. Speed is measured by `npm run bench`, never asserted here.
describe('hostile Markdown', () => {
  const refused: [name: string, text: string, message: RegExp, line: number][] = [
    ['50,000 [', '['.repeat(50_000), /over 2,000 emphasis or link delimiters/, 1],
    ['50,000 *a', '*a'.repeat(50_000), /over 2,000 emphasis or link delimiters/, 1],
    ['50,000 >', '>'.repeat(50_000), /Block quotes nest 50,000 deep at line 1/, 1],
    ['lists nested 5,000 deep', nestedLists(5_000), /has 25,\d{3},\d{3} characters/, 1],
    ['lists nested 1,000 deep', nestedLists(1_000), /Line 102 is indented 202 columns/, 102],
    ['a 1,000 × 1,000 table', table(1_000, 1_000), /has 4,\d{3},\d{3} characters/, 1],
    ['a 200 × 200 table', table(200, 200), /The table at line 1 has over 20,000 cells/, 1],
    ['a 5 MB file', '- [ ] item\n'.repeat(500_000), /has 5,500,000 characters; files over 2,000,000 are not analysed/, 1],
  ];
  for (const [name, text, message, line] of refused) {
    it(`refuses ${name} with one located too-large finding`, () => {
      const { checklist, findings } = analyse(text);
      assert.deepEqual(
        findings.map((f) => [f.rule, f.severity, f.span.startPosition.line]),
        [['too-large', 'error', line]],
      );
      assert.match(findings[0].message, message);
      assert.equal(allItems(checklist).length, 0);
    });
  }

  it('analyses what stays under the limits, deep but sane nesting included', () => {
    const deep = analyse(nestedLists(90));
    assert.equal(allItems(deep.checklist).length, 90);
    const quotes = analyse(`${'> '.repeat(90)}- [x] quoted`);
    assert.deepEqual(
      quotes.findings.filter((f) => f.rule === 'too-large'),
      [],
    );
    const rows = analyse(`| Check | Status |\n|---|---|\n${'| Backups | ✅ |\n'.repeat(5_000)}`);
    assert.equal(rows.checklist.progress.done, 5_000);
  });

  it('accepts the generated 1.1 MB checklist and a long task list without blank lines', () => {
    const large = largeChecklist();
    assert.ok(large.length > 1_000_000);
    assert.equal(exceededLimit(large), null);
    assert.equal(exceededLimit('- [ ] **Item** with [a link](x.md) and _emphasis_\n'.repeat(5_000)), null);
  });

  it('reads NUL bytes and invalid UTF-8 without throwing', () => {
    const withNul = analyse('# T\n\n## A\n\n- [ ] a\u0000b\n- [x] c\n');
    assert.deepEqual(
      allItems(withNul.checklist).map((i) => i.state),
      ['open', 'done'],
    );
    const bytes = new Uint8Array([...new TextEncoder().encode('## A\n\n- [x] ok '), 0xff, 0xfe, 0xc3, 0x28, 0x0a]);
    const decoded = decodeText(bytes);
    assert.equal(decoded.invalidUtf8, true);
    const result = analyse(decoded.text);
    assert.equal(allItems(result.checklist).length, 1);
  });

  it('honours custom limits and lets the rule be turned off', () => {
    const small = { ...DEFAULT_LIMITS, maxChars: 10 };
    assert.deepEqual(
      analyse('- [ ] a long item\n', small).findings.map((f) => f.rule),
      ['too-large'],
    );
    const off = analyzeChecklist('>'.repeat(1_000), { config: { ...defaultConfig(), rules: { 'too-large': 'off' } }, path: 'X.md' });
    assert.deepEqual(off.findings, []);
  });
});
