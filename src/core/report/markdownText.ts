/** Escaping for GitHub-flavoured Markdown written into table cells and lists. */
import { visibleText } from './visibleText';

/**
 * Plain text as Markdown inside a table cell: the characters that start inline markup (and the
 * cell separator) backslash-escaped, `&` and `<` as entities, on one line. Block markers such as
 * `#` or `-` cannot start a cell, so they stay as they are.
 */
export function mdText(value: string): string {
  return visibleText(value.replace(/\s*[\r\n]+\s*/g, ' '))
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** Text as an inline code span that survives inside a table cell (`|` escaped, as GFM tables need). */
export function mdCode(value: string): string {
  const text = visibleText(value.replace(/[\r\n]+/g, ' '));
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}
