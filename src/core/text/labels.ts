/**
 * Heading and category labels: the display form (decoration removed), the matching key used by
 * config selectors, and the slug used in ids.
 */

import { SHORTCODES, emojiLength, emojiRanges } from './emoji';

/** Status glyphs that are not emoji but decorate headings the same way (`Deploy ✓`). */
const STATUS_MARKS = /[✓✗✘✕☐☒□▢◐◑]\uFE0F?/u;
const TRAILING_MARK = new RegExp(`${STATUS_MARKS.source}$`, 'u');
/** A section number kept in the display label but skipped when looking for leading emoji. */
const DISPLAY_NUMBER = /^(?:\d+(?:\.\d+)*[.)]?|[A-Za-z][.)]|[IVXLCDM]+[.)])[\s\u00a0]+/;
/** Separators left dangling once a status glyph after them is gone (`Security — ✅`). */
const SEPARATORS = '-–—|';

export function collapse(text: string): string {
  return isCollapsed(text) ? text : text.replace(/[\s\u00a0\u3000\u200b]+/g, ' ').trim();
}

/** Printable ASCII with single spaces between words: nothing to collapse (most labels, thousands per document). */
function isCollapsed(text: string): boolean {
  let previous = 0x20;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c === 0x20 && previous === 0x20)) return false;
    previous = c;
  }
  return previous !== 0x20;
}

/** `text` without emoji and status marks at its start. */
function dropLeadingDecoration(text: string): string {
  const mark = new RegExp(STATUS_MARKS.source, 'uy');
  let i = 0;
  for (;;) {
    while (text[i] === ' ') i++;
    mark.lastIndex = i;
    const n = emojiLength(text, i) || (mark.exec(text)?.[0].length ?? 0);
    if (n === 0) return text.slice(i);
    i += n;
  }
}

/** `text` without emoji, status marks, colons and dangling separators at its end (one backward pass). */
function dropTrailingDecoration(text: string): string {
  const emojiStarts = new Map(emojiRanges(text).map((r) => [r.end, r.start]));
  let end = text.length;
  let stripped = false;
  for (;;) {
    const before = text[end - 1];
    const dangling = stripped && SEPARATORS.includes(before) && text[end - 2] === ' ';
    if (before === ' ' || before === ':' || before === '：' || dangling) {
      end--;
      stripped ||= before !== ' ';
      continue;
    }
    const mark = TRAILING_MARK.exec(text.slice(Math.max(0, end - 2), end));
    const start = emojiStarts.get(end) ?? (mark ? end - mark[0].length : -1);
    if (start < 0) break;
    end = start;
    stripped = true;
  }
  return text.slice(0, end);
}

/**
 * Display label for a heading or bold label (plain text, markup already removed): decorative
 * emoji and gemoji shortcodes removed at the start (also right after a section number) and at
 * the end, trailing status glyphs and colons removed, whitespace collapsed. Symbols inside the
 * text (`CI/CD`, `C++`, `A01:2021 – Broken`), CJK, full-width brackets and leading section
 * numbers are kept. A label that is only decoration is returned collapsed rather than emptied.
 */
export function cleanLabel(text: string): string {
  // Printable ASCII without a colon holds no emoji, status mark or shortcode to remove (most
  // labels): skipping the scans matters for documents of thousands of items.
  if (PLAIN_ASCII.test(text)) return collapse(text);
  return cleanDecoratedLabel(text);
}

const PLAIN_ASCII = /^[\t\n\r\x20-\x39\x3b-\x7e]*$/;

/** `cleanLabel` without its shortcut for plain ASCII (exported for the test that proves the shortcut). */
export function cleanDecoratedLabel(text: string): string {
  const plain = collapse(text);
  let label = collapse(plain.replace(SHORTCODES, ' '));
  label = dropLeadingDecoration(label);
  const number = DISPLAY_NUMBER.exec(label);
  if (number) label = number[0] + dropLeadingDecoration(label.slice(number[0].length));
  label = collapse(dropTrailingDecoration(label));
  return label === '' ? plain : label;
}

