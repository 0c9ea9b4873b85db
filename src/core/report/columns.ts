/**
 * Text laid out in terminal columns: widths are display widths (string-width), not UTF-16
 * units, so CJK and most emoji take two columns and combining marks none.
 */
import stringWidth from 'string-width';

/** The text padded with spaces to `width` columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Cuts whole grapheme clusters so that the text and its `…` fit in `width` columns. */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

export { stringWidth as displayWidth };
