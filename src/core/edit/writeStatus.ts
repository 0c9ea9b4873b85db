/**
 * Writes a status token for a state the way the document already writes statuses: the token
 * it uses for that state, else the spelling of the same family that pairs with its other tokens
 * (`☑` → `☐`, `✔️` → `✖️`, `Yes` → `No`, `DONE` → `OPEN`, `&#9745;` → `&#9744;`, Japanese
 * words for a Japanese table). Only edits write tokens, so this lives with them, apart from the
 * reader; it asks the reader whether a token the document already writes reads back as the state
 * and family it would be reused for.
 */

import type { SettableState, TokenFamily } from '../model/types';
import { readStatusCell } from '../parse/readStatus';
import { boxCharFor, boxToken } from '../parse/taskBox';
import { decodeEntityAt, encodeEntity, type DecodedEntity } from '../text/emoji';

type StateTable<T> = Readonly<Record<SettableState, T>>;

// Token spellings that belong together; the first is the default of its family.
const GLYPH_SETS: readonly StateTable<string>[] = [
  // ✅ pairs with ☐ unless the document already writes ❌: "not done yet" is not "failed".
  { done: '✅', open: '☐', 'in-progress': '⏳', 'n/a': '➖' },
  { done: '✅', open: '❌', 'in-progress': '⏳', 'n/a': '➖' },
  { done: '☑', open: '☐', 'in-progress': '⏳', 'n/a': '➖' },
  { done: '☒', open: '☐', 'in-progress': '⏳', 'n/a': '➖' },
  { done: '✔', open: '✖', 'in-progress': '⏳', 'n/a': '➖' },
  { done: '✔', open: '✘', 'in-progress': '⏳', 'n/a': '➖' },
  { done: '✓', open: '✗', 'in-progress': '⏳', 'n/a': '➖' },
  { done: '✅', open: '⬜', 'in-progress': '⏳', 'n/a': '➖' },
  { done: '✅', open: '🔲', 'in-progress': '⏳', 'n/a': '➖' },
  { done: '🟢', open: '🔴', 'in-progress': '🟡', 'n/a': '➖' },
];

const SHORTCODE_SETS: readonly StateTable<string>[] = [
  { done: ':white_check_mark:', open: ':x:', 'in-progress': ':hourglass_flowing_sand:', 'n/a': ':heavy_minus_sign:' },
  { done: ':heavy_check_mark:', open: ':heavy_multiplication_x:', 'in-progress': ':hourglass_flowing_sand:', 'n/a': ':heavy_minus_sign:' },
  { done: ':ballot_box_with_check:', open: ':white_large_square:', 'in-progress': ':hourglass_flowing_sand:', 'n/a': ':heavy_minus_sign:' },
  { done: ':green_circle:', open: ':red_circle:', 'in-progress': ':yellow_circle:', 'n/a': ':heavy_minus_sign:' },
];

const WORD_SETS: readonly StateTable<string>[] = [
  { done: 'Done', open: 'Open', 'in-progress': 'In progress', 'n/a': 'N/A' },
  { done: 'Done', open: 'To do', 'in-progress': 'In progress', 'n/a': 'N/A' },
  { done: 'Done', open: 'Not started', 'in-progress': 'In progress', 'n/a': 'N/A' },
  { done: 'Yes', open: 'No', 'in-progress': 'Partial', 'n/a': 'N/A' },
  { done: 'Pass', open: 'Fail', 'in-progress': 'In progress', 'n/a': 'N/A' },
  { done: 'Passed', open: 'Failed', 'in-progress': 'In progress', 'n/a': 'Skipped' },
  { done: 'Complete', open: 'Incomplete', 'in-progress': 'In progress', 'n/a': 'N/A' },
  { done: 'Completed', open: 'Not started', 'in-progress': 'In progress', 'n/a': 'N/A' },
  { done: 'Met', open: 'Not met', 'in-progress': 'Partial', 'n/a': 'N/A' },
  { done: 'Ready', open: 'Not ready', 'in-progress': 'In progress', 'n/a': 'N/A' },
];

const LANGUAGE_WORD_SETS: Readonly<Record<'ja' | 'zh' | 'ru', StateTable<string>>> = {
  ja: { done: '完了', open: '未着手', 'in-progress': '対応中', 'n/a': '対象外' },
  zh: { done: '已完成', open: '未开始', 'in-progress': '进行中', 'n/a': '不适用' },
  ru: { done: 'Готово', open: 'Не начато', 'in-progress': 'В работе', 'n/a': 'Не применимо' },
};

// Status words written in kanji only, which a Chinese document would not use.
const JAPANESE_KANJI_WORDS = new Set([
  '完了',
  '済',
  '対応済',
  '未着手',
  '未対応',
  '未完了',
  '未実装',
  '未設定',
  '対応中',
  '進行中',
  '作業中',
  '実施中',
  '一部',
  '一部完了',
  '対象外',
  '不要',
]);

const TEXT_DEFAULT_EMOJI = /^(?!\p{Emoji_Presentation})\p{Emoji}$/u;

const withoutSelectors = (text: string): string => text.replace(/[\uFE0E\uFE0F]/g, '');

/** The set whose spellings the document's tokens match most often; the first set on a tie or no match. */
function pickSet(
  sets: readonly StateTable<string>[],
  used: ReadonlyMap<SettableState, string>,
  normalize: (t: string) => string,
): StateTable<string> | null {
  let best: StateTable<string> | null = null;
  let bestVotes = 0;
  for (const set of sets) {
    let votes = 0;
    for (const [state, text] of used) if (normalize(set[state]) === normalize(text)) votes++;
    if (votes > bestVotes) {
      best = set;
      bestVotes = votes;
    }
  }
  return best;
}

