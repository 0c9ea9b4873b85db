/**
 * Reads status values written in raw Markdown: glyphs (`✅`, `☐`), words (`Done`,
 * `In progress`), gemoji shortcodes (`:white_check_mark:`), boxes (`[x]`) and HTML entities
 * (`&#9745;`), whatever emphasis, code or link markup wraps them. Table cells and the first
 * characters of a bullet are read here, from the raw text rather than the Markdown tree, so that
 * tokens carry offsets into the raw text and an edit can replace exactly the token and keep its
 * wrapping. Writing a token is `edit/writeStatus`; telling which table column holds the status
 * is `tableColumns`.
 */

import { SETTABLE_STATES, type SettableState, type TokenFamily } from '../model/types';
import { decodeEntityAt, shortcodeLength, skipEmojiModifiers } from '../text/emoji';
import { boxState } from './taskBox';
import { isWordTerm, termKey, vocabularyAt, type StatusVocabulary, type VocabularyEntry } from './vocabulary';

/** A status token located in raw text; start/end are offsets into the raw string given. */
export interface StatusToken {
  state: SettableState;
  start: number;
  end: number;
  text: string;
  family: TokenFamily;
  /** Set when the token is taught vocabulary (config `statuses:` or the document's legend). */
  taught?: VocabularyEntry['source'];
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
  /** An unfilled option list (`pass / fail / follow-up`): open, but not an unknown status. */
  | { kind: 'options'; value: string /* trimmed plain text */ }
  | { kind: 'unknown'; value: string /* trimmed plain text */ };

type StateTable<T> = Readonly<Record<SettableState, T>>;

interface GlyphInfo {
  state: SettableState;
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
  done: [
    ['white_check_mark', 'heavy_check_mark', 'ballot_box_with_check'],
    ['green_circle', '+1', 'thumbsup'],
  ],
  open: [['x', 'heavy_multiplication_x', 'white_large_square', 'black_square_button', 'white_square_button'], ['red_circle']],
  'in-progress': [
    ['hourglass', 'hourglass_flowing_sand', 'construction', 'arrows_counterclockwise', 'arrows_clockwise'],
    ['yellow_circle'],
  ],
  'n/a': [['heavy_minus_sign'], []],
};

// Words: spaces match any run of spaces, `_` or `-`; `'` is optional and may be typographic.
const WORD_TABLE: StateTable<readonly string[]> = {
  done: [
    'done',
    'complete',
    'completed',
    'passed',
    'pass',
    'passing',
    'yes',
    'ok',
    'okay',
    'ready',
    'verified',
    'implemented',
    'finished',
    'resolved',
    'fixed',
    'closed',
    'met',
    'compliant',
    '完了',
    '済',
    '済み',
    '対応済み',
    '対応済',
    '実装済み',
    '設定済み',
    '確認済み',
    '完成',
    '已完成',
    '通过',
    '已通过',
    '已实现',
    'готово',
    'выполнено',
    'сделано',
  ],
  open: [
    'todo',
    'to do',
    'open',
    'pending',
    'not started',
    'not done',
    'missing',
    'fail',
    'failed',
    'failing',
    'no',
    'not yet',
    'not ready',
    'incomplete',
    'not implemented',
    'blocked',
    'blocker',
    'not met',
    'non compliant',
    'noncompliant',
    '未着手',
    '未対応',
    '未完了',
    '未実装',
    '未設定',
    '未',
    '未完成',
    '未开始',
    '未实现',
    '待办',
    '待处理',
    '未通过',
    '不通过',
    'не начато',
    'не выполнено',
    'не готово',
  ],
  'in-progress': [
    'in progress',
    'inprogress',
    'wip',
    'work in progress',
    'partial',
    'partially',
    'partly',
    'partially done',
    'partially complete',
    'ongoing',
    'started',
    'doing',
    'in review',
    'under review',
    'underway',
    'under way',
    '対応中',
    '進行中',
    '作業中',
    '実施中',
    '一部',
    '一部完了',
    '进行中',
    '部分完成',
    '处理中',
    'в работе',
    'в процессе',
    'частично',
  ],
  'n/a': [
    'n/a',
    'na',
    'n.a.',
    'not applicable',
    'skipped',
    'skip',
    'not needed',
    'not required',
    'not relevant',
    'out of scope',
    "won't do",
    "won't fix",
    'wontfix',
    'dropped',
    'descoped',
    'de-scoped',
    'cancelled',
    'canceled',
    '対象外',
    '該当なし',
    '不要',
    '不适用',
    '无需',
    'не применимо',
    'н/д',
  ],
};

function buildGlyphMap(): ReadonlyMap<number, GlyphInfo> {
  const map = new Map<number, GlyphInfo>();
  for (const state of SETTABLE_STATES) {
    const [everywhere, cellOnly] = GLYPH_TABLE[state];
    for (const ch of everywhere) map.set(ch.codePointAt(0)!, { state, cellOnly: false });
    for (const ch of cellOnly) map.set(ch.codePointAt(0)!, { state, cellOnly: true });
  }
  return map;
}

function buildShortcodeMap(): ReadonlyMap<string, GlyphInfo> {
  const map = new Map<string, GlyphInfo>();
  for (const state of SETTABLE_STATES) {
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

function buildWordPattern(): { pattern: RegExp; states: SettableState[] } {
  const all = SETTABLE_STATES.flatMap((state) => WORD_TABLE[state].map((p) => ({ state, source: phrasePattern(p), length: p.length })));
  // Longest first so `not started` wins over `no`; the lookahead stops `no` matching `None`.
  all.sort((a, b) => b.length - a.length);
  const groups = all.map((w) => `(${w.source})`).join('|');
  return { pattern: new RegExp(`(?:${groups})(?![\\p{L}\\p{N}])`, 'iuy'), states: all.map((w) => w.state) };
}

const GLYPHS = buildGlyphMap();
const SHORTCODES = buildShortcodeMap();
const WORDS = buildWordPattern();

/** Markup that may open a status value: whitespace, emphasis, code, inline HTML, a link's text. */
const OPENER =
  /(?:[\s\u00a0]+|\*+|_+|~~|`+|<(?:b|strong|i|em|code|mark|span|kbd|u|s|del|ins|small|sup|sub|font|p|div)\b[^<>]{0,256}>|&nbsp;|\[)/iy;
/** Markup that may close a status value, and trailing punctuation. */
const CLOSER = /(?:[\s\u00a0]+(?=`|<\/)|\*+|_+|~~|`+|<\/[a-z]+\s*>|\]\([^()\n]{0,512}\)|\]\[[^[\]\n]{0,256}\]|\]|[.!。！])/iy;
/** What may follow a status word: the end of the cell, a separator before a comment (`:`, `(`, `,`, a dash), or a date (`Completed 2026-11-02`). */
const WORD_END =
  /[\s\u00a0]*(?:$|[:：(（,，;]|<br\s*\/?>|[-–—](?=[\s\u00a0]|$)|[—–])|[\s\u00a0]+(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?!\d)/iy;
/** Struck-out text (`~~Open~~`), bounded so hostile text stays linear. */
const STRUCK = /~~[^~\n]{1,200}?~~/g;
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
  vocabulary?: StatusVocabulary;
}

const CELL: Options = { words: true, boxes: true, cellOnly: true };
const BULLET: Options = { words: false, boxes: false, cellOnly: false };

function stickyLength(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0].length : 0;
}

function token(raw: string, start: number, end: number, state: SettableState, family: TokenFamily): StatusToken {
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
  const state = boxState(raw[at + 1]);
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

function taughtAt(raw: string, at: number, options: Options): StatusToken | null {
  if (!options.vocabulary) return null;
  const m = vocabularyAt(options.vocabulary, raw, at, options.words);
  if (!m) return null;
  return { ...token(raw, m.start, m.end, m.entry.state, m.word ? 'word' : 'glyph'), taught: m.entry.source };
}

function tokenAt(raw: string, at: number, options: Options): StatusToken | null {
  return (
    taughtAt(raw, at, options) ??
    boxAt(raw, at, options) ??
    shortcodeAt(raw, at, options) ??
    entityAt(raw, at, options) ??
    glyphAt(raw, at, options) ??
    wordAt(raw, at, options)
  );
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

function wordStandsAlone(raw: string, end: number, state?: SettableState): boolean {
  const after = skipClosers(raw, end);
  if (stickyLength(WORD_END, raw, after) > 0 || after === raw.length) return true;
  // `Complete ✔`: a glyph that says the same after the word, and nothing else.
  const glyph = state === undefined ? null : glyphAt(raw, skipOpeners(raw, after), CELL);
  return glyph !== null && glyph.state === state && wordStandsAlone(raw, glyph.end);
}

function isOptionList(raw: string, end: number, options: Options = CELL): boolean {
  const after = skipClosers(raw, end);
  const slash = stickyLength(OPTION_SLASH, raw, after);
  return slash > 0 && tokenAt(raw, skipOpeners(raw, after + slash), options) !== null;
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
 * option list (`pass / fail / follow-up`) is `options`; anything else is unknown. Taught
 * vocabulary (config `statuses:`, the document's legend) is read first.
 */
export function readStatusCell(written: string, vocabulary?: StatusVocabulary): StatusCell {
  // A struck-out value (`~~Open~~ Done`) is withdrawn: blanked, so offsets still point into the cell.
  const raw = written.includes('~~') ? written.replace(STRUCK, (m) => ' '.repeat(m.length)) : written;
  const options = vocabulary && vocabulary.entries.length > 0 ? { ...CELL, vocabulary } : CELL;
  const found = leadingToken(raw, options, OPENER);
  const alone = found !== null && (found.family !== 'word' || wordStandsAlone(raw, found.end, found.state));
  const list = found !== null && isOptionList(raw, found.end, options);
  if (alone && !list) return { kind: 'known', token: found };
  const value = plainStatusText(raw);
  if (value === '') return { kind: 'empty' };
  const whole = vocabulary?.byKey.get(termKey(value));
  if (whole) {
    const start = raw.length - raw.trimStart().length;
    const end = raw.trimEnd().length;
    return {
      kind: 'known',
      token: { ...token(raw, start, end, whole.state, isWordTerm(whole.term) ? 'word' : 'glyph'), taught: whole.source },
    };
  }
  if (list) return { kind: 'options', value };
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
export function readLeadingGlyph(raw: string, vocabulary?: StatusVocabulary): StatusToken | null {
  return leadingToken(raw, vocabulary && vocabulary.glyphs.length > 0 ? { ...BULLET, vocabulary } : BULLET, LEAD_OPENER);
}
