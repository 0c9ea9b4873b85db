/**
 * Detection and repair of mojibake: UTF-8 text whose bytes were once decoded with a single-byte
 * code page (Windows-1252, Windows-1254 or Mac Roman) and saved again, e.g. `âœ…` for ✅,
 * `ðŸ“‹` for 📋, `â€™` for ’, `Ã©` for é, `‚Äì` for – (Mac Roman).
 *
 * Pure: no editor API and no Node built-ins; `iconv-lite` is used once, lazily, to build the
 * reverse tables (character → byte) of the three code pages.
 *
 * How it works
 * - Every character a code page produces from a byte 0x80–0xFF maps back to that byte. A byte the
 *   code page leaves undefined was either lost or passed through as the C1 control of the same value,
 *   so C1 controls map back to their own value. For windows-1252 *every* C1 control does (ISO-8859-1
 *   readers, e.g. Python's `latin-1`, produce `â\u0080\u0099` for ’). For Mac Roman the WHATWG/Apple
 *   additions € (0xDB) and the Apple logo U+F8FF (0xF0) are mapped too. U+FFFD stands for a byte
 *   that was lost and replaced; it can only complete a sequence as a *broken* one (dropped).
 * - A candidate is a lead-byte character (0xC2–0xF4) directly followed by a continuation-byte
 *   character (0x80–0xBF) of the same code page: nothing shorter can be mojibake. A regex over the
 *   union of lead characters skips clean ASCII and CJK text natively, so scanning is linear and cheap;
 *   the same search is the whole `mayContainMojibake` pre-check.
 * - From a candidate, the *region* extends over characters that at least one code page can encode
 *   (so it never includes ASCII). For each code page the region is decoded as UTF-8 strictly, left to
 *   right (UTF-8 is self-synchronising, so starting at the first candidate decodes exactly like
 *   starting at the region start). Complete sequences become their character; cut-short ones are
 *   dropped (the lost byte is not guessed); every other character stays as it is. That is how partly
 *   damaged text (`naïveâœ…`, `caféâœ…`) repairs to `naïve✅`: the `ï`/`é` are simply kept. Runs
 *   are the repaired sequences, adjacent ones merged, not whole regions.
 * - Code pages are compared per region by how many characters they explain (ties: windows-1252,
 *   then windows-1254, then macintosh). Comparing instead of taking the first code page that "fits"
 *   matters: `‚Äì` also decodes under windows-1252 (as `‚Ė`, explaining 2 of 3 characters), but Mac
 *   Roman explains all 3 as –.
 *
 * Guarding legitimate text (the guidance "one complete sequence is enough" is refined here)
 * - Some byte-valid sequences are ordinary text: `ß“` `groß…` (German), `CAFÉ…`, `“SÍ”`, `été »`
 *   with a no-break space, `perché…”`, `’é` `—é` in Mac Roman. They are *weak*: accepted only next to
 *   a complete sequence or a strong token (real Hebrew, Arabic or CJK mojibake is several sequences in
 *   a row). Weak are:
 *   - 2-byte sequences outside Latin-1 (U+00A0–U+017F), Romanian ș ț, Greek and Cyrillic (Cyrillic not
 *     for windows-1254, whose lead there is the Turkish capital Ğ). Mac Roman: everything except the
 *     leads `¬`/`√` (Latin-1) and `–` + a symbol (Cyrillic а–п, Р–Я), since `–`, `—`, `’`, `”` and
 *     NBSP are lead bytes there and accented lowercase letters are continuation bytes.
 *   - 3/4-byte sequences right after an ASCII letter whose continuation characters are all
 *     typographic punctuation (`é\u00A0»` is also 頻). Emoji and symbols are otherwise always strong.
 *   - Cut-short sequences, except the very common `E2 80` (’ ” with 0x9D lost, ZWJ), `F0 9F` (emoji,
 *     also when 3 bytes long), `EF B8` (variation selector 16, 0x8F lost) and the status symbols
 *     `E2 98` (☐ with 0x90 lost), `E2 9C`, `E2 9D`. Only code pages that
 *     leave bytes undefined can lose them: under Mac Roman cut-short sequences are never mojibake
 *     (`‚Ärger‘` is German, not `E2 80` + a lost byte).
 * - Sequences that decode to C1 controls, unassigned or private-use code points are not sequences
 *   (except unassigned code points in the emoji blocks, for emoji newer than the runtime).
 *
 * A single pass: double-encoded text (`Ã¢â‚¬â„¢`) becomes single-encoded (`â€™`). A lead byte whose
 * only continuation was lost stands alone and is kept (с is D1 81; with 0x81 lost only `Ñ` is left).
 */
