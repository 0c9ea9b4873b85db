/**
 * The status a list item's text starts with: a known glyph (`readLeadingGlyph`), or an emoji that
 * reads as a status whose meaning the tool does not know (`⚠️`, `📝`, `❗`, `⛔` …). The second kind
 * still makes the bullet an item, counted open with an `unknown-status` finding, so a check is
 * never dropped because its author picked another glyph (or because a lost byte left only part
 * of it, `â˜`). Decorative and resource emoji (`📖`,
 * `🛠`, `💡`) and severity circles (`🔴`) are neither.
 */
import { decodeEntityAt, shortcodeLength, skipEmojiModifiers } from '../text/emoji';
import { findMojibake, mayContainMojibake } from '../text/mojibake';
import { readLeadingGlyph, type StatusToken } from './readStatus';
import type { StatusVocabulary } from './vocabulary';

/** A leading status: a known token, or (with `unknown`) a status-like emoji read as open. */
export interface LeadingStatus extends StatusToken {
  /** Set when the glyph is status-like but its state is not known: the item counts as open. */
  unknown?: true;
}

// Warnings, notes, questions, stops, pauses and "soon": each says something about the check's state.
const STATUS_LIKE = new Set([...'⚠📝❗❕❓❔‼⁉🔜⛔🚫🛑⏸⏹🔶⭕🆗'].map((ch) => ch.codePointAt(0)!));

const STATUS_LIKE_SHORTCODES = new Set([
  'warning',
  'memo',
  'pencil',
  'exclamation',
  'heavy_exclamation_mark',
  'grey_exclamation',
  'question',
  'grey_question',
  'bangbang',
  'interrobang',
  'soon',
  'no_entry',
  'no_entry_sign',
  'stop_sign',
  'pause_button',
  'stop_button',
  'large_orange_diamond',
  'o',
  'ok',
]);

/** Whitespace and emphasis that may precede a bullet's status glyph. */
const LEAD = /^(?:[ \t\u00a0\u3000]+|\*+|_+)*/;

/**
 * The status at the start of an item's text: a known glyph with its state, or a status-like
 * emoji with `unknown` (state `open`). Taught statuses (`vocabulary`) are known. Null for anything else.
 */
export function readLeadingStatus(raw: string, vocabulary?: StatusVocabulary): LeadingStatus | null {
  const known = readLeadingGlyph(raw, vocabulary);
  if (known) return known;
  const at = LEAD.exec(raw)![0].length;
  const end = statusLikeEnd(raw, at) || brokenStatusEnd(raw, at) || emoticonEnd(raw, at);
  if (end === 0) return null;
  return {
    state: 'open',
    start: at,
    end,
    text: raw.slice(at, end),
    family: raw[at] === ':' ? 'shortcode' : raw[at] === '&' ? 'entity' : 'glyph',
    unknown: true,
  };
}

/**
 * The end of mis-decoded text at `at` that lost a byte and could have been a status glyph
 * (`â˜` is ☐ with 0x90 lost, or ☁, ☝ …): it cannot be read for certain, so it counts open, and the
 * `mojibake` finding on it offers the characters it could have been. 0 when there is none.
 */
function brokenStatusEnd(raw: string, at: number): number {
  const head = raw.slice(at, at + 8);
  if (!mayContainMojibake(head)) return 0;
  const [run] = findMojibake(head);
  if (!run || run.start !== 0 || !run.candidates?.some((c) => readLeadingGlyph(c) !== null)) return 0;
  return at + run.end;
}

/**
 * Jira and Confluence wiki emoticons, as their exports write them: `(/)` check, `(x)` cross,
 * `(!)` warning, `(?)`, `(on)`/`(off)` light bulbs, `(y)`/`(n)` thumbs. Their meaning varies by
 * team, so like status-like emoji they count open until taught (`statuses: { "(/)": done }`).
 */
const EMOTICON = /\((?:\/|x|!|\?|on|off|y|n)\)(?=[ \t])/iy;

function emoticonEnd(raw: string, at: number): number {
  EMOTICON.lastIndex = at;
  return EMOTICON.test(raw) ? EMOTICON.lastIndex : 0;
}

/** The end of a status-like emoji (glyph, shortcode or entity) starting at `at`; 0 when there is none. */
function statusLikeEnd(raw: string, at: number): number {
  if (raw[at] === ':') {
    const length = shortcodeLength(raw, at);
    return length > 0 && STATUS_LIKE_SHORTCODES.has(raw.slice(at + 1, at + length - 1).toLowerCase()) ? at + length : 0;
  }
  let cp = raw.codePointAt(at);
  let end = at + (cp !== undefined && cp > 0xffff ? 2 : 1);
  if (raw[at] === '&') {
    const entity = decodeEntityAt(raw, at);
    if (!entity) return 0;
    cp = entity.char.codePointAt(0);
    end = at + entity.length;
    const selector = decodeEntityAt(raw, end);
    if (selector?.char === '\uFE0F') end += selector.length;
  }
  if (cp === undefined || !STATUS_LIKE.has(cp)) return 0;
  end = skipEmojiModifiers(raw, end);
  // A glyph that starts a longer emoji sequence (ZWJ) is some other emoji.
  return raw.charCodeAt(end) === 0x200d ? 0 : end;
}
