/**
 * Bullets that document rather than check (format rule 6). In a checklist that has tracked
 * items, `Key: value` metadata bullets (`- **Owner:** @x`, `- **Active waiver:** none.`) and
 * definition lists (bold term, colon, definition under a heading that defines terms) are not
 * items at all; in a checklist without any, they and plain prose bullets are untracked items.
 * Whether a checklist has tracked items is a property of the whole document: a section's build
 * records whether it read it (`ParseContext.readTracked`) and the analyzer builds again when the
 * answer it assumed was wrong.
 */
import type { ListItem, Nodes, Paragraph, PhrasingContent } from 'mdast';
import { collectInline } from './inlineText';

/** The longest label a `Key: value` line has (characters and words). */
const MAX_KEY_CHARS = 40;
const MAX_KEY_WORDS = 5;
/** The longest value that still reads as a value rather than a described check. */
const MAX_VALUE_CHARS = 120;

/** A colon, ASCII or full-width, ending a label. */
const COLON_END = /[:：]\s*$/;
const COLON_START = /^\s*[:：]/;

/**
 * The bold label and the value after it when a paragraph is `**Key:** value` or `**Key**: value`
 * (colon inside or right after the bold); null otherwise.
 */
function keyValue(paragraph: Paragraph): { key: string; value: string; rest: PhrasingContent[] } | null {
  const [head, ...rest] = paragraph.children;
  if (head?.type !== 'strong') return null;
  const key = collectInline(head.children).text.trim();
  const after = collectInline(rest).text;
  if (key === '' || !(COLON_END.test(key) || COLON_START.test(after))) return null;
  const value = after.replace(COLON_START, '').trim();
  return { key: key.replace(COLON_END, '').trim(), value, rest };
}

/**
 * Whether a bold-label bullet is a `Key: value` metadata line: a short label ending in a colon,
 * then a value. `clear` when it cannot be a check: the value is a link, a handle, a placeholder,
 * a date, a number, "none" or an option list (`- **Main repository:** [url]`,
 * `- **Product manager:** @[username]`, `- **Active waiver:** none.`), or the label names an
 * attribute (`Owner`, `Status`, `原因`). `maybe` when only its shape says so: `- **Decision:**
 * production release` is metadata beside a clear one, but `- **On-call rotation**: published in
 * the wiki` alone reads as a check. Fill-in fields with no value are neither (nor items).
 */
export function metadataKind(paragraph: Paragraph): 'clear' | 'maybe' | null {
  const kv = keyValue(paragraph);
  if (!kv || kv.value === '') return null;
  if (kv.key.length > MAX_KEY_CHARS || kv.key.split(/\s+/).length > MAX_KEY_WORDS) return null;
  if (isLinkOrHandle(kv.rest) || CLEAR_VALUE.test(kv.value) || ATTRIBUTE_KEY.test(kv.key)) return 'clear';
  return kv.value.length <= MAX_VALUE_CHARS ? 'maybe' : null;
}

/** Values no check has: placeholders, dates, numbers, "none", option lists (`a / b / c`). */
const CLEAR_VALUE =
  /^(?:\[[^\]]*\]|<[^>]*>|_{3,}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|v?\d[\d.,%]*|none\.?|n\/a|tbd|tba|-|—)$|^[^/]{1,30}(?:\s\/\s[^/]{1,30}){2,}$/i;

/** Labels that name an attribute of the document rather than a thing to check. */
const ATTRIBUTE_KEY =
  /^(?:owner|owners|author|authors|reviewer|reviewers|assignee|lead|manager|product manager|contact|team|repo|repository|main repository|site|url|link|links|folder|docs|notes|date|due|deadline|version|release|status|state|result|current result|decision|profile|type|priority|severity|waiver|active waiver|blockers|primary blockers|cause|root cause|reason|fix|impact|原因|修复|修復|状态|狀態|负责人|負責人|担当|担当者|期限|日付|版本|结果|結果|原因分析|影响|Ответственный|Срок|Статус)$/i;

/** `- **Term**: definition`, under a heading that defines terms. */
export function isDefinitionBullet(paragraph: Paragraph): boolean {
  const kv = keyValue(paragraph);
  return kv !== null && kv.value !== '' && kv.key.split(/\s+/).length <= MAX_KEY_WORDS;
}

/** The value is only links or a handle: `[url]`, `@[username]`, `[docs](…)`. */
function isLinkOrHandle(nodes: readonly PhrasingContent[]): boolean {
  const text = collectInline(nodes).text.replace(COLON_START, '').trim();
  return (
    /^@\S/.test(text) ||
    nodes.every((n) => n.type === 'link' || n.type === 'linkReference' || (n.type === 'text' && /^[\s:：]*$/.test(n.value)))
  );
}

/**
 * A plain bullet that reads as a check in a checklist without tracked items: it has text of its
 * own, and is not a table of contents entry (only links to places in the page) or a fill-in
 * field (`**owner:**` with nothing after it).
 */
export function isProseBullet(li: ListItem): boolean {
  const first = li.children[0];
  if (first?.type !== 'paragraph') return false;
  const text = collectInline(first.children).text.trim();
  if (text === '') return false;
  const kv = keyValue(first);
  if (kv && kv.value === '') return false;
  const meaningful = first.children.filter((c: Nodes) => !(c.type === 'text' && c.value.trim() === ''));
  const toc = meaningful.length > 0 && meaningful.every((c) => c.type === 'link' && c.url.startsWith('#'));
  return !toc;
}