import iconv from 'iconv-lite';

/** The code pages whose mojibake is recognised, in order of preference. */
export type MojibakeCodePage = 'windows-1252' | 'windows-1254' | 'macintosh';

/** A run of mojibake and its repair. Offsets are UTF-16 offsets into the scanned text. */
export interface MojibakeRun {
  /** Offset of the first character of the run. */
  start: number;
  /** Offset just after the last character of the run. */
  end: number;
  /** The damaged text, `text.slice(start, end)`. */
  original: string;
  /**
   * The repaired text. For a run that lost a byte and could have been several characters
   * (`candidates`), the original text as written: nothing certain can stand in its place, and a
   * label that keeps `ğŸ”` shows the reader something is there, where a guess would show the
   * wrong emoji and an empty string would silently drop it.
   */
  repaired: string;
  /** The code page the UTF-8 bytes were wrongly decoded with. */
  codePage: MojibakeCodePage;
  /**
   * Set only when a byte was lost (undefined in the code page, dropped or replaced by U+FFFD) and
   * more than one character fits: every candidate, in code point order. Such a run is one
   * sequence, never merged with its neighbours, so that the certain repairs around it stay certain.
   */
  candidates?: string[];
}

const CODE_PAGES: readonly MojibakeCodePage[] = ['windows-1252', 'windows-1254', 'macintosh'];

/** Per code page: whether it leaves bytes undefined, so that a decoder could have lost them (cut-short sequences). */
const LOSES_BYTES: readonly boolean[] = [true, true, false];

/** Index of macintosh in CODE_PAGES. */
const MAC = 2;

/** Table value for U+FFFD: a byte that was lost and replaced; it can only make a broken sequence. */
const WILDCARD = 1;

interface Tables {
  /** Per code page (index in CODE_PAGES): the continuation bytes 0x80–0xBF it leaves undefined (the bytes it can lose). */
  undefinedBytes: number[][];
  /** Per code page (index in CODE_PAGES): UTF-16 code unit → byte 0x80–0xFF, WILDCARD for U+FFFD, 0 when not encodable. */
  bytes: Uint8Array[];
  /** UTF-16 code unit → bit k set when code page k maps it to a lead byte 0xC2–0xF4. */
  lead: Uint8Array;
  /** UTF-16 code unit → bit k set when code page k maps it to a continuation byte 0x80–0xBF (or it is U+FFFD). */
  cont: Uint8Array;
  /** UTF-16 code unit → non-zero when some code page can encode it (delimits regions). */
  member: Uint8Array;
  /** Global regex matching any character that is a lead byte in some code page. */
  leadScan: RegExp;
}

let tables: Tables | undefined;

function hex4(code: number): string {
  return '\\u' + code.toString(16).padStart(4, '0');
}

