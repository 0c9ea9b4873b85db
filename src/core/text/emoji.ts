/**
 * Emoji, gemoji shortcode and HTML entity helpers shared by status reading and label cleaning.
 * Offsets are UTF-16 code-unit offsets, like everywhere else in the core.
 */

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const PRESENTATION = /\p{Emoji_Presentation}/u;
const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;
const VS15 = 0xfe0e;
const VS16 = 0xfe0f;
const ZWJ = 0x200d;
const KEYCAP = 0x20e3;

/**
 * A gemoji shortcode such as `:white_check_mark:` or `:+1:`. Not preceded or followed by a
 * letter, digit or colon (emphasis underscores are fine), so times (`10:30:00`) and ids (`A01:2021`) are not shortcodes.
 */
export const SHORTCODE_SOURCE = String.raw`(?<![\p{L}\p{N}:]):(?:[a-z][a-z0-9_+-]*|\+1|-1):(?![\p{L}\p{N}:])`;

/** Matches every gemoji shortcode in a text (global; reset `lastIndex` or use `replace`). */
export const SHORTCODES = new RegExp(SHORTCODE_SOURCE, 'gu');

const SHORTCODE_AT = new RegExp(SHORTCODE_SOURCE, 'uy');

/** The length of the gemoji shortcode starting exactly at `at`, or 0. */
export function shortcodeLength(text: string, at: number): number {
  SHORTCODE_AT.lastIndex = at;
  const m = SHORTCODE_AT.exec(text);
  return m ? m[0].length : 0;
}

/** `0`–`9`, `#` and `*`, which are emoji only with a keycap mark. */
function isKeycapBase(codePoint: number): boolean {
  return (codePoint >= 0x30 && codePoint <= 0x39) || codePoint === 0x23 || codePoint === 0x2a;
}

function charSize(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

/** True for code points that render as emoji even without U+FE0F, or that are pictographs outside the old symbol blocks. */
function isEmojiBase(codePoint: number, next: number | undefined): boolean {
  const ch = String.fromCodePoint(codePoint);
  if (PRESENTATION.test(ch)) return true;
  if (!PICTOGRAPHIC.test(ch)) return false;
  // ©, ®, ™, ‼ and arrows are pictographic too, but in prose they are text unless U+FE0F asks for an emoji.
  return codePoint >= 0x2300 || next === VS16;
}

function isModifier(codePoint: number): boolean {
  return (
    codePoint === VS15 ||
    codePoint === VS16 ||
    codePoint === KEYCAP ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  );
}

/** Skips variation selectors, skin tones, keycap marks and tag characters from `at`. */
export function skipEmojiModifiers(text: string, at: number): number {
  let i = at;
  for (let cp = text.codePointAt(i); cp !== undefined && isModifier(cp); cp = text.codePointAt(i)) i += charSize(cp);
  return i;
}

/**
 * The length of the emoji cluster starting at `at` (ZWJ sequences, skin tones, flags and
 * keycaps included), or 0 when no emoji starts there. Plain digits, `#` and `*` are not emoji.
 */
export function emojiLength(text: string, at: number): number {
  const cp = text.codePointAt(at);
  if (cp === undefined) return 0;
  if (isKeycapBase(cp)) {
    const j = text.charCodeAt(at + 1) === VS16 ? at + 2 : at + 1;
    return text.charCodeAt(j) === KEYCAP ? j + 1 - at : 0;
  }
  // Nothing below © is pictographic (keycaps are handled above).
  if (cp < 0xa9) return 0;
  let i = at + charSize(cp);
  if (!isEmojiBase(cp, text.codePointAt(i))) return 0;
  if (REGIONAL_INDICATOR.test(String.fromCodePoint(cp))) {
    const pair = text.codePointAt(i);
    if (pair !== undefined && REGIONAL_INDICATOR.test(String.fromCodePoint(pair))) i += charSize(pair);
    return i - at;
  }
  i = skipEmojiModifiers(text, i);
  while (text.charCodeAt(i) === ZWJ) {
    const joined = text.codePointAt(i + 1);
    if (joined === undefined || !PICTOGRAPHIC.test(String.fromCodePoint(joined))) break;
    i = skipEmojiModifiers(text, i + 1 + charSize(joined));
  }
  return i - at;
}

/** Half-open ranges of every emoji cluster in `text`, in order. */
export function emojiRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const n = emojiLength(text, i);
    if (n > 0) {
      ranges.push({ start: i, end: i + n });
      i += n;
    } else {
      i += charSize(text.codePointAt(i) ?? 0);
    }
  }
  return ranges;
}

/** True when the text has at least one emoji cluster. */
export function hasEmoji(text: string): boolean {
  return emojiRanges(text).length > 0;
}

/** `text` without emoji clusters (and U+FE0F left behind) at its start, trimmed at the start. */
export function stripLeadingEmoji(text: string): string {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    const n = emojiLength(text, i);
    if (n === 0) break;
    i += n;
  }
  return text.slice(i);
}

/** `text` without emoji clusters at its end, trimmed at the end. */
export function stripTrailingEmoji(text: string): string {
  const ranges = emojiRanges(text);
  let end = text.trimEnd().length;
  for (let r = ranges.length - 1; r >= 0 && ranges[r].end === end; r--) {
    end = text.slice(0, ranges[r].start).trimEnd().length;
  }
  return text.slice(0, end);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  check: '\u2713',
  checkmark: '\u2713',
  cross: '\u2717',
  mdash: '\u2014',
  ndash: '\u2013',
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The names `decodeEntityAt` knows, by the character they stand for (first name wins). */
export const ENTITY_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries(NAMED_ENTITIES)
    .reverse()
    .map(([name, ch]) => [ch, name] as const),
);

/** An HTML character reference read from a text. */
export interface DecodedEntity {
  /** The character it stands for. */
  char: string;
  /** Its length in the source text. */
  length: number;
  /** How it is written: `&#9745;`, `&#x2611;` or `&check;`. */
  notation: 'decimal' | 'hex' | 'named';
  /** For hex references, whether the digits are upper case. */
  upper: boolean;
}

/** The HTML character reference starting exactly at `at`, or null (unknown names and invalid code points too). */
export function decodeEntityAt(text: string, at: number): DecodedEntity | null {
  if (text[at] !== '&') return null;
  const m = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;
  m.lastIndex = at;
  const hit = m.exec(text);
  if (!hit) return null;
  if (hit[3] !== undefined) {
    const char = NAMED_ENTITIES[hit[3]];
    return char === undefined ? null : { char, length: hit[0].length, notation: 'named', upper: false };
  }
  const code = hit[1] !== undefined ? parseInt(hit[1], 10) : parseInt(hit[2], 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  const upper = hit[2] !== undefined && hit[2] !== hit[2].toLowerCase();
  return { char: String.fromCodePoint(code), length: hit[0].length, notation: hit[1] !== undefined ? 'decimal' : 'hex', upper };
}

/** Writes a character as an HTML character reference in the given notation (named only when a name is known). */
export function encodeEntity(char: string, notation: DecodedEntity['notation'], upper = false): string {
  const named = ENTITY_NAMES.get(char);
  if (notation === 'named' && named !== undefined) return `&${named};`;
  return [...char]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (notation === 'hex') {
        const hex = code.toString(16);
        return `&#x${upper ? hex.toUpperCase() : hex};`;
      }
      return `&#${code};`;
    })
    .join('');
}