// Section numbers: `3.`, `2.1`, `2.1.`, `1)`, `(1)`, `3 -`, `A)`, `A.`, `IV.`. `Step 3:` is not
// one: it is part of the name people use for the section (and in `Step 3*` selectors).
const SECTION_NUMBERS = [
  String.raw`\d+(?:\.\d+)+\.?(?=\s)`,
  String.raw`\d+[.)](?=\s)`,
  String.raw`\d+(?:\.\d+)*\s*[:\-–—](?=\s)`,
  String.raw`\((?:\d+|[a-z])\)(?=\s)`,
  String.raw`[A-Za-z][.)](?=\s)`,
  String.raw`(?=[IVXLCDM]+[.)]\s)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})[.)]`,
];
const SECTION_NUMBER = new RegExp(`^(?:${SECTION_NUMBERS.join('|')})\\s+`);
/** Heading marks, for callers that pass a heading line (`## Security`) rather than its text. */
const ATX_MARKS = /^#{1,6}\s+/;

/**
 * Matching key: `cleanLabel`, NFKC-normalised, without leading `#` marks or section number, lower-cased
 * (locale-independent), spaces collapsed. `### 3. Security ✅` and `security` share a key.
 */
export function labelKey(text: string): string {
  const cleaned = cleanLabel(text);
  // NFKC leaves ASCII as it is; asking ICU costs more than the rest of the key on plain text.
  const label = isAscii(cleaned) ? cleaned : cleaned.normalize('NFKC');
  const rest = label.replace(ATX_MARKS, '').replace(SECTION_NUMBER, '');
  return collapse(rest === '' ? label : rest).toLowerCase();
}

/** Whole-string glob match where `*` matches any run of characters (linear, no regex backtracking). */
function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * Glob-ish compare used by config selectors: case-insensitive on the `labelKey` of both sides,
 * `*` matches any run of characters, otherwise whole-string equality.
 */
export function labelMatches(pattern: string, label: string): boolean {
  return globMatch(labelKey(pattern), labelKey(label));
}

const MAX_SLUG = 60;

/**
 * Stable slug for ids from `labelKey`: ASCII letters and digits lower-cased, other Unicode
 * letters and digits kept (CJK, Cyrillic), apostrophes dropped, every other run of characters
 * one hyphen, no hyphen at either end; at most 60 characters, cut at a hyphen when one exists.
 */
export function slugify(text: string): string {
  const key = labelKey(text);
  return shortSlug(isAscii(key) ? asciiSlug(key) : unicodeSlug(key));
}

/** Whether every character is ASCII. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The slug of any key: Unicode letters, marks and digits kept, apostrophes dropped, other runs one hyphen. */
export function unicodeSlug(key: string): string {
  return key
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{M}\p{Nd}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `unicodeSlug` of an ASCII key, without the Unicode-aware regular expressions (ids for thousands of items). */
export function asciiSlug(key: string): string {
  // Words are cut out whole and joined once: adding characters one by one would leave a rope of
  // one-character pieces in every id the model keeps.
  const words: string[] = [];
  let word = '';
  let start = -1;
  for (let i = 0; i <= key.length; i++) {
    const c = i < key.length ? key.charCodeAt(i) : 0x20;
    const kept = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (kept) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) word += key.slice(start, i);
    start = -1;
    // An apostrophe joins the letters around it (`don't` → `dont`).
    if (c === 0x27) continue;
    if (word !== '') words.push(word);
    word = '';
  }
  return words.join('-');
}

/** A slug cut to at most `MAX_SLUG` characters, at a hyphen when one exists. */
function shortSlug(slug: string): string {
  // Code points never outnumber UTF-16 units: a short string needs no counting.
  if (slug.length <= MAX_SLUG) return slug;
  const chars = [...slug];
  if (chars.length <= MAX_SLUG) return slug;
  const cut = chars.slice(0, MAX_SLUG + 1).join('');
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : chars.slice(0, MAX_SLUG).join('')).replace(/-+$/, '');
}