function buildTables(): Tables {
  const lead = new Uint8Array(0x10000);
  const cont = new Uint8Array(0x10000);
  const member = new Uint8Array(0x10000);
  const bytes: Uint8Array[] = [];
  const undefinedBytes: number[][] = [];
  const high = new Uint8Array(128);
  for (let i = 0; i < 128; i++) high[i] = 0x80 + i;
  CODE_PAGES.forEach((cp, k) => {
    const table = new Uint8Array(0x10000);
    const decoded = iconv.decode(high, cp);
    const defined = new Set<number>();
    // iconv-lite decodes each of these single-byte code pages to exactly one BMP char per byte.
    for (let i = 0; i < 128 && i < decoded.length; i++) {
      const code = decoded.charCodeAt(i);
      if (code === 0xfffd) continue;
      table[code] = 0x80 + i;
      defined.add(0x80 + i);
    }
    for (let b = 0x80; b <= 0x9f; b++) {
      // Undefined bytes often pass through as the C1 control of the same value; windows-1252 is
      // also what ISO-8859-1 readers produce, with C1 controls for every byte 0x80–0x9F.
      if ((!defined.has(b) || cp === 'windows-1252') && table[b] === 0) table[b] = b;
    }
    if (cp === 'macintosh') {
      // WHATWG/Apple Mac Roman: 0xDB is the euro sign (formerly ¤), 0xF0 the Apple logo.
      if (table[0x20ac] === 0) table[0x20ac] = 0xdb;
      if (table[0xf8ff] === 0) table[0xf8ff] = 0xf0;
    }
    undefinedBytes.push(LOSES_BYTES[k] ? [...Array(0x40).keys()].map((i) => 0x80 + i).filter((b) => !defined.has(b)) : []);
    table[0xfffd] = WILDCARD;
    for (let code = 0x80; code < 0x10000; code++) {
      const b = table[code];
      if (b === 0) continue;
      member[code] = 1;
      if (b >= 0xc2 && b <= 0xf4) lead[code] |= 1 << k;
      else if (b <= 0xbf) cont[code] |= 1 << k;
    }
    bytes.push(table);
  });
  let ranges = '';
  for (let code = 0x80; code < 0x10000; code++) {
    if (lead[code] === 0) continue;
    let last = code;
    while (last + 1 < 0x10000 && lead[last + 1] !== 0) last++;
    ranges += last === code ? hex4(code) : `${hex4(code)}-${hex4(last)}`;
    code = last;
  }
  return { undefinedBytes, bytes, lead, cont, member, leadScan: new RegExp(`[${ranges}]`, 'g') };
}

function getTables(): Tables {
  tables ??= buildTables();
  return tables;
}

/**
 * The first index ≥ from where a lead-byte character of some code page is directly followed by a
 * continuation-byte character of the same code page, or -1. Nothing shorter can be mojibake. A regex
 * over the union of lead characters skips clean ASCII and CJK text natively (`test` on a global
 * regex allocates no match); each hit is then checked with two typed-array lookups.
 */
function nextCandidate(text: string, from: number, t: Tables): number {
  const { lead, cont, leadScan } = t;
  const last = text.length - 1;
  leadScan.lastIndex = from;
  while (leadScan.test(text)) {
    const i = leadScan.lastIndex - 1;
    if (i >= last) return -1;
    if ((lead[text.charCodeAt(i)] & cont[text.charCodeAt(i + 1)]) !== 0) return i;
  }
  return -1;
}

/** Whether decoded code points are real characters, cached (Unicode property regexes are slow per call). */
const UNUSABLE = /^[\p{Cn}\p{Co}\p{Cs}\p{Cc}]$/u;
const UNKNOWN = 0;
const USABLE = 1;
const NOT_USABLE = 2;
let bmpUsable: Uint8Array | undefined;
const astralUsable = new Map<number, boolean>();

/** False for C0/C1 controls, surrogates, private use and unassigned code points (except in the emoji blocks, for emoji newer than the runtime). */
function isUsable(value: number): boolean {
  if (value < 0x10000) {
    bmpUsable ??= new Uint8Array(0x10000);
    if (bmpUsable[value] === UNKNOWN) bmpUsable[value] = UNUSABLE.test(String.fromCharCode(value)) ? NOT_USABLE : USABLE;
    return bmpUsable[value] === USABLE;
  }
  let usable = astralUsable.get(value);
  if (usable === undefined) {
    usable = (value >= 0x1f000 && value <= 0x1faff) || !UNUSABLE.test(String.fromCodePoint(value));
    astralUsable.set(value, usable);
  }
  return usable;
}