function readsAs(text: string, state: SettableState, family: TokenFamily): boolean {
  const cell = readStatusCell(text);
  return cell.kind === 'known' && cell.token.state === state && cell.token.family === family && cell.token.text === text.trim();
}

function glyphFor(
  state: SettableState,
  used: ReadonlyMap<SettableState, string>,
  sets: readonly StateTable<string>[] = GLYPH_SETS,
): string {
  const glyph = (pickSet(sets, used, withoutSelectors) ?? sets[0])[state];
  // A document that writes `✔️` gets `✖️`: keep its emoji presentation for text-default glyphs.
  const emojiStyle = [...used.values()].some((t) => t.includes('\uFE0F'));
  return emojiStyle && TEXT_DEFAULT_EMOJI.test(glyph) ? `${glyph}\uFE0F` : glyph;
}

type CaseStyle = 'upper' | 'lower' | 'title' | null;

function caseStyleOf(words: readonly string[]): CaseStyle {
  const latin = words.filter((w) => /[A-Za-z]{2}/.test(w));
  if (latin.length === 0) return null;
  if (latin.every((w) => w === w.toUpperCase())) return 'upper';
  if (latin.every((w) => w === w.toLowerCase())) return 'lower';
  const titled = (w: string) => w.split(/\s+/).every((part) => /^[^a-z]/.test(part));
  if (latin.some((w) => /\s/.test(w.trim())) && latin.every(titled)) return 'title';
  return null;
}

function applyCase(word: string, style: CaseStyle): string {
  switch (style) {
    case 'upper':
      return word.toUpperCase();
    case 'lower':
      return word.toLowerCase();
    case 'title':
      return word.replace(/(^|\s)([a-z])/g, (_, space: string, c: string) => space + c.toUpperCase());
    default:
      return word;
  }
}

function languageOf(words: readonly string[]): keyof typeof LANGUAGE_WORD_SETS | null {
  const text = words.join(' ');
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  if (/\p{Script=Han}/u.test(text)) {
    return words.some((w) => JAPANESE_KANJI_WORDS.has(w)) ? 'ja' : 'zh';
  }
  return null;
}

function wordFor(state: SettableState, used: ReadonlyMap<SettableState, string>): string {
  const words = [...used.values()].map((w) => w.trim());
  const language = languageOf(words);
  if (language && !words.some((w) => /[A-Za-z]/.test(w))) return LANGUAGE_WORD_SETS[language][state];
  const set = pickSet(WORD_SETS, used, normalizeWord) ?? WORD_SETS[0];
  return applyCase(set[state], caseStyleOf(words));
}

/** The spelling of `state` in the word sets that spell `from` as `text` (case kept); undefined when none or several disagree. */
function pairedWord(text: string, from: SettableState, state: SettableState): string | undefined {
  const key = normalizeWord(text);
  // Only a word with one partner: `Done` pairs with Open, To do and Not started, so the document decides.
  const partners = new Set(WORD_SETS.filter((s) => normalizeWord(s[from]) === key).map((s) => s[state]));
  if (partners.size !== 1) return undefined;
  const [partner] = partners;
  return applyCase(partner, caseStyleOf([text.trim()]));
}

function normalizeWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

function entityFor(state: SettableState, used: ReadonlyMap<SettableState, string>): string {
  const decoded = new Map<SettableState, string>();
  let notation: DecodedEntity['notation'] = 'decimal';
  let upper = false;
  let first = true;
  for (const [s, text] of used) {
    const entity = decodeEntityAt(text.trim(), 0);
    if (!entity) continue;
    decoded.set(s, entity.char);
    if (first) ({ notation, upper } = entity);
    first = false;
  }
  // Entity-written checklists are mostly ballot boxes (`&#9744;`), so those are the default.
  const sets = [GLYPH_SETS[2], ...GLYPH_SETS.filter((_, i) => i !== 2)];
  const glyph = withoutSelectors(glyphFor(state, decoded, sets));
  return encodeEntity(glyph, notation, upper);
}

/**
 * The token to write for `state` in `family`, matching the document: the token it already uses
 * for that state when `used` has one, else the spelling that pairs with its other tokens
 * (`☑` → `☐`, `✔️` → `✖️`, `Yes` → `No`, `DONE` → `OPEN`, `&#9745;` → `&#9744;`).
 */
export function tokenFor(
  state: SettableState,
  family: TokenFamily,
  used: ReadonlyMap<SettableState, string> = new Map(),
  current?: { text: string; state: SettableState },
): string {
  const own = used.get(state);
  if (own !== undefined && readsAs(own, state, family)) return own.trim();
  // Else the word being replaced names its pair: `Yes` becomes `No`, `Passed` becomes `Failed`.
  const paired = family === 'word' && current ? pairedWord(current.text, current.state, state) : undefined;
  if (paired !== undefined) return paired;
  const valid = new Map([...used].filter(([s, t]) => readsAs(t, s, family)));
  switch (family) {
    case 'glyph':
      return glyphFor(state, valid);
    case 'word':
      return wordFor(state, valid);
    case 'shortcode':
      return (pickSet(SHORTCODE_SETS, valid, (t) => t.trim().toLowerCase()) ?? SHORTCODE_SETS[0])[state];
    case 'box':
      return boxToken(boxCharFor(state));
    case 'entity':
      return entityFor(state, valid);
  }
}
