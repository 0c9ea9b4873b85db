import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Analysis } from '../../src/core/analyze/analysis';
import type { LinkCheck } from '../../src/core/analyze/links';
import { referenceAnalyze } from '../reference/evaluate';
import type { AnalysisLimits } from '../../src/core/text/limits';
import { defaultConfig, type ReadinessConfig } from '../../src/core/config/types';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';

/** Number of generated edit sequences; `npm run fuzz` raises it. */
const RUNS = Number(process.env.READINESS_FUZZ_RUNS ?? 120);

const CONFIG: ReadinessConfig = {
  ...defaultConfig(),
  critical: [{ category: 'Secur*' }, { item: 'Rollback*' }, { id: 'ops/backups' }],
  evidence: { required: 'critical', dir: 'docs/evidence' },
  runbooks: { dirs: ['docs/runbooks'], links: [{ match: 'database', path: 'docs/runbooks/db.md' }] },
};
const PATH = 'svc/PRODUCTION_READINESS.md';
const exists = (path: string): LinkCheck => (path.includes('missing') ? false : path.includes('link') ? 'outside' : true);

const words = fc.constantFrom(
  'Backups',
  'Rollback tested',
  'Security',
  'database failover',
  'TLS 証明書',
  '🚀 Deploy',
  'Alerts @ops due: 2020-01-02',
  'âœ… legacy',
  'Ops',
  'Critical path',
);
const link = fc.constantFrom(
  '',
  ' [evidence](docs/evidence/a.md)',
  ' [runbook](docs/runbooks/r.md)',
  ' [gone](docs/evidence/missing.md)',
  ' [out](../x.md)',
  ' [ext](https://example.com)',
  ' [ref][ev]',
  ' [ev]',
  ' [^1]',
  ' [sym](docs/link.md)',
);
const id = fc.constantFrom('', '', '', ' {#backups}', ' <!-- id: ops/backups -->', ' {#dup}');
const box = fc.constantFrom(' ', 'x', '~', '-');
const task = fc
  .tuple(fc.constantFrom('', '  ', '    '), fc.constantFrom('-', '*', '1.'), box, words, link, id)
  .map(([i, b, x, w, l, d]) => `${i}${b} [${x}] ${w}${l}${d}`);
const glyph = fc
  .tuple(fc.constantFrom('- ✅', '- ❌', '☐', '- ⏳', '- ⚠️', '1. 📝', '[ ]', '[x]'), words, link)
  .map(([g, w, l]) => `${g} ${w}${l}`);
const list = fc.array(fc.oneof(task, glyph), { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
const heading = fc
  .tuple(fc.constantFrom('#', '##', '##', '###', '####', ' ##', '#'), words, fc.constantFrom('', ' ##', ' ✅'))
  .map(([h, w, t]) => `${h} ${w}${t}`);
const table = fc
  .tuple(words, fc.constantFrom('✅', 'Done', 'open', '❓ maybe', '', 'âœ…'), fc.constantFrom('P0', 'P2', ''))
  .map(
    ([w, s, p]) =>
      `| Check | Status | Priority |\n|---|---|---|\n| ${w} | ${s} | ${p} |\n| Second ${w} | ☐ | |\n| Third | 🔄 | P1 |\n| Fourth |⏳| |`,
  );
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '```bash', '~~~ yaml'), fc.boolean())
  .map(([f, closed]) => `${f}\n# not a heading\n- [ ] not an item\n${closed ? f.replace(/[a-z ]+$/, '') : ''}`);