/** Characters after a word-final accented letter that make a 3/4-byte reading doubtful (`été »`, `perché…”`). */
const TYPOGRAPHIC = new Set([...'\u00A0«»…‘’“”–—•'].map((c) => c.charCodeAt(0)));

/** Whether a 2-byte sequence's character is plausible mojibake on its own (see the module comment). */
function strongTwoByte(cpIndex: number, lead: number, value: number): boolean {
  if (cpIndex === MAC) {
    // `√©` (é), `¬†` (NBSP); and `–` + a symbol (`–≤` is в): Cyrillic а–п and Р–Я. Not `—`/`–` + an
    // accented letter, which is ordinary French or Spanish (`—école`).
    return ((lead === 0xc2 || lead === 0xc3) && value >= 0xa0) || (lead === 0xd0 && value >= 0x420 && value <= 0x43f);
  }
  const latin = (value >= 0xa0 && value <= 0x17f) || (value >= 0x218 && value <= 0x21b);
  const greek = value >= 0x370 && value <= 0x3ff;
  // Cyrillic is left out for windows-1254, where its lead would be the Turkish capital Ğ.
  const cyrillic = value >= 0x400 && value <= 0x4ff && cpIndex === 0;
  return latin || greek || cyrillic;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * The candidates decoded from a region for one code page, as parallel typed arrays reused across
 * regions and calls (a dense mojibake file yields millions of them; objects would mostly be GC work).
 */
class Tokens {
  count = 0;
  /** Offset of the token's first character. */
  start = new Int32Array(64);
  /** Offset just after the token's last character. */
  end = new Int32Array(64);
  /** The code point of a complete sequence; -1 for a broken one (repaired to ''). */
  value = new Int32Array(64);
  /** Weak tokens need a neighbouring complete sequence or strong token to be accepted. */
  weak = new Uint8Array(64);
  /** Set by `accept`. */
  accepted = new Uint8Array(64);
  /** For a broken token: the code points it could have been (`lostCandidates`), by token index. */
  candidates: (readonly number[] | undefined)[] = [];

  /** Empties the buffer and makes room for `capacity` tokens. */
  reset(capacity: number): void {
    this.count = 0;
    this.candidates.length = 0;
    if (capacity <= this.start.length) return;
    let size = this.start.length;
    while (size < capacity) size *= 2;
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.value = new Int32Array(size);
    this.weak = new Uint8Array(size);
    this.accepted = new Uint8Array(size);
  }

  push(start: number, end: number, value: number, weak: boolean, candidates?: readonly number[]): void {
    const k = this.count++;
    this.start[k] = start;
    this.end[k] = end;
    this.value[k] = value;
    this.weak[k] = weak ? 1 : 0;
    if (candidates) this.candidates[k] = candidates;
  }

  /** Whether token k is evidence for a weak neighbour: a complete sequence or a strong token. */
  private evidence(k: number): boolean {
    return this.value[k] >= 0 || this.weak[k] === 0;
  }

  /**
   * Marks the accepted tokens and returns how many characters they cover: strong ones, and weak ones
   * that touch a complete sequence or a strong token (real Hebrew/Arabic/CJK mojibake is several
   * sequences in a row; a lone `ß“` or `é »` is ordinary text). Adjacency, not mere presence in the
   * region, so that a long run of symbols (a code-page table, box drawing) does not corroborate itself.
   */
  accept(): number {
    let score = 0;
    const n = this.count;
    for (let k = 0; k < n; k++) {
      const ok =
        this.weak[k] === 0 ||
        (k > 0 && this.end[k - 1] === this.start[k] && this.evidence(k - 1)) ||
        (k + 1 < n && this.start[k + 1] === this.end[k] && this.evidence(k + 1));
      this.accepted[k] = ok ? 1 : 0;
      if (ok) score += this.end[k] - this.start[k];
    }
    return score;
  }
}

const buffers = CODE_PAGES.map(() => new Tokens());

/** The bytes of the sequence being decoded (lead, continuations, -1 for U+FFFD), reused. */
const knownBytes: number[] = [];

/**
 * Two-byte starts of cut-short sequences common enough to stand alone: `E2 80` (’ ” with 0x9D
 * lost, ZWJ), `F0 9F` (emoji), `EF B8` (VS16 with 0x8F lost), and the status symbols `E2 98`
 * (☐ with 0x90 lost), `E2 9C` and `E2 9D`, whose mis-decoded forms (`â˜`, `âœ`) no language writes.
 */
const COMMON_CUT_SHORT = new Set([0xe280, 0xf09f, 0xefb8, 0xe298, 0xe29c, 0xe29d]);

/** Emoji and their components (VS16, skin tones, ZWJ): what a 4-byte or `EF B8` sequence that lost a byte can have been. */
const EMOJI = /^[\p{Emoji}\p{Emoji_Component}]$/u;

/**
 * The code points a broken sequence can have been: `known` (lead, continuation bytes, -1 where
 * U+FFFD replaced a byte) completed to `length` bytes by the code page's undefined bytes, inserted
 * at any position after the lead (a dropped byte leaves no trace of where it was: `ğŸ”` is 🔍
 * F0 9F 94 8D but also 🍔 F0 9F 8D 94) and standing for each U+FFFD. Only real characters count
 * (`isUsable`), and in emoji space (4-byte sequences, the variation selectors `EF B8`) only emoji
 * and emoji components: that keeps the rule strict, and makes `ï¸` certain (VS16 is the only one).
 * Sorted, without repeats.
 */
function lostCandidates(known: readonly number[], length: number, undefinedBytes: readonly number[]): number[] {
  const lead = known[0];
  const emojiSpace = lead >= 0xf0 || (lead === 0xef && known[1] === 0xb8);
  const found = new Set<number>();
  const expand = (pattern: readonly number[], i: number, value: number): void => {
    if (i === pattern.length) {
      if (isUsable(value) && (!emojiSpace || EMOJI.test(String.fromCodePoint(value)))) found.add(value);
      return;
    }
    const lo = i === 1 ? (lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80) : 0x80;
    const hi = i === 1 ? (lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf) : 0xbf;
    for (const byte of pattern[i] >= 0 ? [pattern[i]] : undefinedBytes) {
      if (byte >= lo && byte <= hi) expand(pattern, i + 1, (value << 6) | (byte & 0x3f));
    }
  };
  const insert = (pattern: readonly number[], dropped: number, from: number): void => {
    if (dropped === 0) {
      expand(pattern, 1, lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07));
      return;
    }
    for (let p = from; p <= pattern.length; p++) insert([...pattern.slice(0, p), -1, ...pattern.slice(p)], dropped - 1, p + 1);
  };
  insert(known, length - known.length, 1);
  return [...found].sort((x, y) => x - y);
}

