import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { SETTABLE_STATES, type Checklist, type ReadinessItem } from '../../src/core/model/types';
import { applyEdits, setState } from '../../src/core/edit/setState';
import { tokenFor } from '../../src/core/edit/writeStatus';
import { allItems } from '../../src/core/model/walk';
import { readStatusCell } from '../../src/core/parse/readStatus';
import { analyze } from './helpers/model';

/** Number of generated documents; `npm run fuzz` raises it. */
const RUNS = Number(process.env.READINESS_FUZZ_RUNS ?? 150);

const words = fc.constantFrom('Backups', 'TLS 証明書', '🚀 Deploy', 'Rollback tested', 'Ключи', 'Load\ttest', 'ÄÖÜ café', 'Alerts  ');
const box = fc.constantFrom(' ', 'x', '~', '-');
const bullet = fc.constantFrom('-', '*', '+', '1.', '2)');
const indent = fc.constantFrom('', '  ', '\t');

// Each document writes a state one way, as real ones do; a state that no longer appears after an
// edit is written with the default spelling of its family, so generated spellings are the defaults.
/** Lines that hold real items. */
const itemLine = fc.oneof(
  fc.tuple(indent, bullet, box, words).map(([i, b, x, w]) => `${i}${b} [${x}] ${w}`),
  fc.tuple(fc.constantFrom('- ✅', '- ⏳', '* ❌'), words).map(([g, w]) => `${g} ${w}`),
);
/** Blocks that look like items but are not. */
const decoy = fc.oneof(
  fc.tuple(fc.constantFrom('```', '~~~'), itemLine).map(([f, l]) => `${f}\n${l}\n${f}`),
  itemLine.map((l) => `    ${l.trimStart()}`).map((l) => `\n${l}\n`),
  itemLine.map((l) => `<!--\n${l}\n-->`),
  itemLine.map((l) => `Text with \`${l}\` inline`),
  itemLine.map((l) => `> \`\`\`\n> ${l}\n> \`\`\``),
);
const statusVocab = fc.constantFrom(
  { done: '✅', open: '❌', wip: '⏳' },
  { done: 'Done', open: 'Open', wip: 'In progress' },
  { done: ':white_check_mark:', open: ':x:', wip: ':hourglass_flowing_sand:' },
  { done: '[x]', open: '[ ]', wip: '[~]' },
);
const table = fc
  .tuple(
    statusVocab,
    fc.array(fc.tuple(words, fc.constantFrom<'done' | 'open' | 'wip'>('done', 'open', 'wip'), fc.constantFrom('', '**', '`')), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([vocab, rows]) =>
    ['| Check | Status |', '|:--|:-:|', ...rows.map(([w, s, wrap]) => `| ${w.trim()} | ${wrap}${vocab[s]}${wrap} |`)].join('\n'),
  );
const heading = fc.tuple(fc.constantFrom('##', '###'), words).map(([h, w]) => `${h} ${w}`);
const block = fc.oneof(
  { weight: 4, arbitrary: itemLine },
  { weight: 2, arbitrary: decoy },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: heading },
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
// Real documents spell a state one way (`x` or `X`, `~` or `/`); each generated document picks one.
const spelling = fc.record({ done: fc.constantFrom('x', 'X'), wip: fc.constantFrom('~', '/') });
const documentArb = fc
  .tuple(fc.boolean(), fc.array(block, { minLength: 1, maxLength: 12 }), eol, fc.constantFrom('', ' ', '\t'), spelling)
  .map(
    ([bom, blocks, nl, trailing, sp]) =>
      (bom ? '\uFEFF' : '') +
      blocks.join(`${trailing}${nl}${nl}`).replace(/\[x\]/g, `[${sp.done}]`).replace(/\[~\]/g, `[${sp.wip}]`).replace(/\n/g, nl) +
      nl,
  );

function sameItemIn(checklist: Checklist, item: ReadinessItem): ReadinessItem | undefined {
  return allItems(checklist).find((i) => i.line === item.line && i.kind === item.kind && i.text === item.text);
}

const DEFAULT_BOX: Record<string, string> = { done: 'x', open: ' ', 'in-progress': '~', 'n/a': '-' };

/**
 * Setting back can only reproduce the original spelling when the document still shows it
 * after the edit (another marker spells that state the same way) or when it is the default.
 */
function recoverable(items: readonly ReadinessItem[], item: ReadinessItem): boolean {
  if (items.some((o) => o !== item && o.state === item.state && o.marker.style === item.marker.style && o.marker.text === item.marker.text))
    return true;
  if (item.marker.style === 'box') return item.marker.text === DEFAULT_BOX[item.state];
  const cell = readStatusCell(item.marker.text);
  return cell.kind === 'known' && tokenFor(cell.token.state, cell.token.family) === item.marker.text;
}

describe('setState (property)', () => {
  it('changes exactly the marker, and setting back restores the original bytes', function () {
    this.timeout(20_000 + RUNS * 40);
    fc.assert(
      fc.property(documentArb, fc.nat(), fc.constantFrom(...SETTABLE_STATES), (text, pick, target) => {
        const { checklist } = analyze(text);
        const items = allItems(checklist);
        fc.pre(items.length > 0);
        const item = items[pick % items.length];
        const edit = setState(text, checklist, item, target);
        if (item.state === target && item.unknownStatus === undefined) {
          assert.equal(edit, null);
          return;
        }
        assert.ok(edit);
        assert.equal(edit.start, item.marker.start);
        assert.equal(edit.end, item.marker.end);
        const changed = applyEdits(text, [edit]);
        assert.equal(changed.slice(0, edit.start), text.slice(0, edit.start));
        assert.equal(changed.slice(edit.start + edit.newText.length), text.slice(edit.end));
        const after = analyze(changed);
        const moved = sameItemIn(after.checklist, item);
        assert.ok(moved, `item "${item.text}" still there after the edit`);
        assert.equal(moved.state, target);
        const others = (c: typeof checklist, skip: ReadinessItem) =>
          allItems(c)
            .filter((i) => i !== skip)
            .map((i) => `${i.line}:${i.text}:${i.state}`);
        assert.deepEqual(others(after.checklist, moved), others(checklist, item));
        if (item.state !== 'untracked' && item.unknownStatus === undefined && item.marker.text !== '' && recoverable(items, item)) {
          const back = setState(changed, after.checklist, moved, item.state);
          assert.ok(back);
          assert.equal(applyEdits(changed, [back]), text);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never finds items in decoys', function () {
    this.timeout(20_000 + RUNS * 10);
    fc.assert(
      fc.property(fc.array(decoy, { minLength: 1, maxLength: 6 }), eol, (blocks, nl) => {
        const text = blocks.join(nl + nl).replace(/\n/g, nl);
        assert.deepEqual(
          allItems(analyze(text).checklist).map((i) => i.text),
          [],
        );
      }),
      { numRuns: RUNS },
    );
  });
});