const other = fc.constantFrom(
  'Setext title\n===',
  'Setext section\n---',
  '**Pre-deployment:**\n- [ ] Smoke tests',
  'The guide covers:\n- ✅ Basics\n- ✅ More',
  '> # Quoted heading\n> - [ ] Quoted item',
  '<div>\n# inside html\n- [ ] html item\n</div>',
  '<!--\n## commented\n-->',
  '[ev]: docs/evidence/ref.md',
  '[^1]: A footnote',
  '    - [ ] indented code',
  'Just a paragraph with **bold** and `code`.',
  '---',
  '- Common\n  - [ ] Nested under plain',
  '- Prose bullet\n- **Owner:** @ops',
  '```\nStage:\n☐ fenced check\n- [x] fenced task\n```',
  '| Item | Status | Notes |\n|---|:---:|\n| Backups | ❌ | x |\n| Logs | ⚠️ Needs Work | |',
  '## Status Legend\n\n- `Verify`: checked in the console\n- `Done`: finished',
  '| Item | Status |\n|---|---|\n| Keys | `Verify` |\n| Certs | Shipped |\n| Plan | pass / fail |',
);
const frontMatter = fc.constantFrom(
  '',
  '',
  '---\ntitle: Service readiness\n---\n',
  '---\nreadiness:\n  critical:\n    - category: Ops\n---\n',
  '---\n# comment\ntitle: Open\n',
  '---\nreadiness:\n  statuses:\n    Shipped: done\n---\n',
);
const block = fc.oneof(
  { weight: 3, arbitrary: list },
  { weight: 3, arbitrary: heading },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: fence },
  { weight: 2, arbitrary: other },
);
const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
const documentArb = fc
  .tuple(fc.boolean(), frontMatter, fc.array(block, { minLength: 0, maxLength: 14 }), eol)
  .map(([bom, fm, blocks, nl]) => ((bom ? '\uFEFF' : '') + fm + blocks.join('\n\n') + '\n').replace(/\n/g, nl));

/** Pieces an edit inserts: typing, line breaks, and whole constructs that move section boundaries. */
const snippet = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('x', ' ', 'a', '#', '-', '`', '|', '[', ']', ':', '~', '>', '*', '<', '\n', '\r\n', '\r', 'é', 'â'),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\n# Title\n',
      '\n## Section\n',
      '## ',
      '\n### Deeper\n',
      '\n```\n',
      '```',
      '~~~',
      '\n~~~\n',
      '---\n',
      '---\ntitle: X\n---\n',
      '\n---\n',
      '\n[ev]: docs/evidence/b.md\n',
      '[x]: y',
      '\n| A | Status |\n|---|---|\n| x | ✅ |\n',
      '\n- [ ] New item\n',
      '- [x] ',
      '<div>\n',
      '\n\n',
      'Title\n===\n',
      '<!-- id: dup -->',
      '{#dup}',
      '**Group:**\n- [ ] g\n',
      'âœ…',
      '\n- `Shipped`: released\n',
      '`Verify`',
      '\n**Legend:**\n- ⚠️ = needs review\n',
    ),
  },
);
interface Edit {
  at: number;
  remove: number;
  insert: string;
}
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  insert: fc.oneof(snippet, fc.constant('')),
});
const tickArb = fc.nat();

function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * text.length);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