/** Decodes `text[a, b)` as UTF-8 bytes of the code page into `out`: only the mojibake candidates. */
function decodeRegion(
  text: string,
  a: number,
  b: number,
  cpIndex: number,
  table: Uint8Array,
  out: Tokens,
  undefinedBytes: readonly number[],
): void {
  out.reset(b - a);
  const known = knownBytes;
  let i = a;
  while (i < b) {
    const lead = table[text.charCodeAt(i)];
    if (lead < 0xc2 || lead > 0xf4) {
      i++;
      continue;
    }
    const need = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
    // Allowed range of the first continuation byte (no overlongs, no surrogates, nothing above U+10FFFF).
    const lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let value = lead & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    let got = 0;
    let lost = 0;
    let typographic = true;
    let j = i + 1;
    known.length = 0;
    known.push(lead);
    while (got < need && j < b) {
      const ch = text.charCodeAt(j);
      const c = table[ch];
      if (c === WILDCARD) {
        lost++;
        known.push(-1);
      } else if (c >= (got === 0 ? lo : 0x80) && c <= (got === 0 ? hi : 0xbf)) {
        value = (value << 6) | (c & 0x3f);
        known.push(c);
      } else break;
      if (!TYPOGRAPHIC.has(ch)) typographic = false;
      got++;
      j++;
    }
    const before = out.count;
    if (got === need && lost === 0) {
      if (isUsable(value)) {
        const weak = need === 1 ? !strongTwoByte(cpIndex, lead, value) : typographic && i > 0 && isAsciiLetter(text.charCodeAt(i - 1));
        out.push(i, j, value, weak);
      }
    } else if (got > 0 && got - lost >= 1 && (lost > 0 || LOSES_BYTES[cpIndex])) {
      // Broken: cut short (a byte was lost), or a lost byte replaced by U+FFFD. Never guessed: the
      // token carries every character that fits, and is no mojibake when none does.
      // (Mac Roman defines every byte, so nothing was lost: `‚Ärger‘` is German, not a broken `E2 80`.)
      const candidates = lostCandidates(known, need + 1, undefinedBytes);
      if (candidates.length > 0) {
        if (lost > 0) {
          out.push(i, j, -1, false, candidates);
        } else {
          const prefix = (lead << 8) | table[text.charCodeAt(i + 1)];
          const common = got === 1 ? COMMON_CUT_SHORT.has(prefix) : prefix === 0xf09f;
          out.push(i, j, -1, !common, candidates);
        }
      }
    }
    // Not a sequence: the lead keeps its character; continuation bytes after it can start nothing.
    i = out.count > before ? j : i + 1;
  }
}

