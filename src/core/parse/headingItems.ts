/**
 * Headings that report a check's result (`#### 1. Missing .env.example File ❌`): a heading whose
 * text ends with a status glyph (a known one, or a status-like emoji such as `⚠️`, read as open with
 * `unknown-status`, as bullets read it). The build makes such a heading an item when nothing is
 * listed under it in its own blocks; whether a deeper heading follows (then it is a category after
 * all) is settled by the assembly, which sees the next section.
 */
import type { Heading } from 'mdast';
import type { ReadinessItem } from '../model/types';
import { collectInline, collapseWhitespace } from './inlineText';
import { makeItem, repaired, type ParseContext } from './parseContext';
import { readLeadingStatus, type LeadingStatus } from './leadingStatus';
import type { StatusVocabulary } from './vocabulary';

/** The longest glyph read at the end of a heading (a glyph with a variation selector and a skin tone). */
const MAX_GLYPH = 6;

/** A status glyph (known or status-like) that ends `text` after white space, with offsets into `text`; null when none does. */
export function readTrailingGlyph(text: string, vocabulary?: StatusVocabulary): LeadingStatus | null {
  const end = text.replace(/[ \t]+$/, '').length;
  for (let at = Math.max(0, end - MAX_GLYPH); at < end; at++) {
    if (at === 0 || !/[ \t\u00a0]/.test(text[at - 1])) continue;
    const token = readLeadingStatus(text.slice(at, end), vocabulary);
    if (token && token.start === 0 && token.end === end - at && token.family === 'glyph') {
      return { ...token, start: at, end };
    }
  }
  return null;
}

/**
 * The item a heading ending in a status glyph would be, when it turns out to have nothing under
 * it. Its token is not noted here: the caller notes it once it keeps the item.
 */
export function headingItem(ctx: ParseContext, node: Heading): ReadinessItem | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  // The heading's line without its closing sequence (`## Title ✅ ##`).
  const raw = ctx.text.slice(start, end).replace(/(?:[ \t]+#+)?[ \t]*$/, '');
  const token = readTrailingGlyph(raw, ctx.vocabulary);
  if (!token) return null;
  const inline = collapseWhitespace(repaired(collectInline(node.children).text));
  const glyph = readTrailingGlyph(inline, ctx.vocabulary);
  const text = glyph ? inline.slice(0, glyph.start).trim() : inline;
  if (text === '') return null;
  return makeItem(ctx, {
    kind: 'bullet',
    state: token.state,
    marker: { style: 'glyph', start: start + token.start, end: start + token.end, text: token.text },
    start,
    end,
    textNodes: node.children,
    text,
    raw,
    ...(token.unknown ? { unknownStatus: repaired(token.text) } : {}),
  });
}
