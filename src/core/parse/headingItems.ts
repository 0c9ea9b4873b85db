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
import { readTrailingStatus } from './inlineStatus';

/**
 * The item a heading ending in a status glyph would be, when it turns out to have nothing under
 * it. Its token is not noted here: the caller notes it once it keeps the item.
 */
export function headingItem(ctx: ParseContext, node: Heading): ReadinessItem | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  // The heading's text: without an ATX closing sequence (`## Title ✅ ##`) or a setext underline.
  const whole = ctx.text.slice(start, end);
  const underline = /\r?\n[ \t]*(?:=+|-+)[ \t]*$/.exec(whole);
  const raw = underline ? whole.slice(0, underline.index).replace(/[ \t]+$/, '') : whole.replace(/(?:[ \t]+#+)?[ \t]*$/, '');
  const token = readTrailingStatus(raw, ctx.vocabulary);
  if (!token) return null;
  const inline = collapseWhitespace(repaired(collectInline(node.children).text));
  const glyph = readTrailingStatus(inline, ctx.vocabulary);
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
