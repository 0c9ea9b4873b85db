/**
 * Recognises status values written in raw Markdown: glyphs (`✅`, `☐`), words (`Done`,
 * `In progress`), gemoji shortcodes (`:white_check_mark:`), boxes (`[x]`) and HTML entities
 * (`&#9745;`), whatever emphasis, code or link markup wraps them. Tokens carry offsets into the
 * raw text so an edit can replace exactly the token and keep its wrapping.
 */

import { decodeEntityAt, encodeEntity, shortcodeLength, skipEmojiModifiers, stripLeadingEmoji, stripTrailingEmoji, type DecodedEntity } from '../text/emoji';

/** A state a status token can express. */
export type KnownState = 'done' | 'open' | 'in-progress' | 'n/a';

/** How a token is written, so a replacement can be written the same way. */
export type TokenFamily = 'glyph' | 'word' | 'shortcode' | 'box' | 'entity';

/** A status token located in raw text; start/end are offsets into the raw string given. */
export interface StatusToken {
  state: KnownState;
  start: number;
  end: number;
  text: string;
  family: TokenFamily;
}

/** A placeholder (a lone dash) in an otherwise empty status cell: replace it rather than writing next to it. */
export interface StatusPlaceholder {
  start: number;
  end: number;
  text: string;
}

/** Result of reading a status cell. */
export type StatusCell =
  | { kind: 'empty'; placeholder?: StatusPlaceholder }
  | { kind: 'known'; token: StatusToken }
  | { kind: 'unknown'; value: string /* trimmed plain text */ };

type StateTable<T> = Readonly<Record<KnownState, T>>;

interface GlyphInfo {
  state: KnownState;
  /** Only a status inside a status cell; elsewhere it is usually a severity or decoration (`🔴 Critical`). */
  cellOnly: boolean;
}

// Second column: traffic lights and thumbs are statuses in a status column, but as the first
// character of a bullet or line they mark severity (corpus 21, 22), so bullets ignore them.
// ⭕ and ⚠️ are deliberately absent (see the module tests for why).
const GLYPH_TABLE: StateTable<readonly [string, string]> = {
  done: ['✅✔✓☑☒🗹🗸', '🟢👍'],
  open: ['☐⬜❌✗✘✖✕🔲🔳□▢', '🔴'],
  'in-progress': ['🔄🔃⏳⌛🚧◐◑', '🟡'],
  'n/a': ['➖', ''],
};

const SHORTCODE_TABLE: StateTable<readonly [readonly string[], readonly string[]]> = {
  done: [['white_check_mark', 'heavy_check_mark', 'ballot_box_with_check'], ['green_circle', '+1', 'thumbsup']],
  open: [['x', 'heavy_multiplication_x', 'white_large_square', 'black_square_button', 'white_square_button'], ['red_circle']],
  'in-progress': [['hourglass', 'hourglass_flowing_sand', 'construction', 'arrows_counterclockwise', 'arrows_clockwise'], ['yellow_circle']],
  'n/a': [['heavy_minus_sign'], []],
};

const BOX_STATES: Readonly<Record<string, KnownState>> = { ' ': 'open', x: 'done', X: 'done', '~': 'in-progress', '/': 'in-progress', '-': 'n/a' };

// Words: spaces match any run of spaces, `_` or `-`; `'` is optional and may be typographic.
const WORD_TABLE: StateTable<readonly string[]> = {
  done: [
    'done', 'complete', 'completed', 'passed', 'pass', 'passing', 'yes', 'ok', 'okay', 'ready', 'verified',
    'implemented', 'finished', 'resolved', 'fixed', 'closed', 'met', 'compliant',
    '完了', '済', '済み', '対応済み', '対応済', '実装済み', '設定済み', '確認済み', '完成', '已完成', '通过', '已通过', '已实现',
    'готово', 'выполнено', 'сделано',
  ],
  open: [
    'todo', 'to do', 'open', 'pending', 'not started', 'not done', 'missing', 'fail', 'failed', 'failing', 'no',
    'not yet', 'not ready', 'incomplete', 'not implemented', 'blocked', 'blocker', 'not met', 'non compliant', 'noncompliant',
    '未着手', '未対応', '未完了', '未実装', '未設定', '未', '未完成', '未开始', '未实现', '待办', '待处理', '未通过', '不通过',
    'не начато', 'не выполнено', 'не готово',
  ],
  'in-progress': [
    'in progress', 'inprogress', 'wip', 'work in progress', 'partial', 'partially', 'partly', 'partially done',
    'partially complete', 'ongoing', 'started', 'doing', 'in review', 'under review', 'underway', 'under way',
    '対応中', '進行中', '作業中', '実施中', '一部', '一部完了', '进行中', '部分完成', '处理中',
    'в работе', 'в процессе', 'частично',
  ],
  'n/a': [
    'n/a', 'na', 'n.a.', 'not applicable', 'skipped', 'skip', 'not needed', 'not required', 'not relevant',
    'out of scope', "won't do", "won't fix", 'wontfix',
    '対象外', '該当なし', '不要', '不适用', '无需', 'не применимо', 'н/д',
  ],
};

