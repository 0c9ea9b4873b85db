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

/** True when an item's raw Markdown carries an inline critical marker (code spans are quoted text, not markers). */
export function hasCriticalMarker(raw: string): boolean {
  const unquoted = raw.includes('`') ? raw.replace(CODE_SPAN, ' ') : raw;
  // `\(critical\)` (a Google Docs export escapes brackets) shows as "(critical)".
  return CRITICAL_MARKERS.test(unquoted.includes('\\') ? unquoted.replace(/\\([()[\]])/g, '$1') : unquoted);
}

/** A code span (the same number of backticks closes it); bounded so hostile text stays linear. */
const CODE_SPAN = /(`+)[^`\n]{0,2000}?\1/g;

/**
 * An item's text for display next to its owner and due date shown separately: the `@handle`
 * and the due date removed, whitespace and dangling separators tidied.
 */
export function textWithoutMeta(text: string, owner: string | null, due: string | null): string {
  const out = tidy(withoutMeta(text, owner, due));
  return out === '' ? text : out;
}

function withoutMeta(text: string, owner: string | null, due: string | null): string {
  let out = text;
  if (owner !== null) {
    const without = out.replace(OWNER, (match, handle: string) => (handle === owner ? match.slice(0, match.indexOf('@')) : match));
    // A handle that starts a sentence is its subject (`@sre-reviewers approve`): it stays.
    const subject = /^\s*@/.test(out) && /[\p{L}\p{N}]/u.test(due === null ? without : without.replace(DUE, ''));
    if (!subject) out = without;
  }
  if (due !== null) out = out.replace(DUE, (match, date: string) => (date === due ? '' : match));
  return out;
}

// Words a link label uses only to name what the link is (`[evidence](…)`, "(runbook)").
const LINK_NAME = String.raw`(?:see\s+)?(?:the\s+)?(?:evidence|runbooks?|playbooks?|proof|links?|docs?|documentation|tickets?)`;
const LINK_NAME_WORD = new RegExp(`^${LINK_NAME}$`, 'i');
// "(evidence)", "[runbook]", "(evidence, runbook)", "（证据）" is left alone: only these words.
const LINK_NAME_GROUP = new RegExp(String.raw`\s*[([]\s*${LINK_NAME}(?:\s*(?:,|;|/|&|\+|\band\b)\s*${LINK_NAME})*\s*[)\]]`, 'giu');
// Critical markers written as tags: the critical flag is shown (and said) on its own.
const CRITICAL_TAG = /\s*(?:\(critical\)|\[critical\]|(?<!\S)#critical\b)/giu;
// What is left of `Owner: @x` or `due: 2026-01-01` once the handle or date is gone.
const DANGLING_KEY = /\b(?:owners?|assignees?|due(?:\s+date)?)\s*[:=]\s*(?=[),;]|$)/giu;

/**
 * An item's one clean label, shown in every message, tree, hover and report: the text without
 * the `@owner` and due date (shown beside it), the keys they leave behind, critical tags
 * ("(critical)", "[critical]", "#critical": the flag is shown on its own), and link labels that
 * only name the link ("(evidence, runbook)", a trailing `— [evidence](…)`). `linkTexts` are the
 * texts of the item's links: a bare trailing word is dropped only when a link wrote it. Critical
 * tags are dropped only when `criticalTags` (the raw text marks the item outside code spans:
 * ``Drop the `(critical)` suffix`` keeps its words). Never emptier than the text: a text that is
 * only metadata, or only a link label ("Evidence"), stays.
 */
export function cleanItemLabel(
  text: string,
  owner: string | null,
  due: string | null,
  linkTexts: readonly string[],
  criticalTags = true,
): string {
  if (owner === null && due === null && linkTexts.length === 0 && !/[([#]/.test(text)) return text;
  const bare = withoutMeta(text, owner, due);
  // Each step keeps what it had when it would leave nothing: the label is never emptier than the text.
  let out = keepNonEmpty(text, tidy(bare.replace(DANGLING_KEY, '')));
  if (criticalTags) out = keepNonEmpty(out, tidy(out.replace(CRITICAL_TAG, '')));
  out = keepNonEmpty(out, tidy(out.replace(LINK_NAME_GROUP, '')));
  const named = new Set(linkTexts.map((t) => t.trim().toLowerCase()).filter((t) => LINK_NAME_WORD.test(t)));
  for (let next = trailingLinkName(out, named); next !== null; next = trailingLinkName(out, named)) out = next;
  return out;
}

/**
 * The label without a trailing word a link wrote to name itself, when punctuation or a "see"
 * sets it off ("Pen test — evidence", "Restore drill, see runbook"); null when there is none
 * ("Publish the docs" keeps its last word: it belongs to the sentence).
 */
function trailingLinkName(label: string, named: ReadonlySet<string>): string | null {
  if (named.size === 0) return null;
  // Scanned by hand: an anchored `[a-z]+$` retries every start of a long run (quadratic).
  let start = label.length;
  while (start > 0 && /[A-Za-z]/.test(label[start - 1])) start--;
  if (start === label.length || !named.has(label.slice(start).toLowerCase())) return null;
  let head = label.slice(0, start);
  const see = /\bsee\s+(?:the\s+)?$/iu.exec(head);
  if (see) head = head.slice(0, see.index);
  else if (!/[,;:–—|-]\s*(?:the\s+)?$/iu.test(head)) return null;
  const next = tidy(head);
  return next === '' || next === label ? null : next;
}

function keepNonEmpty(before: string, after: string): string {
  return after === '' ? before : after;
}

function tidy(text: string): string {
  const out = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:.)\]])/g, '$1')
    .replace(/([([])[\s,;]+/g, '$1')
    .replace(/[,;]+(?=[.,;)\]]|$)/g, '')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  // Dangling separators at the end, scanned by hand: `[…]+$` retries every start of a long run.
  let end = out.length;
  while (end > 0 && TRAILING_SEPARATORS.has(out[end - 1])) end--;
  return out.slice(0, end);
}

const TRAILING_SEPARATORS = new Set([' ', ',', ';', ':', '–', '—', '-', '|']);
