/**
 * Statuses a bullet carries other than as a leading glyph: a glyph at the end of its text
 * (`- Prometheus configured ✅`), the value of a bold label (`- **Monitoring**: ✅ Prometheus`,
 * `- **Backups:** In progress`), and a status word that tags its start (`- [DONE] Rollback`,
 * `- (wip) Load test`). Only marks end a bullet as a status (`- Load test done` is prose);
 * a label's value may be a status word, but only as the whole value. Labels that name the
 * document's own status or a requirement (`**Status:** Done`, `**Required:** Yes`) are metadata.
 */
import { readLeadingStatus, type LeadingStatus } from './leadingStatus';
import { readThroughMojibake } from './parseContext';
import { plainStatusText, readStatusCell } from './readStatus';
import { isRequirementHeader, isStatusHeader } from './tableColumns';
import type { StatusVocabulary } from './vocabulary';

/** Whitespace, emphasis and sentence punctuation that may follow a trailing status glyph. */
const TAIL_CHAR = /[\s\u00a0*_.!。！]/u;

/** A bold label at the start of raw Markdown, with its separator: `**Label**: `, `**Label:** `, `__Label__ — `. */
const BOLD_LABEL = /^(\*\*|__)(?=\S)([^*_\n]{1,120}?\S)\1([ \t]*(?:[:：][ \t]*|[-–—][ \t]+)?)/u;

/**
 * The status glyph that ends `raw` (after whitespace, emphasis and a full stop), when text precedes
 * it: a known glyph, or a status-like emoji of unknown meaning (`unknown`, counted open). Offsets
 * are into `raw`. Null when the text ends otherwise, or is nothing but the glyph.
 */
export function readTrailingStatus(raw: string, vocabulary?: StatusVocabulary): LeadingStatus | null {
  // Scanned by hand from the end: an anchored `[…]*$` retries every start of a long run (quadratic).
  let end = raw.length;
  while (end > 0 && TAIL_CHAR.test(raw[end - 1])) end--;
  let start = end;
  while (start > 0 && !/[\s\u00a0]/u.test(raw[start - 1])) start--;
  if (start === end || raw.slice(0, start).trim() === '') return null;
  const word = raw.slice(start, end);
  const found = readLeadingStatus(word, vocabulary);
  if (!found || found.start !== 0 || found.end !== word.length) return null;
  return { ...found, start: start + found.start, end: start + found.end };
}

/** A status read from a bold label's value, and where the label ends. */
export interface LabelledStatus extends LeadingStatus {
  /** The label as written between the emphasis marks. */
  label: string;
}

/**
 * The status a bold label's value gives: a glyph that starts the value (`**Monitoring**: ✅ …`),
 * or a status word that is the whole value (`**Backups:** In progress.`). Null when the value is
 * something else, when there is no separator, and for labels that name the document's status or a
 * requirement. Offsets are into `raw`.
 */
export function readLabelledStatus(raw: string, vocabulary?: StatusVocabulary): LabelledStatus | null {
  const m = BOLD_LABEL.exec(raw);
  if (!m) return null;
  const label = m[2];
  const separated = /[:：]$/.test(label) || m[3].trim() !== '';
  if (!separated) return null;
  const name = label.replace(/[:：]$/, '');
  if (isStatusHeader(name) || isRequirementHeader(name)) return null;
  const at = m[0].length;
  const rest = raw.slice(at);
  const glyph = readLeadingStatus(rest, vocabulary);
  if (glyph) return { ...glyph, start: at + glyph.start, end: at + glyph.end, label };
  const cell = readStatusCell(rest, vocabulary);
  if (cell.kind !== 'known') return null;
  const token = cell.token;
  // The word must be the whole value, wrapped in emphasis at most: `**Load test**: Done, see notes` is prose.
  if (plainStatusText(rest.slice(0, token.start)) !== '' || plainStatusText(rest.slice(token.end)).replace(/[.!。！]$/u, '') !== '')
    return null;
  return { ...token, start: at + token.start, end: at + token.end, label };
}

