import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { AnalyzeOptions, ParsedChecklist } from '../../src/core/analyze/analysis';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { defaultConfig } from '../../src/core/config/types';
import { decodeText } from '../../src/core/text/decode';
import { generateChecklist } from '../../bench/generate';
import { referenceAnalyze } from '../reference/evaluate';

/**
 * The cold analysis in steps (`ChecklistAnalyzer.parseSteps`, what the editor's first scan runs
 * so it can give the thread back between pieces) must give what the one-call analysis gives and
 * what the reference evaluator gives: models and findings deep-equal, on every corpus file, on
 * generated documents and on random ones cut into tiny pieces. Another parse between two steps
 * (an edit while the scan is suspended) and a step sequence abandoned halfway must not change
 * any later result.
 */
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const RUNS = Number(process.env.READINESS_FUZZ_RUNS ?? 150);
const OPTIONS: AnalyzeOptions = { config: defaultConfig(), path: 'svc/PRODUCTION_READINESS.md', today: '2026-06-01', exists: () => true };
const EVALUATE = { today: OPTIONS.today, exists: OPTIONS.exists };

/** Runs every step; returns the result and how many times the steps gave the thread back. */
function drain(steps: Generator<void, ParsedChecklist>): { parsed: ParsedChecklist; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { parsed: step.value, yields };
    yields++;
  }
}

function sliced(text: string, pieceChars?: number): { analysis: ReturnType<ChecklistAnalyzer['evaluate']>; yields: number } {
  const analyzer = new ChecklistAnalyzer({ config: OPTIONS.config, path: OPTIONS.path });
  const { yields } = drain(analyzer.parseSteps(text, pieceChars));
  return { analysis: analyzer.evaluate(EVALUATE), yields };
}

describe('the cold analysis in steps', () => {
  const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'MANIFEST.md') : [];

  it('equals the one-call analysis and the reference on every checklist of the shared corpus', function () {
    if (corpus.length === 0) this.skip();
    this.timeout(120_000);
    for (const file of corpus) {
      const text = decodeText(readFileSync(join(CORPUS, file))).text;
      const { analysis } = sliced(text);
      assert.deepStrictEqual(analysis, analyzeChecklist(text, OPTIONS), file);
      assert.deepStrictEqual(analysis, referenceAnalyze(text, OPTIONS), file);
    }
  });

  it('gives the thread back between the pieces of a large file (the 1,037-item corpus file: 150 KB, pieces of 4 KB or more)', function () {
    const file = join(CORPUS, '11_huge-1037-items-with-control-ids.md');
    if (!existsSync(file)) this.skip();
    this.timeout(60_000);
    const { yields } = sliced(decodeText(readFileSync(file)).text);
    // 149,525 characters in pieces of at least 4,096: at most 36 pieces, and a piece is rarely much longer.
    assert.ok(yields >= 20 && yields < 37, `${yields} steps`);
  });

  it('equals the one-call analysis and the reference on generated checklists of 100 and 1,000 items', function () {
    this.timeout(120_000);
    for (const items of [100, 1_000]) {
      const text = generateChecklist(items);
      const { analysis, yields } = sliced(text);
      assert.ok(yields > 0 || text.length < 8192, `${items} items: no step`);
      assert.deepStrictEqual(analysis, analyzeChecklist(text, OPTIONS), `${items} items`);
      assert.deepStrictEqual(analysis, referenceAnalyze(text, OPTIONS), `${items} items`);
    }
  });

  it('equals the reference on random documents cut into tiny pieces', function () {
    this.timeout(30_000 + RUNS * 200);
    const line = fc.constantFrom(
      '# Title',
      '## Security',
      '### Deep',
      '- [ ] Rollback tested',
      '- [x] Backups [evidence](docs/evidence/a.md)',
      '  - [~] Nested',
      '- ✅ Done glyph',
      '```',
      '~~~',
      '<div>',
      '</div>',
      '> # quoted heading',
      'Setext',
      '===',
      '---',
      '| Check | Status |',
      '|---|---|',
      '| TLS | ✅ |',
      '[ev]: docs/evidence/missing.md',
      '',
    );
    const head = fc.constantFrom('', '---\ntitle: T\n---\n', '---\n# unclosed\n## Heading\n', '\uFEFF');
    const doc = fc
      .tuple(head, fc.array(line, { maxLength: 50 }), fc.constantFrom('\n', '\r\n'))
      .map(([h, lines, eol]) => (h + lines.join('\n') + '\n').replace(/\n/g, eol));
    fc.assert(
      fc.property(doc, fc.constantFrom(0, 1, 40), (text, pieceChars) => {
        assert.deepStrictEqual(sliced(text, pieceChars).analysis, referenceAnalyze(text, OPTIONS));
      }),
      { numRuns: RUNS },
    );
  });

  it('answers for its own text when another text was parsed between two steps, and an abandoned sequence changes nothing', () => {
    const text = generateChecklist(300);
    const edited = text.replace('- [ ]', '- [x]');
    assert.notEqual(edited, text);
    const analyzer = new ChecklistAnalyzer({ config: OPTIONS.config, path: OPTIONS.path });
    const steps = analyzer.parseSteps(text, 256);
    for (let i = 0; i < 3; i++) assert.equal(steps.next().done, false);
    // An edit arrives while the cold parse is suspended.
    analyzer.parse(edited);
    assert.deepStrictEqual(analyzer.evaluate(EVALUATE), analyzeChecklist(edited, OPTIONS));
    drain(steps);
    assert.deepStrictEqual(analyzer.evaluate(EVALUATE), analyzeChecklist(text, OPTIONS));

    // A fresh analyzer whose stepwise parse is dropped halfway, then used as usual.
    const dropped = new ChecklistAnalyzer({ config: OPTIONS.config, path: OPTIONS.path });
    const halfway = dropped.parseSteps(text, 256);
    for (let i = 0; i < 3; i++) halfway.next();
    assert.equal(dropped.parsed, undefined);
    dropped.parse(edited);
    assert.deepStrictEqual(dropped.evaluate(EVALUATE), analyzeChecklist(edited, OPTIONS));
  });
});
