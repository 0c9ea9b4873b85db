import type { ReadinessConfig } from '../config/types';
import { walkItems } from '../model/walk';
import type { LineIndex } from '../text/lineIndex';
import type { Checklist, LinkRef, ReadinessItem, Span } from '../model/types';
import { findMojibake, type MojibakeRun } from '../text/mojibake';
import { RULE_BY_ID, type Finding, type RuleId } from '../model/ruleTable';

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

const STATE_WORDS: Record<string, string> = { open: 'open', 'in-progress': 'in progress' };

/** Runs every checklist rule; severities are the defaults (see `applySeverities`). */
export function checkChecklist(checklist: Checklist, inputs: RuleInputs): Finding[] {
  const findings: Finding[] = [];
  const seenExplicit = new Map<string, ReadinessItem>();
  let count = 0;
  for (const item of walkItems(checklist.items, checklist.categories)) {
    count++;
    let duplicateOf: ReadinessItem | undefined;
    if (item.explicitId) {
      duplicateOf = seenExplicit.get(item.id);
      if (!duplicateOf) seenExplicit.set(item.id, item);
    }
    checkItem(item, inputs, duplicateOf, findings);
  }
  if (count === 0) findings.push(noItemsFinding(inputs.index));
  findings.push(...mojibakeFindings(findMojibake(inputs.text), inputs.index));
  return findings;
}

function finding(rule: RuleId, message: string, span: Span, itemId?: string, fix?: Finding['fix']): Finding {
  return { rule, severity: RULE_BY_ID.get(rule)!.defaultSeverity, message, span, ...(itemId !== undefined ? { itemId } : {}), ...(fix ? { fix } : {}) };
}

/**
 * The rules about one item, appended to `out` in a fixed order. `duplicateOf` is the first item
 * (in `walkItems` order) with the same explicit id, when this one repeats it.
 */
export function checkItem(item: ReadinessItem, inputs: RuleInputs, duplicateOf: ReadinessItem | undefined, out: Finding[]): void {
  const add = (rule: RuleId, message: string, span: Span) => out.push(finding(rule, message, span, item.id));
  const head = firstLine(inputs.index, item.span);
  const label = quote(item.text);
  if (item.critical && (item.state === 'open' || item.state === 'in-progress')) {
    add('critical-open', `${label} is critical and ${STATE_WORDS[item.state]}`, head);
  }
  if (item.state === 'untracked') {
    add('untracked-item', `${label} has no status marker; convert it to a checklist item to track it`, head);
  }
  if (item.unknownStatus !== undefined) {
    add('unknown-status', `Unknown status "${item.unknownStatus}" for ${label}; it counts as open`, inputs.index.span(item.marker.start, item.marker.end));
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

/** The finding of a checklist without items. */
export function noItemsFinding(index: LineIndex): Finding {
  return finding('no-items', 'No checklist items were found (task lists, status tables or status glyph bullets)', index.span(0, 0));
}

/** Findings (with fixes) for mojibake runs. */
export function mojibakeFindings(runs: readonly MojibakeRun[], index: LineIndex): Finding[] {
  return runs.map((run) =>
    finding('mojibake', `Mis-decoded text "${run.original}" (UTF-8 read as ${run.codePage}); should read "${run.repaired}"`, index.span(run.start, run.end), undefined, [
      { start: run.start, end: run.end, newText: run.repaired },
    ]),
  );
}

/** Applies the config's rule settings: overrides severities and drops rules set to `off`. */
export function applySeverities(findings: readonly Finding[], config: ReadinessConfig): Finding[] {
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