/** A status word in brackets or parentheses at the start: `[DONE]`, `[WIP]`, `(n/a)`. */
const BRACKET_TAG = /^[ \t]*(?:\[([A-Za-z][A-Za-z' /.-]{0,14}?)\]|\(([A-Za-z][A-Za-z' /.-]{0,14}?)\))(?=[ \t]+\S)/;
/** A status tag at the start of a bullet, and where the text after it starts. */
export interface TaggedStatus extends LeadingStatus {
  /** Offset (into the raw text given) after the tag and its separator. */
  textStart: number;
}

/**
 * A status word in brackets or parentheses that tags the start of a bullet (`[DONE] Rollback`,
 * `(wip) Load test`). Only words the status vocabulary knows, as the whole tag: `[P0]`, `[RFC]` are
 * not statuses, and Yes and No are answers, not tags. A word before a colon (`TODO: ask Bob`) is
 * a note, not a tag. Offsets are into `raw`.
 */
export function readTaggedStatus(raw: string, vocabulary?: StatusVocabulary): TaggedStatus | null {
  const m = BRACKET_TAG.exec(raw);
  if (!m) return null;
  const word = m[1] ?? m[2];
  if (/^(?:yes|no|y|n)$/i.test(word)) return null;
  const cell = readStatusCell(word, vocabulary);
  if (cell.kind !== 'known' || cell.token.start !== 0 || cell.token.end !== word.length) return null;
  const start = m[0].indexOf(word);
  const textStart = m[0].length + (/^[ \t]*/.exec(raw.slice(m[0].length))?.[0].length ?? 0);
  return { ...cell.token, start, end: start + word.length, textStart };
}

/** Where a bullet's status glyph or word sits: first, as a tag (`[DONE]`), last, or as a bold label's value. */
export type StatusPlace = 'lead' | 'tag' | 'end' | 'label';

/** A status a bullet carries in its text, at any of the places a status is written. */
export interface BulletStatus {
  token: LeadingStatus;
  place: StatusPlace;
}

/** The status of a bullet's raw first paragraph: leading glyph, tag, bold label's value, or trailing glyph. */
export function bulletStatus(raw: string, vocabulary: StatusVocabulary | undefined): BulletStatus | null {
  const lead = readThroughMojibake(raw, (t) => readLeadingStatus(t, vocabulary));
  if (lead) return { token: lead, place: 'lead' };
  const tag = readTaggedStatus(raw, vocabulary);
  if (tag) return { token: tag, place: 'tag' };
  const label = readThroughMojibake(raw, (t) => readLabelledStatus(t, vocabulary));
  if (label) return { token: label, place: 'label' };
  const end = readThroughMojibake(raw, (t) => readTrailingStatus(t, vocabulary));
  return end ? { token: end, place: 'end' } : null;
}

/** The item's text without its status: the plain text's leading glyph or tag, trailing glyph, or a label's value. */
export function withoutStatus(place: StatusPlace, label: string, vocabulary: StatusVocabulary | undefined): (text: string) => string {
  if (place === 'lead') {
    return (t) => {
      const lead = readLeadingStatus(t, vocabulary);
      return lead ? t.slice(lead.end) : t;
    };
  }
  if (place === 'tag') {
    return (t) => {
      const tag = readTaggedStatus(t, vocabulary);
      return tag ? t.slice(tag.textStart) : t;
    };
  }
  if (place === 'end') {
    return (t) => {
      const end = readTrailingStatus(t, vocabulary);
      return end ? t.slice(0, end.start) : t;
    };
  }
  return (t) => {
    if (!t.startsWith(label)) return t;
    const after = t.slice(label.length);
    const separator = /^[\s\u00a0]*(?:[:：][\s\u00a0]*|[-–—][\s\u00a0]+)?/u.exec(after)![0];
    const value = after.slice(separator.length);
    const glyph = readLeadingStatus(value, vocabulary);
    const rest = glyph ? value.slice(glyph.end).trim() : '';
    return rest === '' ? label.replace(/[\s\u00a0]*[:：]$/u, '') : `${label}${separator}${rest}`;
  };
}
