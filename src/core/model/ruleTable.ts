/**
 * The rule table: every rule's id, default severity and one-line description, and the shape of a
 * finding. The CLI, SARIF, diagnostics (their documentation links) and README read rules from
 * here, so a rule is named and described once.
 */
import type { Severity, Span, TextEdit } from './types';

/** Identifiers of every rule. They are part of the public contract (CLI output, config keys, docs anchors). */
export type RuleId =
  | 'critical-open'
  | 'evidence-missing'
  | 'evidence-broken'
  | 'link-outside-workspace'
  | 'unknown-status'
  | 'untracked-item'
  | 'mojibake'
  | 'table-malformed'
  | 'malformed-box'
  | 'checks-in-code-block'
  | 'duplicate-id'
  | 'overdue'
  | 'config-invalid'
  | 'no-items'
  | 'too-large'
  | 'unreadable';

/** What the rule table knows about one rule. */
export interface RuleInfo {
  id: RuleId;
  defaultSeverity: Severity;
  /** One sentence for docs, SARIF and hovers. */
  description: string;
}

/** A rule setting in `.readiness.yml`: a severity or `off`. */
export type RuleSetting = Severity | 'off';

/** Where each rule is documented: README.md anchors. */
export const RULE_DOCS_BASE = 'https://github.com/production-readiness/production-readiness/blob/main/README.md#rule-';

const table: RuleInfo[] = [
  { id: 'critical-open', defaultSeverity: 'error', description: 'A critical item is not done (open or in progress).' },
  {
    id: 'evidence-missing',
    defaultSeverity: 'warning',
    description: 'A done item that needs evidence (per `evidence.required`) links to no existing evidence file.',
  },
  { id: 'evidence-broken', defaultSeverity: 'warning', description: 'An evidence or runbook link points to a file that does not exist.' },
  {
    id: 'link-outside-workspace',
    defaultSeverity: 'warning',
    description: 'A link points outside the workspace (absolute path, `..` escape, `file:` or `command:` URL); it is never opened or read.',
  },
  {
    id: 'unknown-status',
    defaultSeverity: 'warning',
    description:
      'A status (a table cell, a leading glyph or emoji, a glyph in a box) is not one the tool knows; the item counts as open. Teach it under statuses:.',
  },
  {
    id: 'untracked-item',
    defaultSeverity: 'info',
    description:
      'A bullet that looks like a checklist item (a bold label, or any bullet of a checklist without tracked items) has no status marker.',
  },
  {
    id: 'mojibake',
    defaultSeverity: 'warning',
    description: 'Text was decoded with the wrong code page (for example `âœ…` instead of ✅); the fix repairs it.',
  },
  {
    id: 'table-malformed',
    defaultSeverity: 'warning',
    description:
      "A pipe table's delimiter row has a different number of cells than its header, so GitHub shows it as text; its rows are read as items all the same, and the fix repairs the row.",
  },
  {
    id: 'malformed-box',
    defaultSeverity: 'warning',
    description:
      'A task box GitHub does not show as a checkbox (`[]`, `[ x ]`, `[v]`, no space before the text); the item counts as open, and the fix writes `[ ]` or `[x]`.',
  },
  {
    id: 'checks-in-code-block',
    defaultSeverity: 'warning',
    description: 'A code block holds checklist lines (task boxes or status glyphs); code is never an item, so they are not counted.',
  },
  { id: 'duplicate-id', defaultSeverity: 'warning', description: 'Two items have the same id.' },
  { id: 'overdue', defaultSeverity: 'warning', description: 'An item that is not done has a due date in the past.' },
  {
    id: 'config-invalid',
    defaultSeverity: 'error',
    description: 'The configuration (`.readiness.yml` or front matter `readiness:`) is not valid YAML or does not match the schema.',
  },
  { id: 'no-items', defaultSeverity: 'info', description: 'The file holds no checklist items.' },
  {
    id: 'too-large',
    defaultSeverity: 'error',
    description: 'The file is larger or nests deeper than the documented limits, so it is not analysed (and never edited).',
  },
  {
    id: 'unreadable',
    defaultSeverity: 'error',
    description:
      'A checklist, config file or folder could not be read (permissions, a binary or special file, a path too long), so it is not checked.',
  },
];

/** The rule table, in documentation order. */
export const RULES: readonly RuleInfo[] = table;

/** Rule info by id. */
export const RULE_BY_ID: ReadonlyMap<RuleId, RuleInfo> = new Map(table.map((r) => [r.id, r]));

/** Every rule id, in documentation order. */
export const RULE_IDS: readonly RuleId[] = table.map((r) => r.id);

/** The documentation link of a rule. */
export function ruleDocsUrl(id: RuleId): string {
  return RULE_DOCS_BASE + id;
}

/** One problem found in a checklist or a config file. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  span: Span;
  /** The item the finding is about, when there is one. */
  itemId?: string;
  /** The status value an `unknown-status` finding is about (what a quick fix teaches under `statuses:`). */
  status?: string;
  /** Edits that fix the problem, when the fix is certain (e.g. a mojibake repair). */
  fix?: TextEdit[];
  /**
   * Alternative fixes, when the problem has several possible repairs and only a person can choose
   * (mojibake that lost a byte: one fix per character it could have been). Never set together with
   * `fix`, and never applied by a "fix all".
   */
  fixes?: FixChoice[];
}

/** One of a finding's alternative fixes. */
export interface FixChoice {
  /** The replacement as a person reads it, for the fix's title: `🔍`, or `U+200D` for an invisible character. */
  label: string;
  edits: TextEdit[];
}
