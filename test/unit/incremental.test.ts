import { strict as assert } from 'node:assert';
import type { Analysis } from '../../src/core/analyze/analysis';
import { referenceAnalyze } from '../reference/evaluate';
import { defaultConfig, type ReadinessConfig } from '../../src/core/config/types';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { DEFAULT_LIMITS } from '../../src/core/text/limits';
import type { ReadinessItem } from '../../src/core/model/types';
import { allItems } from '../../src/core/model/walk';

const PATH = 'PRODUCTION_READINESS.md';
const OPTIONS = { exists: (p: string) => !p.includes('missing'), today: '2026-01-01' };

function section(n: number, items = 3): string {
  const lines = [`## Area ${n}`, ''];
  for (let i = 1; i <= items; i++) lines.push(`- [ ] Check ${n}.${i} [evidence](docs/evidence/${n}-${i}.md)`);
  return `${lines.join('\n')}\n\n`;
}
const DOC = `# Service readiness\n\n${[1, 2, 3, 4, 5, 6].map((n) => section(n)).join('')}`;

function setup(text = DOC, config: ReadinessConfig = defaultConfig()): ChecklistAnalyzer {
  const analyzer = new ChecklistAnalyzer({ config, path: PATH });
  analyzer.analyze(text, OPTIONS);
  return analyzer;
}

/** The analyzer's result, checked against the reference evaluator on the same text. */
function analyze(analyzer: ChecklistAnalyzer, text: string, config: ReadinessConfig = defaultConfig()): Analysis {
  const result = analyzer.analyze(text, OPTIONS);
  assert.deepStrictEqual(result, referenceAnalyze(text, { config, path: PATH, ...OPTIONS }));
  return result;
}

function item(analysis: Analysis, text: string): ReadinessItem {
  const found = allItems(analysis.checklist).find((i) => i.text.startsWith(text));
  assert.ok(found, `no item ${text}`);
  return found;
}