const STATES: readonly KnownState[] = ['done', 'open', 'in-progress', 'n/a'];

function buildGlyphMap(): ReadonlyMap<number, GlyphInfo> {
  const map = new Map<number, GlyphInfo>();
  for (const state of STATES) {
    const [everywhere, cellOnly] = GLYPH_TABLE[state];
    for (const ch of everywhere) map.set(ch.codePointAt(0)!, { state, cellOnly: false });
    for (const ch of cellOnly) map.set(ch.codePointAt(0)!, { state, cellOnly: true });
  }
  return map;
}

function buildShortcodeMap(): ReadonlyMap<string, GlyphInfo> {
  const map = new Map<string, GlyphInfo>();
  for (const state of STATES) {
    const [everywhere, cellOnly] = SHORTCODE_TABLE[state];
    for (const name of everywhere) map.set(name, { state, cellOnly: false });
    for (const name of cellOnly) map.set(name, { state, cellOnly: true });
  }
  return map;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function phrasePattern(phrase: string): string {
  if (phrase === 'n/a' || phrase === 'н/д') return `${phrase[0]}\\s*/\\s*${phrase[2]}`;
  if (phrase === 'n.a.') return 'n\\.\\s?a\\.?';
  return phrase
    .split(' ')
    .map((w) => escapeRegExp(w).replace(/'/g, "['’]?"))
    .join('[\\s\\u00a0_-]+');
}

function buildWordPattern(): { pattern: RegExp; states: KnownState[] } {
  const all = STATES.flatMap((state) => WORD_TABLE[state].map((p) => ({ state, source: phrasePattern(p), length: p.length })));
  // Longest first so `not started` wins over `no`; the lookahead stops `no` matching `None`.
  all.sort((a, b) => b.length - a.length);
  const groups = all.map((w) => `(${w.source})`).join('|');
  return { pattern: new RegExp(`(?:${groups})(?![\\p{L}\\p{N}])`, 'iuy'), states: all.map((w) => w.state) };
}

const GLYPHS = buildGlyphMap();
const SHORTCODES = buildShortcodeMap();
const WORDS = buildWordPattern();

/** Markup that may open a status value: whitespace, emphasis, code, inline HTML, a link's text. */
const OPENER = /(?:[\s\u00a0]+|\*+|_+|~~|`+|<(?:b|strong|i|em|code|mark|span|kbd|u|s|del|ins|small|sup|sub|font|p|div)\b[^<>]{0,256}>|&nbsp;|\[)/iy;
/** Markup that may close a status value, and trailing punctuation. */
const CLOSER = /(?:[\s\u00a0]+(?=`|<\/)|\*+|_+|~~|`+|<\/[a-z]+\s*>|\]\([^()\n]{0,512}\)|\]\[[^[\]\n]{0,256}\]|\]|[.!。！])/iy;
/** What may follow a status word: the end of the cell or a separator before a comment. */
const WORD_END = /[\s\u00a0]*(?:$|[:：(（]|<br\s*\/?>|[-–—](?=[\s\u00a0]|$)|[—–])/iy;
/** A slash after a token: `✅ / ❌` and `pass / fail` are option lists left unfilled. */
const OPTION_SLASH = /[\s\u00a0]*\/[\s\u00a0]*/y;
/** A lone dash (or `&mdash;`) standing for "nothing yet". */
const PLACEHOLDER = /(?:[-–—―]+|&mdash;|&ndash;|&#8212;|&#8211;|&#x2014;|&#x2013;)/iy;
/** Whitespace and emphasis that may precede a bullet's status glyph. */
const LEAD_OPENER = /(?:[ \t\u00a0\u3000]+|\*+|_+)/y;

interface Options {
  words: boolean;
  boxes: boolean;
  cellOnly: boolean;
}

const CELL: Options = { words: true, boxes: true, cellOnly: true };
const BULLET: Options = { words: false, boxes: false, cellOnly: false };

function stickyLength(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0].length : 0;
}

function token(raw: string, start: number, end: number, state: KnownState, family: TokenFamily): StatusToken {
  return { state, start, end, text: raw.slice(start, end), family };
}

function glyphAt(raw: string, at: number, options: Options): StatusToken | null {
  const cp = raw.codePointAt(at);
  const info = cp === undefined ? undefined : GLYPHS.get(cp);
  if (!info || (info.cellOnly && !options.cellOnly)) return null;
  const end = skipEmojiModifiers(raw, at + (cp! > 0xffff ? 2 : 1));
  // A glyph that starts a longer emoji sequence (ZWJ) is some other emoji.
  if (raw.charCodeAt(end) === 0x200d) return null;
  return token(raw, at, end, info.state, 'glyph');
}

function shortcodeAt(raw: string, at: number, options: Options): StatusToken | null {
  if (raw[at] !== ':') return null;
  const length = shortcodeLength(raw, at);
  if (length === 0) return null;
  const info = SHORTCODES.get(raw.slice(at + 1, at + length - 1).toLowerCase());
  if (!info || (info.cellOnly && !options.cellOnly)) return null;
  return token(raw, at, at + length, info.state, 'shortcode');
}

function entityAt(raw: string, at: number, options: Options): StatusToken | null {
  const entity = decodeEntityAt(raw, at);
  if (!entity) return null;
  const info = GLYPHS.get(entity.char.codePointAt(0)!);
  if (!info || (info.cellOnly && !options.cellOnly)) return null;
  let end = at + entity.length;
  const selector = decodeEntityAt(raw, end);
  if (selector?.char === '\uFE0F') end += selector.length;
  return token(raw, at, skipEmojiModifiers(raw, end), info.state, 'entity');
}

function boxAt(raw: string, at: number, options: Options): StatusToken | null {
  if (!options.boxes || raw[at] !== '[' || raw[at + 2] !== ']') return null;
  const state = BOX_STATES[raw[at + 1]];
  return state ? token(raw, at, at + 3, state, 'box') : null;
}

function wordAt(raw: string, at: number, options: Options): StatusToken | null {
  if (!options.words) return null;
  WORDS.pattern.lastIndex = at;
  const m = WORDS.pattern.exec(raw);
  if (!m) return null;
  const index = m.findIndex((group, i) => i > 0 && group !== undefined) - 1;
  return token(raw, at, at + m[0].length, WORDS.states[index], 'word');
}

function tokenAt(raw: string, at: number, options: Options): StatusToken | null {
  return boxAt(raw, at, options) ?? shortcodeAt(raw, at, options) ?? entityAt(raw, at, options) ?? glyphAt(raw, at, options) ?? wordAt(raw, at, options);
}

/** Offset after the closing markup and trailing punctuation that follow `at`. */
function skipClosers(raw: string, at: number): number {
  let i = at;
  for (let n = stickyLength(CLOSER, raw, i); n > 0; n = stickyLength(CLOSER, raw, i)) i += n;
  return i;
}

/** Offset after the opening markup at `at`. */
function skipOpeners(raw: string, at: number, opener: RegExp = OPENER): number {
  let i = at;
  for (let n = stickyLength(opener, raw, i); n > 0; n = stickyLength(opener, raw, i)) i += n;
  return i;
}

/** The first token of a value, found by peeling opening markup one piece at a time (a `[` may open a box or a link). */
function leadingToken(raw: string, options: Options, opener: RegExp): StatusToken | null {
  let i = 0;
  for (;;) {
    const found = tokenAt(raw, i, options);
    if (found) return found;
    const n = stickyLength(opener, raw, i);
    if (n === 0) return null;
    i += n;
  }
}

function wordStandsAlone(raw: string, end: number): boolean {
  return stickyLength(WORD_END, raw, skipClosers(raw, end)) > 0 || skipClosers(raw, end) === raw.length;
}

function isOptionList(raw: string, end: number): boolean {
  const after = skipClosers(raw, end);
  const slash = stickyLength(OPTION_SLASH, raw, after);
  return slash > 0 && tokenAt(raw, skipOpeners(raw, after + slash), CELL) !== null;
}

function placeholderIn(raw: string): StatusPlaceholder | null {
  const start = skipOpeners(raw, 0);
  const length = stickyLength(PLACEHOLDER, raw, start);
  if (length === 0) return null;
  const rest = raw.slice(skipClosers(raw, start + length));
  return /^[\s\u00a0]*$/.test(rest) ? { start, end: start + length, text: raw.slice(start, start + length) } : null;
}

/** The plain text of a raw cell: markup removed, entities decoded, whitespace collapsed. Quantifiers are bounded so hostile text stays linear. */
export function plainStatusText(raw: string): string {
  return raw
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^<>]{0,256}>/g, '')
    .replace(/!?\[([^[\]]{0,512})\]\([^()]{0,512}\)/g, '$1')
    .replace(/!?\[([^[\]]{0,512})\]\[[^[\]]{0,256}\]/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/\*+|~~|`+/g, '')
    .replace(/(^|[\s(])_+|_+(?=[\s).,:;!?]|$)/g, '$1')
    .replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (m) => decodeEntityAt(m, 0)?.char ?? m)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Reads a status table cell (raw Markdown between the pipes, untrimmed). A cell that starts
 * with a known glyph, box, shortcode or entity takes its state whatever follows (`❌ **Missing**`);
 * a word counts only as the whole value or followed by a separator (`Fail: 1 of 4`); an unfilled
 * option list (`pass / fail / follow-up`) and anything else is unknown.
 */
export function readStatusCell(raw: string): StatusCell {
  const found = leadingToken(raw, CELL, OPENER);
  if (found && (found.family !== 'word' || wordStandsAlone(raw, found.end)) && !isOptionList(raw, found.end)) {
    return { kind: 'known', token: found };
  }
  const value = plainStatusText(raw);
  if (value === '') return { kind: 'empty' };
  const placeholder = placeholderIn(raw);
  if (placeholder) return { kind: 'empty', placeholder };
  return { kind: 'unknown', value };
}

/**
 * A status glyph at the very start of an item's text (after optional whitespace or emphasis),
 * e.g. `✅ Backups`, `☐ Load test`, `:white_check_mark: Done`, `&#9744; Restore drill`.
 * Null when the text does not start with a known glyph: words, boxes and severity circles
 * (`🔴`) do not make a glyph bullet.
 */
export function readLeadingGlyph(raw: string): StatusToken | null {
  return leadingToken(raw, BULLET, LEAD_OPENER);
}

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
];

