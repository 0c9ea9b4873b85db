/**
 * Line bounds in a text with any line endings (LF, CRLF, CR), for edits that insert whole lines
 * and keep the text's own line ending.
 */

/** The offset where the line holding `at` starts. */
export function lineStart(text: string, at: number): number {
  return Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
}

/** The offset of the line ending after `at` (the text's length on the last line). */
export function lineEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The text ending in a line ending (`eol` added unless it is empty or already ends in one). */
export function withEol(text: string, eol: string): string {
  return text === '' || text.endsWith('\n') || text.endsWith('\r') ? text : text + eol;
}