/** Status glyphs a tick swaps in a table cell or at a bullet's start (some one UTF-16 unit long, some two). */
const GLYPHS = ['✅', '❌', '⏳', '☐', '🔄', '🔍', '⬜', '✔️', '🟡', '☑', '🔴', '🟢', '➖'];
const GLYPH_RE = new RegExp(GLYPHS.map((g) => g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');

/** Replaces the n-th status glyph with another (as ticking a table row or a glyph bullet does). */
function swapGlyph(text: string, [n, g]: [number, number]): string {
  const found = [...text.matchAll(GLYPH_RE)];
  if (found.length === 0) return text;
  const m = found[n % found.length];
  return text.slice(0, m.index) + GLYPHS[g % GLYPHS.length] + text.slice(m.index + m[0].length);
}

/** Ticks (or unticks) the n-th task box, as the editor does. */
function tick(text: string, n: number): string {
  const boxes = [...text.matchAll(/\[[ xX]\]/g)];
  if (boxes.length === 0) return text;
  const m = boxes[n % boxes.length];
  return text.slice(0, m.index + 1) + (m[0] === '[ ]' ? 'x' : ' ') + text.slice(m.index + 2);
}

/** Limits small enough that generated documents cross them back and forth. */
const TIGHT: AnalysisLimits = {
  maxChars: 700,
  maxQuoteDepth: 1,
  maxIndent: 3,
  maxDelimitersPerBlock: 8,
  maxTableCells: 10,
  // Budgets are never below those of one million characters: these make them 30 lines, 3 markers, 20 delimiters.
  linesPerMillion: 30,
  quoteMarkersPerMillion: 3,
  delimitersPerMillion: 20,
};

function full(text: string, checked: boolean, limits?: AnalysisLimits, config = CONFIG): Analysis {
  return referenceAnalyze(text, { config, path: PATH, today: '2026-01-01', limits, ...(checked ? { exists } : {}) });
}

/** Applies the edits one after the other; after each, the analyzer must equal the reference evaluator. */
function checkSequence(
  start: string,
  edits: readonly (Edit | number | [number, number])[],
  sometimesUnchecked: boolean,
  limits?: AnalysisLimits,
  config = CONFIG,
): void {
  const analyzer = new ChecklistAnalyzer({ config, path: PATH, limits });
  let text = start;
  const compare = (step: number) => {
    const checked = !(sometimesUnchecked && step % 3 === 2);
    const expected = full(text, checked, limits, config);
    // `exists` never changes its answers: a fixed version on some steps lets links of untouched sections go unasked.
    const actual = analyzer.analyze(text, {
      today: '2026-01-01',
      ...(checked ? { exists, ...(step % 4 < 2 ? { existsVersion: 1 } : {}) } : {}),
    });
    assert.deepStrictEqual(actual, expected, `step ${step}: ${JSON.stringify(text)}`);
  };
  compare(0);
  edits.forEach((edit, i) => {
    text = typeof edit === 'number' ? tick(text, edit) : Array.isArray(edit) ? swapGlyph(text, edit) : applyEdit(text, edit);
    compare(i + 1);
  });
}

const swapArb = fc.tuple(fc.nat(), fc.nat());
const editsArb = fc.array(
  fc.oneof({ weight: 4, arbitrary: editArb }, { weight: 1, arbitrary: tickArb }, { weight: 1, arbitrary: swapArb }),
  { minLength: 1, maxLength: 8 },
);

describe('incremental analysis (property)', () => {
  it('equals a full analysis after every edit', function () {
    this.timeout(30_000 + RUNS * 200);
    fc.assert(
      fc.property(documentArb, editsArb, fc.boolean(), (start, edits, sometimesUnchecked) =>
        checkSequence(start, edits, sometimesUnchecked),
      ),
      { numRuns: RUNS },
    );
  });

  it('equals a full analysis after ticks of status tables and glyph bullets (the patched path)', function () {
    this.timeout(30_000 + RUNS * 100);
    const cell = fc.constantFrom(...GLYPHS, ' ✅ ', '✅ Done', 'Done', '', '-', 'âœ…', '&#9745;', ':white_check_mark:', '*✅*');
    const row = fc.tuple(words, cell, fc.constantFrom('P0', 'P2', '')).map(([w, c, p]) => `| ${w} |${c}| ${p} |`);
    const statusTable = fc
      .array(row, { minLength: 1, maxLength: 6 })
      .map((rows) => `| Check | Status | Priority |\n|---|---|---|\n${rows.join('\n')}`);
    const doc = fc.array(fc.oneof(statusTable, list, heading), { minLength: 1, maxLength: 8 }).map((blocks) => `${blocks.join('\n\n')}\n`);
    const ticks = fc.array(fc.oneof({ weight: 3, arbitrary: swapArb }, { weight: 1, arbitrary: tickArb }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(doc, ticks, (start, edits) => checkSequence(start, edits, false)),
      { numRuns: RUNS },
    );
  });

  it('equals a full analysis after every edit under a config that teaches statuses', function () {
    this.timeout(30_000 + RUNS * 200);
    const taught: ReadinessConfig = { ...CONFIG, statuses: { Verify: 'done', '⚠️': 'in-progress', 'needs work': 'n/a', '✅': 'open' } };
    fc.assert(
      fc.property(documentArb, editsArb, (start, edits) => checkSequence(start, edits, false, undefined, taught)),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('refuses exactly when a full analysis does (size and nesting limits)', function () {
    this.timeout(30_000 + RUNS * 100);
    fc.assert(
      fc.property(documentArb, editsArb, (start, edits) => checkSequence(start, edits, false, TIGHT)),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
