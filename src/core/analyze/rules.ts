/**
 * The rules that read the model: per item (`checkItem`), and per document (`noItemsFinding`,
 * `mojibakeFindings`). Severities are the rule table's defaults until `applySeverities` applies
 * the config. To add a rule: its id, default severity and description go in the rule table
 * (`model/ruleTable.ts`), its check here; if it reads anything about an item that can change
 * while the item's text does not, that goes in `itemRuleKey` too.
 */
import type { ReadinessConfig } from '../config/types';
import type { LineIndex } from '../text/lineIndex';
import type { LinkRef, ReadinessItem, Span } from '../model/types';
import type { MojibakeRun } from '../text/mojibake';
import type { MalformedTable } from '../parse/malformedTable';
import { RULE_BY_ID, type Finding, type RuleId } from '../model/ruleTable';
import { linkStates } from './links';
import type { CodeBlockChecks } from '../parse/codeBlockChecks';
import { unknownLegendEntries, type LegendEntry } from '../parse/legend';
import { yamlKey } from '../config/teachStatus';
import { readStatusCell } from '../parse/readStatus';
import { malformedBoxLead } from '../parse/taskBox';

/** What the rules need besides the checklist. */
export interface RuleInputs {
  text: string;
  index: LineIndex;
  config: ReadinessConfig;
  /** Today's date `YYYY-MM-DD`; without it no `overdue` findings. */
  today?: string;
  /** Whether links were checked for existence. */
  linksChecked: boolean;
}

const STATE_WORDS: Record<string, string> = { done: 'done', open: 'open', 'in-progress': 'in progress', 'n/a': 'n/a' };

function finding(rule: RuleId, message: string, span: Span, itemId?: string, fix?: Finding['fix']): Finding {
  return {
    rule,
    severity: RULE_BY_ID.get(rule)!.defaultSeverity,
    message,
    span,
    ...(itemId !== undefined ? { itemId } : {}),
    ...(fix ? { fix } : {}),
  };
}

/**
 * Everything `checkItem` reads that can change while the item's own text does not, as one key.
 * The analyzer keeps an item's findings with this key and reuses them (moved along with the
 * item) while the key is the same, so this is the cache contract of the item rules:
 * - from the assembly: the item's id, its critical flag, the line of the item it duplicates;
 * - from the evaluation: today's date, whether links were checked, each link's existence;
 * - the item's state (a tick patches it without a new parse).
 * Everything else `checkItem` reads comes from the item's own text (its text, marker, due date,
 * unknown status, links' targets and spans: a change of text parses the item again, with a fresh
 * memo) or from the analyzer's config (a change of config starts the analyzer afresh); positions
 * only move, and moved findings are shifted copies. A rule that reads more must add it here
 * (test/unit/itemRuleKey.test.ts changes each input and checks the key follows the findings).
 */
export function itemRuleKey(item: ReadinessItem, inputs: RuleInputs, duplicateOf: ReadinessItem | undefined): string {
  const box = item.malformedBox ? `${item.malformedBox.written}\u0001${item.malformedBox.repair}` : '';
  return `${item.id}\u0000${item.critical ? 1 : 0}\u0000${item.state}\u0000${duplicateOf?.line ?? ''}\u0000${inputs.today ?? ''}\u0000${inputs.linksChecked ? 1 : 0}\u0000${linkStates(item)}\u0000${box}`;
}

/**
 * The rules about one item, appended to `out` in a fixed order. `duplicateOf` is the first item
 * (in `walkItems` order) with the same explicit id, when this one repeats it. What it reads is
 * the contract of `itemRuleKey`.
 */
