import { strict as assert } from 'node:assert';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
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

/** Copies of `unit` up to just under the default 2,000,000-character limit. */
function underLimit(unit: () => string): string {
  const one = unit();
  return one.repeat(Math.floor((DEFAULT_LIMITS.maxChars - 1_000) / one.length));
}

/** Lines quoted 1, 2, … 98 deep, then 1 again. */
function quoteRamp(): () => string {
  return () => Array.from({ length: 98 }, (_, i) => `${'>'.repeat(i + 1)} q\n`).join('');
}

// These inputs make naive parsers quadratic or recurse out of stack: a regression shows as
// mocha's timeout. Speed is measured by `npm run bench`, never asserted here.
describe('hostile Markdown', () => {
  const refused: [name: string, text: string, message: RegExp, line: number][] = [
    ['50,000 [', '['.repeat(50_000), /paragraph at line 1 has over 500 emphasis, link or HTML delimiters/, 1],
    ['50,000 *a', '*a'.repeat(50_000), /paragraph at line 1 has over 500 emphasis, link or HTML delimiters/, 1],
    ['50,000 >', '>'.repeat(50_000), /Block quotes nest 50,000 deep at line 1/, 1],
    ['lists nested 5,000 deep', nestedLists(5_000), /has 25,\d{3},\d{3} characters/, 1],
    ['lists nested 1,000 deep', nestedLists(1_000), /Line 102 is indented 202 columns/, 102],
    ['a 1,000 × 1,000 table', table(1_000, 1_000), /has 4,\d{3},\d{3} characters/, 1],
    ['a 200 × 200 table', table(200, 200), /The table at line 1 has over 20,000 cells/, 1],
    ['a 5 MB file', '- [ ] item\n'.repeat(500_000), /has 5,500,000 characters; files over 2,000,000 are not analysed/, 1],
    // The four shapes of issue 14, each just under 2,000,000 characters (each took a minute or more and gigabytes).
    [
      'lines of <a‹a… (one paragraph)',
      underLimit(() => `${'<a\u2039a'.repeat(50)}\n`),
      /paragraph at line 1 has over 500 emphasis, link or HTML delimiters/,
      1,
    ],
    ['block quotes nested 1–98 deep, repeated', underLimit(quoteRamp()), /Line 63 brings the file over 2,000 block-quote markers/, 63],
    ['100-row tables, repeated', underLimit(() => `${table(100, 2)}\n\n`), /The file has over 30,000 lines \(line 30001\)/, 30_001],
    ['*a_ runs of 200 delimiters per line', underLimit(() => `${'*a_'.repeat(100)}\n`), /paragraph at line 1 has over 500/, 1],
    // The same shapes cut into blocks that each stay under the local limits: the per-file budgets stop them.
    [
      '*a_ runs in paragraphs of 332 delimiters',
      underLimit(() => `${'*a_'.repeat(166)}\n\n`),
      /Line 361 brings the file over 60,000 emphasis, link or HTML delimiters/,
      361,
    ],
    [
      '<a lines in paragraphs of 450',
      underLimit(() => `${'<a'.repeat(450)}\n\n`),
      /Line 267 brings the file over 60,000 emphasis, link or HTML delimiters/,
      267,
    ],
    ['a list of 500,000 one-letter items', underLimit(() => '- a\n'), /The file has over 30,000 lines/, 30_001],
    ['lone carriage returns', underLimit(() => '- a\r'), /The file has over 30,000 lines/, 30_001],
    [
      '*a_ lines made one paragraph by lines starting 2.',
      underLimit(() => `2. ${'*a_'.repeat(100)}\n`),
      /paragraph at line 1 has over 500/,
      1,
    ],
    [
      '*a_ rows under a header that does not match its delimiter row',
      `a\n|-|-|\n${`| ${'*a_'.repeat(100)} |\n`.repeat(10)}`,
      /paragraph at line 1 has over 500/,
      1,
    ],
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
    // Runs a naive end-of-line pattern retries from every start (quadratic): read in one pass, or the test times out.
    const spaced = analyse(`## A\n\n- Backups${' '.repeat(200_000)}restored ✅\n- **Label**${' '.repeat(200_000)}x\n`);
    assert.deepEqual(
      allItems(spaced.checklist).map((i) => i.state),
      ['done'],
    );
  });

  it('accepts the generated 1.1 MB checklist and a long task list without blank lines', () => {
    const large = largeChecklist();
    assert.ok(large.length > 1_000_000);
    assert.equal(exceededLimit(large), null);
    assert.equal(exceededLimit('- [ ] **Item** with [a link](x.md) and _emphasis_\n'.repeat(5_000)), null);
    // Each row, item and heading is inline content of its own, with or without blank lines between.
    assert.equal(
      exceededLimit(`Intro\n| **Check** | Status |\n|---|---|\n${'| **Backups** [runbook](r.md) | ✅ |\n'.repeat(3_000)}`),
      null,
    );
    assert.equal(exceededLimit(Array.from({ length: 3_000 }, (_, i) => `${i + 1}. **Step** _${i}_`).join('\n')), null);
    assert.equal(exceededLimit(Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(i % 4)}- [ ] **Item** ${i}`).join('\n')), null);
    assert.equal(exceededLimit('# **A** heading\n**Bold** text\n'.repeat(1_000)), null);
  });

  it('refuses after an edit that brings the whole file over a budget, though the edited section alone is under it', () => {
    const limits = { ...DEFAULT_LIMITS, maxChars: 1_000_000, linesPerMillion: 40 };
    const analyzer = new ChecklistAnalyzer({ config: defaultConfig(), path: 'PRODUCTION_READINESS.md', limits });
    const sections = (extra: number) => `## A\n\n${'- [ ] a\n'.repeat(10 + extra)}\n## B\n\n${'- [ ] b\n'.repeat(20)}`;
    // 2 + 10 + 3 + 20 lines and the empty one after the last break: 36 of the 40 allowed.
    assert.deepEqual(analyzer.analyze(sections(0)).findings, []);
    const over = analyzer.analyze(sections(5));
    assert.deepEqual(
      over.findings.map((f) => [f.rule, f.span.startPosition.line]),
      [['too-large', 41]],
    );
    assert.match(over.findings[0].message, /The file has over 40 lines \(line 41\)/);
    assert.equal(allItems(analyzer.analyze(sections(0)).checklist).length, 30);
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