describe('ChecklistAnalyzer', () => {
  it('parses the whole text first, then only the section an edit touches', () => {
    const analyzer = new ChecklistAnalyzer({ config: defaultConfig(), path: PATH });
    analyze(analyzer, DOC);
    assert.equal(analyzer.parsedLength, DOC.length);
    const at = DOC.indexOf('Check 3.2') + 5;
    const edited = `${DOC.slice(0, at)}x${DOC.slice(at)}`;
    const after = analyze(analyzer, edited);
    assert.ok(analyzer.parsedLength < section(3).length + 20, `parsed ${analyzer.parsedLength} characters`);
    assert.equal(item(after, 'Checkx 3.2').id, 'area-3/checkx-3-2-evidence');
  });

  it('reuses the items before an edit and moves the ones after it', () => {
    const analyzer = setup();
    const before = analyzer.analyze(DOC, OPTIONS);
    const at = DOC.indexOf('Check 3.2');
    const after = analyze(analyzer, `${DOC.slice(0, at)}Re-${DOC.slice(at)}`);
    assert.equal(item(after, 'Check 1.1'), item(before, 'Check 1.1'));
    const moved = item(after, 'Check 5.1');
    assert.notEqual(moved, item(before, 'Check 5.1'));
    assert.equal(moved.span.start, item(before, 'Check 5.1').span.start + 3);
    // The earlier result is left as it was.
    assert.equal(item(before, 'Check 5.1').span.start, DOC.indexOf('- [ ] Check 5.1'));
  });

  it('ticks a task box without parsing', () => {
    const analyzer = setup();
    const box = DOC.indexOf('- [ ] Check 4.3') + 3;
    const ticked = analyze(analyzer, `${DOC.slice(0, box)}x${DOC.slice(box + 1)}`);
    assert.equal(analyzer.parsedLength, 0);
    assert.equal(item(ticked, 'Check 4.3').state, 'done');
    assert.deepEqual(ticked.checklist.usedTokens.box, { open: '[ ]', done: '[x]' });
    const back = analyze(analyzer, DOC);
    assert.equal(item(back, 'Check 4.3').state, 'open');
  });

  describe('a status glyph swapped in a table cell', () => {
    const TABLE = `${DOC}## Table\n\n| Check | Status |\n|---|---|\n| Backups | ✅ |\n| Restore |⏳|\n| Drill | ✅ Done |\n| Alerts | 🔄 |\n`;
    const swap = (text: string, row: string, from: string, to: string) => {
      const at = text.indexOf(from, text.indexOf(row));
      return `${text.slice(0, at)}${to}${text.slice(at + from.length)}`;
    };

    it('is patched without parsing when the cell holds only the glyph', () => {
      const analyzer = setup(TABLE);
      let text = swap(TABLE, '| Backups', '✅', '⏳');
      let result = analyze(analyzer, text);
      assert.equal(analyzer.parsedLength, 0);
      assert.equal(item(result, 'Backups').state, 'in-progress');
      text = swap(text, '| Restore', '⏳', '☐');
      result = analyze(analyzer, text);
      assert.equal(analyzer.parsedLength, 0);
      assert.equal(item(result, 'Restore').state, 'open');
      // Two-unit glyphs that differ in their second unit only.
      text = swap(text, '| Alerts', '🔄', '🟢');
      result = analyze(analyzer, text);
      assert.equal(analyzer.parsedLength, 0, 'parsed the 🔄 → 🟢 swap');
      assert.equal(item(result, 'Alerts').state, 'done');
    });

    it('is parsed when the cell holds more than the glyph or the glyph changes length', () => {
      const analyzer = setup(TABLE);
      analyze(analyzer, swap(TABLE, '| Drill', '✅', '❌'));
      assert.ok(analyzer.parsedLength > 0);
      const result = analyze(analyzer, swap(swap(TABLE, '| Drill', '✅', '❌'), '| Backups', '✅', '🔄'));
      assert.ok(analyzer.parsedLength > 0);
      assert.equal(item(result, 'Backups').state, 'in-progress');
    });
  });

  it('parses on to the end when an edit opens a fence that swallows the next headings', () => {
    const analyzer = setup();
    const at = DOC.indexOf('## Area 3');
    const fenced = `${DOC.slice(0, at)}\`\`\`\n${DOC.slice(at)}`;
    const result = analyze(analyzer, fenced);
    assert.ok(analyzer.parsedLength > fenced.length - DOC.indexOf('## Area 2'), `parsed ${analyzer.parsedLength} characters`);
    assert.deepEqual(
      result.checklist.categories.map((c) => c.title),
      ['Area 1', 'Area 2'],
    );
  });

  it('parses the whole text while it may hold link definitions', () => {
    const analyzer = setup();
    const defined = `${DOC}[ev]: docs/evidence/ref.md\n`;
    analyze(analyzer, defined);
    const at = defined.indexOf('Check 2.1');
    analyze(analyzer, `${defined.slice(0, at)}x${defined.slice(at)}`);
    assert.equal(analyzer.parsedLength, defined.length + 1);
  });

  it('parses the whole text when the front matter config changes, and applies it', () => {
    const withConfig = `---\nreadiness:\n  critical:\n    - category: Area 2\n---\n${DOC}`;
    const analyzer = setup(withConfig);
    assert.ok(item(analyzer.analyze(withConfig, OPTIONS), 'Check 2.1').critical);
    const changed = withConfig.replace('Area 2', 'Area 5');
    const result = analyze(analyzer, changed);
    assert.ok(analyzer.parsedLength >= changed.length, `parsed ${analyzer.parsedLength} characters`);
    assert.ok(!item(result, 'Check 2.1').critical && item(result, 'Check 5.1').critical);
  });

  it('keeps front matter that only opens in view: a later `---` may close it', () => {
    const open = `---\ntitle: x\n${DOC}`;
    const analyzer = setup(open);
    const closed = open.replace('## Area 4', '---\n## Area 4');
    const result = analyze(analyzer, closed);
    assert.ok(result.checklist.frontMatter);
    assert.deepEqual(
      result.checklist.categories.map((c) => c.title),
      ['Area 4', 'Area 5', 'Area 6'],
    );
  });

  it('renumbers ids made unique across sections when an edit adds a twin', () => {
    const analyzer = setup();
    const line = '- [ ] Check 1.3 [evidence](docs/evidence/1-3.md)';
    const twin = DOC.replace(line, `${line}\n${line}`);
    const result = analyze(analyzer, twin);
    assert.deepEqual(
      allItems(result.checklist)
        .filter((i) => i.text.startsWith('Check 1.3'))
        .map((i) => i.id),
      ['area-1/check-1-3-evidence', 'area-1/check-1-3-evidence~2'],
    );
  });

  it('refuses a text over the limits like a full analysis, and recovers', () => {
    const limits = { ...DEFAULT_LIMITS, maxDelimitersPerBlock: 20 };
    const analyzer = new ChecklistAnalyzer({ config: defaultConfig(), path: PATH, limits });
    analyzer.analyze(DOC, OPTIONS);
    const flooded = DOC.replace('Check 3.1', `Check 3.1 ${'*'.repeat(30)}`);
    const refused = analyzer.analyze(flooded, OPTIONS);
    assert.deepStrictEqual(refused, referenceAnalyze(flooded, { config: defaultConfig(), path: PATH, limits, ...OPTIONS }));
    assert.equal(refused.findings[0].rule, 'too-large');
    assert.deepStrictEqual(
      analyzer.analyze(DOC, OPTIONS),
      referenceAnalyze(DOC, { config: defaultConfig(), path: PATH, limits, ...OPTIONS }),
    );
  });

  it('evaluates its last parse, and refuses to evaluate before the first', () => {
    const analyzer = new ChecklistAnalyzer({ config: defaultConfig(), path: PATH });
    assert.throws(() => analyzer.evaluate(OPTIONS), /nothing was parsed/);
    const parsed = analyzer.parse(DOC);
    assert.equal(analyzer.parsed, parsed);
    assert.deepStrictEqual(analyzer.evaluate(OPTIONS), referenceAnalyze(DOC, { config: defaultConfig(), path: PATH, ...OPTIONS }));
  });

  it('drops its sections when configured with another config', () => {
    const analyzer = setup();
    const critical: ReadinessConfig = { ...defaultConfig(), critical: [{ category: 'Area 6' }] };
    analyzer.configure({ config: critical, path: PATH });
    analyze(analyzer, DOC, critical);
    assert.equal(analyzer.parsedLength, DOC.length);
    analyzer.configure({ config: critical, path: PATH });
    analyzer.analyze(DOC, OPTIONS);
    assert.equal(analyzer.parsedLength, 0);
  });

  it('asks about links of untouched sections again only when the existence version changes', () => {
    const analyzer = setup();
    const asked: string[] = [];
    let missing = '2-2.md';
    const exists = (p: string) => {
      asked.push(p);
      return !p.endsWith(missing);
    };
    const broken = (a: Analysis) => a.findings.filter((f) => f.rule === 'evidence-broken').map((f) => f.itemId);
    let text = DOC;
    assert.deepEqual(broken(analyzer.analyze(text, { ...OPTIONS, exists, existsVersion: 1 })), ['area-2/check-2-2-evidence']);
    assert.equal(asked.length, 18);
    // Ticking in section 5 with the same version: only that section's links are asked about.
    asked.length = 0;
    text = text.replace('- [ ] Check 5.1', '- [x] Check 5.1');
    const ticked = analyzer.analyze(text, { ...OPTIONS, exists, existsVersion: 1 });
    assert.deepEqual(asked, ['docs/evidence/5-1.md', 'docs/evidence/5-2.md', 'docs/evidence/5-3.md']);
    assert.deepEqual(ticked, referenceAnalyze(text, { config: defaultConfig(), path: PATH, ...OPTIONS, exists }));
    // Typing in section 3 moves sections 4 to 6: their copies' links are asked about too.
    asked.length = 0;
    text = text.replace('Check 3.2', 'Check 3.2b');
    analyzer.analyze(text, { ...OPTIONS, exists, existsVersion: 1 });
    assert.equal(asked.length, 12);
    // A file appeared: a new version, every link is asked about and the finding goes.
    asked.length = 0;
    missing = 'nothing';
    const fixed = analyzer.analyze(text, { ...OPTIONS, exists, existsVersion: 2 });
    assert.equal(asked.length, 18);
    assert.deepEqual(broken(fixed), []);
    assert.deepEqual(fixed, referenceAnalyze(text, { config: defaultConfig(), path: PATH, ...OPTIONS, exists }));
  });

  it('updates findings when only link existence changed', () => {
    const analyzer = setup();
    analyzer.parse(DOC);
    const missing = analyzer.evaluate({ ...OPTIONS, exists: (p) => !p.endsWith('2-2.md') });
    assert.deepEqual(
      missing.findings.filter((f) => f.rule === 'evidence-broken').map((f) => f.itemId),
      ['area-2/check-2-2-evidence'],
    );
    assert.deepEqual(
      analyzer.evaluate(OPTIONS).findings.filter((f) => f.rule === 'evidence-broken'),
      [],
    );
  });
});