export function checkItem(item: ReadinessItem, inputs: RuleInputs, duplicateOf: ReadinessItem | undefined, out: Finding[]): void {
  const add = (rule: RuleId, message: string, span: Span) => out.push(finding(rule, message, span, item.id));
  const head = firstLine(inputs.index, item.span);
  const label = quote(item.label);
  if (item.critical && (item.state === 'open' || item.state === 'in-progress')) {
    add('critical-open', `${label} is critical and ${STATE_WORDS[item.state]}`, head);
  }
  if (item.state === 'untracked') {
    add('untracked-item', `${label} has no status marker; convert it to a checklist item to track it`, head);
  }
  if (item.unknownStatus !== undefined) {
    const span = inputs.index.span(item.marker.start, item.marker.end);
    const several = statesIn(item.unknownStatus);
    // `iOS: ✅ Android: ❌` is not a word to teach: it says two things, so the item cannot be done.
    if (several.length > 1) {
      const message = `"${item.unknownStatus}" for ${label} holds several statuses (${several.join(', ')}); it counts as open until it says one`;
      out.push(finding('unknown-status', message, span, item.id));
    } else {
      out.push({
        ...finding('unknown-status', unknownStatusMessage(item.unknownStatus, label), span, item.id),
        status: item.unknownStatus,
      });
    }
  }
  if (item.malformedBox) {
    const { written, repair } = item.malformedBox;
    const start = item.marker.start - malformedBoxLead(item.malformedBox);
    const end = start + written.length;
    const box = repair.trimEnd();
    const message =
      written === box
        ? `The box "${written}" needs a space before the text for GitHub to show it as a checkbox, so ${label} counts as open`
        : `GitHub shows only "[ ]" and "[x]" as checkboxes, not "${written}", so ${label} counts as open; write it "${box}"`;
    out.push(finding('malformed-box', message, inputs.index.span(start, end), item.id, [{ start, end, newText: repair }]));
  }
  if (duplicateOf) add('duplicate-id', `Duplicate id "${item.id}" (first used on line ${duplicateOf.line})`, head);
  if (inputs.today && item.due && item.due < inputs.today && item.state !== 'done' && item.state !== 'n/a') {
    add('overdue', `${label} was due on ${item.due}`, head);
  }
  for (const link of [...item.evidence, ...item.runbooks]) {
    if (link.outside) {
      add('link-outside-workspace', `Link "${link.target}" points outside the workspace; it is not followed`, link.span);
    } else if (link.exists === false) {
      const kind = item.runbooks.includes(link) ? 'Runbook' : 'Evidence';
      add('evidence-broken', `${kind} "${link.target}" does not exist`, link.span);
    }
  }
  if (item.state === 'done' && needsEvidence(inputs.config, item) && !hasEvidence(item.evidence, inputs.linksChecked)) {
    add('evidence-missing', `${label} is done but links to no existing evidence`, head);
  }
}

/** The distinct states of the status tokens a value holds word by word (`iOS: ✅ Android: ❌` → done, open). */
function statesIn(value: string): string[] {
  const states = new Set<string>();
  for (const word of value.split(/[\s,;:/|]+/)) {
    const cell = word === '' ? null : readStatusCell(word);
    if (cell?.kind === 'known') states.add(STATE_WORDS[cell.token.state]);
  }
  return [...states];
}

/** How to teach a status, the same words in every surface: `statuses:` in .readiness.yml. */
function teachHint(status: string): string {
  return `To count it otherwise, add it under statuses: in .readiness.yml (${yamlKey(status)}: done)`;
}

/** The message of an item's `unknown-status` finding. */
export function unknownStatusMessage(status: string, label: string): string {
  return `Unknown status "${status}" for ${label}; it counts as open. ${teachHint(status)}`;
}

/**
 * One `unknown-status` finding per legend term the tool does not know and the config does not
 * teach (the items that write it count as open without findings of their own). `offset` is where
 * the section starts: legend entries are relative to it.
 */
export function legendFindings(legend: readonly LegendEntry[], offset: number, inputs: RuleInputs): Finding[] {
  if (legend.length === 0) return [];
  return unknownLegendEntries(inputs.config, legend).map((e) => ({
    ...finding(
      'unknown-status',
      `Unknown status "${e.term}" in the legend; items marked "${e.term}" count as open. ${teachHint(e.term)}`,
      inputs.index.span(offset + e.start, offset + e.end),
    ),
    status: e.term,
  }));
}

/** The finding of a checklist without items. */
export function noItemsFinding(index: LineIndex): Finding {
  return finding('no-items', 'No checklist items were found (task lists, status tables or status glyph bullets)', index.span(0, 0));
}

/**
 * The most characters a mojibake run that lost a byte is offered as, one fix each. Every emoji that
 * lost one byte fits (at most 8 candidates under windows-1252, 11 under windows-1254, e.g. `ğŸ”`:
 * 🍔 🏔 🐔 🔁 🔍 🔎 🔏 🔐 🔝 🔞); two lost bytes (15 or more) or punctuation under windows-1254 (14)
 * make a list to read, not a choice, so those runs get no fix at all.
 */
