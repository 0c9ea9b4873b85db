import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Nodes, RootContent } from 'mdast';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { headingLines, parseInPieces } from '../../src/core/analyze/coldParse';
import { defaultConfig } from '../../src/core/config/types';
import { detachedSlice, parseMarkdown, shiftPositions } from '../../src/core/parse/markdown';
import { referenceAnalyze } from '../reference/evaluate';

/**
 * The cold parse cuts a document into pieces at heading lines and parses each on its own
 * (`analyze/coldParse.ts`). Its blocks must be those of one whole-document parse, offsets included,
 * however small the pieces and whatever swallows a heading line (fences, HTML blocks, front matter,
 * block quotes, lists); and a cold analysis of documents long enough to be cut equals the
 * reference evaluator. (Line and column of the mdast positions are not compared: the analysis reads
 * offsets only, through its line index.)
 */
const RUNS = Number(process.env.READINESS_FUZZ_RUNS ?? 150);

const line = fc.constantFrom(
  '# Title',
  '## Security',
  '### Deep',
  '####### seven',
  '#hashtag',
  '#',
  '## Ops ✅',
  '#\tTabbed',
  ' ## Indented',
  '    # indented code',
  '- [ ] Rollback tested',
  '- [x] Backups [evidence](docs/evidence/a.md)',
  '  - [~] Nested',
  '- ✅ Done glyph',
  '- ```',
  '  ```',
  '```',
  '```bash',
  '````',
  '~~~',
  '``` inline ` code',
  '   ```',
  '<div>',
  '</div>',
  '<!--',
  '-->',
  '<!-- one line -->',
  '<script>',
  '</script>',
  '<?php',
  '?>',
  '<![CDATA[',
  ']]>',
  '> - [ ] quoted',
  '> # quoted heading',
  '>',
  'Setext',
  '===',
  '---',
  '***',
  '| Check | Status |',
  '|---|---|',
  '| TLS | ✅ |',
  '**Group:**',
  'paragraph text',
  '\uFEFFbom inside',
  '',
  '',
  '',
);
const head = fc.constantFrom('', '---\ntitle: T\n# yaml comment\n---\n', '---\n# unclosed\n## Heading\n', '\uFEFF', '\uFEFF# Title\n');
const doc = fc
  .tuple(head, fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([h, lines, eol]) => (h + lines.join('\n') + '\n').replace(/\n/g, eol));

function whole(text: string): RootContent[] {
  return parseMarkdown(text).children;
}

function range(text: string, from: number, to: number): RootContent[] {
  const children = parseMarkdown(detachedSlice(text, from, to)).children;
  if (from > 0) shiftPositions(children, from);
  return children;
}

/** The blocks with their positions reduced to offsets. */
function offsetsOnly(blocks: RootContent[]): unknown {
  return JSON.parse(
    JSON.stringify(blocks, (key, value: Nodes['position']) =>
      key === 'position' && value ? { start: value.start.offset, end: value.end.offset } : value,
    ),
  );
}

describe('the cold parse in pieces', () => {
  it('proposes heading lines outside fenced code only', () => {
    const text = '# A\n```\n# not\n```\n## B\n~~~~\n# not\n~~~\n# still not\n~~~~\n#x\n###### C\r\n####### no\n#\n';
    const expected = ['# A', '## B', '###### C', '#\n'].map((s) => text.indexOf(s, s === '#\n' ? text.length - 3 : 0));
    assert.deepEqual(headingLines(text), expected);
  });

  it('gives the blocks of a whole parse, whatever the piece size', function () {
    this.timeout(30_000 + RUNS * 200);
    fc.assert(
      fc.property(doc, fc.constantFrom(0, 1, 20, 200), (text, pieceChars) => {
        const pieces = parseInPieces(text, (from, to) => range(text, from, to), pieceChars);
        assert.deepStrictEqual(offsetsOnly(pieces), offsetsOnly(whole(text)));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('reads `---` and U+FEFF after a heading line as the whole parse does (only the document start holds front matter or a BOM)', () => {
    for (const text of ['# Title\n---\n---\n', '# Title\n---\nkey: v\n---\n## Next\n', '# Title\n\uFEFF- [ ] item\n']) {
      assert.deepStrictEqual(offsetsOnly(parseInPieces(text, (from, to) => range(text, from, to), 0)), offsetsOnly(whole(text)), text);
    }
  });

  it('parses each character once when every proposed heading line is a heading', () => {
    const text = Array.from({ length: 30 }, (_, i) => `## Area ${i}\n\n- [ ] Item ${i}\n`).join('');
    let parsed = 0;
    parseInPieces(
      text,
      (from, to) => {
        parsed += to - from;
        return range(text, from, to);
      },
      0,
    );
    assert.equal(parsed, text.length);
  });

  it('makes cold analyses of long documents equal to the reference evaluator', function () {
    this.timeout(60_000 + RUNS * 1_000);
    const filler = (n: number): string =>
      Array.from({ length: 60 }, (_, i) => `- [${i % 3 === 0 ? 'x' : ' '}] Filler ${n}.${i} @ops`).join('\n');
    const longDoc = fc
      .tuple(head, fc.array(fc.array(line, { maxLength: 12 }), { minLength: 2, maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
      .map(([h, parts, eol]) => (h + parts.map((lines, n) => `${lines.join('\n')}\n\n${filler(n)}\n`).join('\n')).replace(/\n/g, eol));
    const options = { config: defaultConfig(), path: 'PRODUCTION_READINESS.md', today: '2026-06-01', exists: () => true };
    fc.assert(
      fc.property(longDoc, (text) => {
        assert.deepStrictEqual(analyzeChecklist(text, options), referenceAnalyze(text, options));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
