/**
 * Terminal safety for the human-readable formats (text, compact, github, markdown): checklist text
 * and file names are untrusted, and a raw ESC, BEL or OSC sequence would drive the reader's
 * terminal (clear it, retitle it, forge hyperlinks), a bidi override would reorder what is shown
 * (U+202E), and a CR or LF would start a line of its own — a forged `::error` annotation or
 * `path:line: error:` line. Such characters are shown as visible `\uXXXX` escapes instead.
 */

/** C0 controls (tab aside), DEL, C1 controls, bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The same, but line feeds and carriage returns are left for the caller (a format that encodes them itself). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_BUT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unsafe character written as a visible `\uXXXX` (`\x1b` becomes the six characters `\u001b`). */
export function visibleText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? UNSAFE_BUT_NEWLINES : UNSAFE, escape);
}

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
