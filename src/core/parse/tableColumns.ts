/**
 * Recognises what the columns of a Markdown table hold, from their header text: the status
 * column (Status, State, Result, `✓`, 状態 …), the item-text column (Item, Check, Task …) and the
 * priority column (Priority, Severity, 優先度 …), plus the priority values that make a row
 * critical. Header words vary with the author and the language, so they are matched after
 * normalising (NFKC, emphasis, decorative emoji and trailing notes removed).
 */

import { stripLeadingEmoji, stripTrailingEmoji } from '../text/emoji';
import { plainStatusText } from './readStatus';

/** Header text reduced for comparison: NFKC, no emphasis marks, lower case, no trailing colon. */
function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[*_`]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/\s*:$/, '')
    .toLowerCase();
}

/** A header without decoration: emoji at either end, a trailing `(…)` note and a trailing `?`. */
function headerCore(text: string): string {
  let core = stripTrailingEmoji(stripLeadingEmoji(normalizeHeader(text)));
  const note = core.endsWith(')') ? core.lastIndexOf('(') : -1;
  if (note >= 0) core = core.slice(0, note);
  return core.trim().replace(/\?$/, '').trim();
}

const STATUS_GLYPH_HEADER = /^(?:[✓✔☑✅]\uFE0F?|\[x\])$/;
const STATUS_HEADER =
  /^(?:(?:current|overall|final|review|readiness|implementation|completion|launch|release|deployment|test|verification)\s+)?(?:status|state|result|results|decision|readiness)$/;
const STATUS_HEADER_WORDS = new Set([
  'done',
  'complete',
  'completed',
  'ready',
  'passed',
  'verified',
  'implemented',
  'in place',
  'signed off',
  'sign-off',
  'signoff',
  'approved',
  'go/no-go',
  'go / no-go',
  'outcome',
  'tested',
  'checked',
  '状態',
  '状态',
  '状況',
  '狀態',
  'ステータス',
  '評価',
  '完了',
  'статус',
  'состояние',
  'estado',
  'estado atual',
  'situação',
  'situacao',
  'statut',
  'état',
  'etat',
  'stato',
  'zustand',
  'erledigt',
  'stan',
  'durum',
  '상태',
  '진행 상태',
  '진행상태',
  '완료',
  '완료 여부',
  'trạng thái',
]);

/**
 * Headers that name a requirement or where a check applies (Required?, Mandatory, Level A, Tier 1,
 * Applies to): their Yes/No or ✅ cells say "needed", never "done", so they are never the status column.
 */
const REQUIREMENT_HEADER =
  /^(?:required|requirement level|mandatory|optional|must|should|needed|applies|applies to|applicable|in scope|scope|level|tier|automated|automatable|blocking|critical|priority|severity)\b|^(?:level|tier)\s+\S+$/;

/** True when a header names a requirement or applicability (Required?, Mandatory, Level C, Tier 1): never a status column. */
export function isRequirementHeader(text: string): boolean {
  return REQUIREMENT_HEADER.test(headerCore(text));
}

/**
 * True when a header cell's text names a status column: Status, State, Result, Done?, Complete,
 * Ready?, Tested?, Verified, Signed off, Go/No-Go, `✓`, `☑`, `Check?` (but not `Check`, which
 * names the item column), 状態, 状态, 評価.
 * 現状/现状 ("current situation") is not a status header: it holds free-text notes.
 */
export function isStatusHeader(text: string): boolean {
  const normalized = normalizeHeader(text);
  if (STATUS_GLYPH_HEADER.test(normalized)) return true;
  if (/^check\s*\?$/.test(normalized)) return true;
  if (isRequirementHeader(text)) return false;
  const core = headerCore(text);
  return STATUS_HEADER.test(core) || STATUS_HEADER_WORDS.has(core);
}

const ITEM_HEADER =
  /^(?:(?:check|checklist|item|task|action|control)\s+)?(?:items?|checks?|tasks?|requirements?|names?|descriptions?|deliverables?|gates?|controls?|criterion|criteria|steps?|actions?)$/;
const ITEM_HEADER_WORDS = new Set([
  '項目',
  'チェック項目',
  '確認項目',
  '項目名',
  'タスク',
  '要件',
  '检查项',
  '检查项目',
  '事项',
  '任务',
  'пункт',
  'задача',
  'требование',
]);

/** True when a header names the item-text column: Item, Check, Task, Requirement, Name, Description, Deliverable (plurals, `Check name`, `Item name`, 項目 too). */
export function isItemHeader(text: string): boolean {
  const normalized = normalizeHeader(text);
  if (normalized.endsWith('?')) return false;
  const core = headerCore(text);
  return ITEM_HEADER.test(core) || ITEM_HEADER_WORDS.has(core);
}

const PRIORITY_HEADER = /^(?:priority|priority level|severity|severity level|level|prio|criticality|importance|sev)$/;
const PRIORITY_HEADER_WORDS = new Set(['優先度', '優先順位', '重要度', '优先级', '重要性', 'приоритет', 'важность']);

/** True for Priority, Severity, Level, Prio, Criticality (not `Level C`, which is a requirement matrix column). */
export function isPriorityHeader(text: string): boolean {
  const core = headerCore(text);
  return PRIORITY_HEADER.test(core) || PRIORITY_HEADER_WORDS.has(core);
}

const CRITICAL_VALUE =
  /^(?:critical|crit|blocker|blocking|showstopper|show[\s-]stopper|must(?:[\s-]have)?|p0|sev[\s-]?0|s0|priority[\s-]?0|致命的?|緊急|紧急|最優先)(?![\p{L}\p{N}])/iu;

/**
 * True when a priority cell (raw Markdown) says critical: Critical, Blocker, Must (have), P0,
 * Sev0, or a red circle (🔴, `:red_circle:`). High, P1 and Sev1 are not critical.
 */
export function isCriticalPriority(raw: string): boolean {
  const plain = plainStatusText(raw);
  if (/🔴|:red_circle:/u.test(plain)) return true;
  return CRITICAL_VALUE.test(stripLeadingEmoji(plain));
}
