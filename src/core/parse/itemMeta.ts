/** Inline metadata read from an item's text: explicit id, owner, due date, critical markers. */

const ID_COMMENT = /^<!--\s*id\s*:\s*([\w.:/-]+)\s*-->$/i;
const ID_ATTRIBUTE = /\s*\{#([\w.:/-]+)\}\s*$/;

/** An explicit id from inline HTML `<!-- id: sec-tls -->` snippets, if any. */
export function idFromHtml(html: readonly string[]): string | null {
  for (const snippet of html) {
    const m = ID_COMMENT.exec(snippet.trim());
    if (m) return m[1];
  }
  return null;
}

/** Splits a trailing `{#id}` off an item's text. */
export function splitIdAttribute(text: string): { text: string; id: string | null } {
  const m = ID_ATTRIBUTE.exec(text);
  return m ? { text: text.slice(0, m.index), id: m[1] } : { text, id: null };
}

// `@handle` not preceded by a word character (so e-mail addresses do not count).
const OWNER = /(?:^|[^\w@.])@([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?(?:\/[A-Za-z0-9][\w.-]*)?)/;

/** The first `@handle` in the text. */
export function readOwner(text: string): string | null {
  const m = OWNER.exec(text);
  return m ? m[1] : null;
}

const DUE = /(?:\bdue\s*[:=]?\s*|📅\s*)(\d{4}-\d{2}-\d{2})\b/i;

/** A due date written `due: 2026-03-01`, `due 2026-03-01` or `📅 2026-03-01`, when it is a real date. */
export function readDue(text: string): string | null {
  const m = DUE.exec(text);
  return m && isIsoDate(m[1]) ? m[1] : null;
}

/** True for a valid calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Markers teams write on critical items; `(R)` is the Kubernetes PRR "required" prefix.
const CRITICAL_MARKERS = /\(critical\)|\[critical\]|(?:^|\s)#critical\b|\*\*critical\*\*|__critical__|🔴|^\s*\(R\)/i;

/** True when an item's raw Markdown carries an inline critical marker. */
export function hasCriticalMarker(raw: string): boolean {
  return CRITICAL_MARKERS.test(raw);
}

/**
 * An item's text for display next to its owner and due date shown separately: the `@handle`
 * and the due date removed, whitespace and dangling separators tidied.
 */
export function textWithoutMeta(text: string, owner: string | null, due: string | null): string {
  let out = text;
  if (owner !== null) out = out.replace(OWNER, (match, handle: string) => (handle === owner ? match.slice(0, match.indexOf('@')) : match));
  if (due !== null) out = out.replace(DUE, (match, date: string) => (date === due ? '' : match));
  out = out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:.)])/g, '$1')
    .replace(/\(\s*\)/g, '')
    .replace(/[,;]+(?=[.,;)]|$)/g, '')
    .replace(/[\s,;:–—-]+$/u, '')
    .trim();
  return out === '' ? text : out;
}