/** Finds mojibake runs, left to right, non-overlapping. */
export function findMojibake(text: string): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  const t = getTables();
  const n = text.length;
  let a = nextCandidate(text, 0, t);
  while (a >= 0) {
    let b = a + 2;
    while (b < n && t.member[text.charCodeAt(b)] !== 0) b++;
    let best: Tokens | undefined;
    let bestScore = 0;
    let bestCp = 0;
    for (let k = 0; k < CODE_PAGES.length && bestScore < b - a; k++) {
      // Skipped once a code page explains every character: later ones can at best tie, and lose ties.
      const tokens = buffers[k];
      decodeRegion(text, a, b, k, t.bytes[k], tokens, t.undefinedBytes[k]);
      const score = tokens.accept();
      if (score > bestScore) {
        best = tokens;
        bestScore = score;
        bestCp = k;
      }
    }
    if (best) {
      let run: MojibakeRun | undefined;
      for (let k = 0; k < best.count; k++) {
        if (best.accepted[k] === 0) continue;
        const start = best.start[k];
        const end = best.end[k];
        const value = best.value[k];
        const candidates = value >= 0 ? undefined : best.candidates[k];
        const certain = candidates === undefined || candidates.length === 1;
        // An uncertain sequence keeps its text (see `repaired`) and stands alone as its own run.
        const out = certain ? String.fromCodePoint(candidates ? candidates[0] : value) : text.slice(start, end);
        if (certain && run && !run.candidates && run.end === start) {
          run.end = end;
          run.repaired += out;
        } else {
          if (run) runs.push(run);
          run = { start, end, original: '', repaired: out, codePage: CODE_PAGES[bestCp] };
          if (!certain) run.candidates = candidates.map((c) => String.fromCodePoint(c));
        }
      }
      if (run) runs.push(run);
    }
    a = nextCandidate(text, b, t);
  }
  for (const r of runs) r.original = text.slice(r.start, r.end);
  return runs;
}

/** The text with every run repaired (same as applying findMojibake's runs). */
export function repairMojibake(text: string): string {
  const runs = findMojibake(text);
  if (runs.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const r of runs) {
    parts.push(text.slice(at, r.start), r.repaired);
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Cheap pre-check: false when the text cannot contain mojibake (e.g. pure ASCII or no chars of the
 * code pages' high halves); used to skip work on clean text. True only means "maybe": some code
 * page's lead-byte character is directly followed by one of its continuation-byte characters.
 */
export function mayContainMojibake(text: string): boolean {
  return nextCandidate(text, 0, getTables()) >= 0;
}