export const MAX_MOJIBAKE_CHOICES = 12;

/** A candidate as the message shows it: itself, or its code point when it is invisible (ZWJ, space, mark). */
function showCandidate(c: string): string {
  return /^[\p{Cf}\p{Z}\p{M}]$/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c;
}

/**
 * Findings for mojibake runs: a certain repair is the fix; a run that lost a byte names what it
 * could have been and offers each as its own fix (none when there are too many). No fix ever
 * deletes the run: its text is the only trace of the character that was there.
 */
export function mojibakeFindings(runs: readonly MojibakeRun[], index: LineIndex): Finding[] {
  return runs.map((run) => {
    const span = index.span(run.start, run.end);
    const decoded = `Mis-decoded text "${run.original}" (UTF-8 read as ${run.codePage}`;
    if (!run.candidates) {
      return finding('mojibake', `${decoded}); should read "${run.repaired}"`, span, undefined, [
        { start: run.start, end: run.end, newText: run.repaired },
      ]);
    }
    const lost = `${decoded}, which lost a byte it cannot show)`;
    const n = run.candidates.length;
    if (n > MAX_MOJIBAKE_CHOICES) return finding('mojibake', `${lost}; ${n} characters fit, too many to offer as fixes`, span);
    const f = finding('mojibake', `${lost}; should read one of ${run.candidates.map(showCandidate).join(' ')}`, span);
    f.fixes = run.candidates.map((c) => ({
      label: showCandidate(c),
      edits: [{ start: run.start, end: run.end, newText: c }],
    }));
    return f;
  });
}

/** Findings for pipe tables whose delimiter row has the wrong width: on the row, the repaired row as the fix. */
export function tableMalformedFindings(tables: readonly MalformedTable[], index: LineIndex): Finding[] {
  return tables.map((t) =>
    finding(
      'table-malformed',
      `The table's delimiter row has ${t.delimiterCells} ${t.delimiterCells === 1 ? 'cell' : 'cells'} but its header has ${t.headerCells}, so GitHub shows it as text; its rows are read as the table it was meant to be`,
      index.span(t.start, t.end),
      undefined,
      [{ start: t.start, end: t.end, newText: t.repair }],
    ),
  );
}

/**
 * One finding per code block that holds checks, on its first line: they are code, so not counted.
 * `offset` is where the section starts (the blocks are relative to it). When the block holds
 * nothing but checks and labels, deleting its fence lines is the certain fix.
 */
export function codeBlockFindings(blocks: readonly CodeBlockChecks[], offset: number, index: LineIndex): Finding[] {
  return blocks.map((b) => {
    const holds = b.checks === 1 ? '1 check' : `${b.checks} checks`;
    const message = `This code block holds ${holds} (${b.open} open) that ${b.checks === 1 ? 'is' : 'are'} not counted: code is never a checklist item; take them out of the code block to track them`;
    const fix = b.fences?.map((f) => ({ start: offset + f.start, end: offset + f.end, newText: '' }));
    return finding('checks-in-code-block', message, index.span(offset + b.start, offset + b.lineEnd), undefined, fix);
  });
}

/** Applies the config's rule settings: overrides severities and drops rules set to `off`. */
export function applySeverities(findings: readonly Finding[], config: ReadinessConfig): Finding[] {
  if (Object.keys(config.rules).length === 0) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = config.rules[f.rule];
    if (setting === 'off') continue;
    out.push(setting ? { ...f, severity: setting } : f);
  }
  return out;
}

/** True when the config requires evidence for this item once it is done. */
export function needsEvidence(config: ReadinessConfig, item: ReadinessItem): boolean {
  return config.evidence.required === 'all' || (config.evidence.required === 'critical' && item.critical);
}

/** True when an item links evidence inside the workspace (that exists, once links are checked). */
export function hasEvidence(evidence: readonly LinkRef[], checked: boolean): boolean {
  return evidence.some((e) => !e.outside && (checked ? e.exists === true : true));
}

function firstLine(index: LineIndex, span: Span): Span {
  const end = Math.min(span.end, index.lineEnd(span.startPosition.line));
  return index.span(span.start, Math.max(span.start, end));
}

function quote(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `"${short}"`;
}