const LANGUAGE_WORD_SETS: Readonly<Record<'ja' | 'zh' | 'ru', StateTable<string>>> = {
  ja: { done: '完了', open: '未着手', 'in-progress': '対応中', 'n/a': '対象外' },
  zh: { done: '已完成', open: '未开始', 'in-progress': '进行中', 'n/a': '不适用' },
  ru: { done: 'Готово', open: 'Не начато', 'in-progress': 'В работе', 'n/a': 'Не применимо' },
};

// Status words written in kanji only, which a Chinese document would not use.
const JAPANESE_KANJI_WORDS = new Set(['完了', '済', '対応済', '未着手', '未対応', '未完了', '未実装', '未設定', '対応中', '進行中', '作業中', '実施中', '一部', '一部完了', '対象外', '不要']);

const BOX_SET: StateTable<string> = { done: '[x]', open: '[ ]', 'in-progress': '[~]', 'n/a': '[-]' };

const TEXT_DEFAULT_EMOJI = /^(?!\p{Emoji_Presentation})\p{Emoji}$/u;

const withoutSelectors = (text: string): string => text.replace(/[\uFE0E\uFE0F]/g, '');

/** The set whose spellings the document's tokens match most often; the first set on a tie or no match. */
function pickSet(sets: readonly StateTable<string>[], used: ReadonlyMap<KnownState, string>, normalize: (t: string) => string): StateTable<string> | null {
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

function readsAs(text: string, state: KnownState, family: TokenFamily): boolean {
  const cell = readStatusCell(text);
  return cell.kind === 'known' && cell.token.state === state && cell.token.family === family && cell.token.text === text.trim();
}

function glyphFor(state: KnownState, used: ReadonlyMap<KnownState, string>, sets: readonly StateTable<string>[] = GLYPH_SETS): string {
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

function wordFor(state: KnownState, used: ReadonlyMap<KnownState, string>): string {
  const words = [...used.values()].map((w) => w.trim());
  const language = languageOf(words);
  if (language && !words.some((w) => /[A-Za-z]/.test(w))) return LANGUAGE_WORD_SETS[language][state];
  const set = pickSet(WORD_SETS, used, (t) => t.trim().toLowerCase().replace(/[\s_-]+/g, ' ')) ?? WORD_SETS[0];
  return applyCase(set[state], caseStyleOf(words));
}

function entityFor(state: KnownState, used: ReadonlyMap<KnownState, string>): string {
  const decoded = new Map<KnownState, string>();
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
export function tokenFor(state: KnownState, family: TokenFamily, used: ReadonlyMap<KnownState, string> = new Map()): string {
  const own = used.get(state);
  if (own !== undefined && readsAs(own, state, family)) return own.trim();
  const valid = new Map([...used].filter(([s, t]) => readsAs(t, s, family)));
  switch (family) {
    case 'glyph':
      return glyphFor(state, valid);
    case 'word':
      return wordFor(state, valid);
    case 'shortcode':
      return (pickSet(SHORTCODE_SETS, valid, (t) => t.trim().toLowerCase()) ?? SHORTCODE_SETS[0])[state];
    case 'box':
      return BOX_SET[state];
    case 'entity':
      return entityFor(state, valid);
  }
}

/** Header text reduced for comparison: NFKC, no emphasis marks, lower case, no trailing colon. */
function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[*_`]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/\s*:$/, '')
    .toLowerCase();
}

/** A header without decoration: emoji at either end, a trailing `(…)` note and a trailing `?`. */
function headerCore(text: string): string {
  let core = stripTrailingEmoji(stripLeadingEmoji(normalizeHeader(text)));
  const note = core.endsWith(')') ? core.lastIndexOf('(') : -1;
  if (note >= 0) core = core.slice(0, note);
  return core.trim().replace(/\?$/, '').trim();
}

const STATUS_GLYPH_HEADER = /^(?:[✓✔☑✅]\uFE0F?|\[x\])$/;
const STATUS_HEADER =
  /^(?:(?:current|overall|final|review|readiness|implementation|completion|launch|release|deployment|test|verification)\s+)?(?:status|state|result|results)$/;
const STATUS_HEADER_WORDS = new Set(['done', 'complete', 'completed', '状態', '状态', 'ステータス', '評価', '完了', 'статус', 'состояние', 'estado', 'statut']);

/**
 * True when a header cell's text names a status column: Status, State, Result, Done?, Complete,
 * `✓`, `☑`, `Check?` (but not `Check`, which names the item column), 状態, 状态, 評価.
 * 現状/现状 ("current situation") is not a status header: it holds free-text notes.
 */
export function isStatusHeader(text: string): boolean {
  const normalized = normalizeHeader(text);
  if (STATUS_GLYPH_HEADER.test(normalized)) return true;
  if (/^check\s*\?$/.test(normalized)) return true;
  const core = headerCore(text);
  return STATUS_HEADER.test(core) || STATUS_HEADER_WORDS.has(core);
}

const ITEM_HEADER =
  /^(?:(?:check|checklist|item|task|action|control)\s+)?(?:items?|checks?|tasks?|requirements?|names?|descriptions?|deliverables?|gates?|controls?|criterion|criteria|steps?|actions?)$/;
const ITEM_HEADER_WORDS = new Set(['項目', 'チェック項目', '確認項目', '項目名', 'タスク', '要件', '检查项', '检查项目', '事项', '任务', 'пункт', 'задача', 'требование']);

/** True when a header names the item-text column: Item, Check, Task, Requirement, Name, Description, Deliverable (plurals, `Check name`, `Item name`, 項目 too). */
export function isItemHeader(text: string): boolean {
  const normalized = normalizeHeader(text);
  if (normalized.endsWith('?')) return false;
  const core = headerCore(text);
  return ITEM_HEADER.test(core) || ITEM_HEADER_WORDS.has(core);
}

const PRIORITY_HEADER = /^(?:priority|priority level|severity|severity level|level|prio|criticality|importance|sev)$/;
const PRIORITY_HEADER_WORDS = new Set(['優先度', '優先順位', '重要度', '优先级', '重要性', 'приоритет', 'важность']);

/** True for Priority, Severity, Level, Prio, Criticality (not `Level C`, which is a requirement matrix column). */
export function isPriorityHeader(text: string): boolean {
  const core = headerCore(text);
  return PRIORITY_HEADER.test(core) || PRIORITY_HEADER_WORDS.has(core);
}

const CRITICAL_VALUE = /^(?:critical|crit|blocker|blocking|showstopper|show[\s-]stopper|must(?:[\s-]have)?|p0|sev[\s-]?0|s0|priority[\s-]?0|致命的?|緊急|紧急|最優先)(?![\p{L}\p{N}])/iu;

/**
 * True when a priority cell (raw Markdown) says critical: Critical, Blocker, Must (have), P0,
 * Sev0, or a red circle (🔴, `:red_circle:`). High, P1 and Sev1 are not critical.
 */
export function isCriticalPriority(raw: string): boolean {
  const plain = plainStatusText(raw);
  if (/🔴|:red_circle:/u.test(plain)) return true;
  return CRITICAL_VALUE.test(stripLeadingEmoji(plain));
}
