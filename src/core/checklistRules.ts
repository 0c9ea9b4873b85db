import type { ReadinessConfig } from './configTypes';
import { walkItems } from './itemIds';
import type { LineIndex } from './lineIndex';
import type { Checklist, LinkRef, ReadinessItem, Span } from './model';
import { findMojibake } from './mojibake';
import { RULE_BY_ID, type Finding, type RuleId } from './rules';

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
  const add = (rule: RuleId, message: string, span: Span, itemId?: string, fix?: Finding['fix']) => {
    findings.push({ rule, severity: RULE_BY_ID.get(rule)!.defaultSeverity, message, span, ...(itemId !== undefined ? { itemId } : {}), ...(fix ? { fix } : {}) });
  };
  const seenExplicit = new Map<string, ReadinessItem>();
  let count = 0;
  for (const item of walkItems(checklist.items, checklist.categories)) {
    count++;
    const head = firstLine(inputs.index, item.span);
    const label = quote(item.text);
    if (item.critical && (item.state === 'open' || item.state === 'in-progress')) {
      add('critical-open', `${label} is critical and ${STATE_WORDS[item.state]}`, head, item.id);
    }
    if (item.state === 'untracked') {
      add('untracked-item', `${label} has no status marker; convert it to a checklist item to track it`, head, item.id);
    }
    if (item.unknownStatus !== undefined) {
      add('unknown-status', `Unknown status "${item.unknownStatus}" for ${label}; it counts as open`, inputs.index.span(item.marker.start, item.marker.end), item.id);
    }
    if (item.explicitId) {
      const first = seenExplicit.get(item.id);
      if (first) add('duplicate-id', `Duplicate id "${item.id}" (first used on line ${first.line})`, head, item.id);
      else seenExplicit.set(item.id, item);
    }
    if (inputs.today && item.due && item.due < inputs.today && item.state !== 'done' && item.state !== 'n/a') {
      add('overdue', `${label} was due on ${item.due}`, head, item.id);
    }
    for (const link of [...item.evidence, ...item.runbooks]) {
      if (link.outside) {
        add('link-outside-workspace', `Link "${link.target}" points outside the workspace; it is not followed`, link.span, item.id);
      } else if (link.exists === false) {
        const kind = item.runbooks.includes(link) ? 'Runbook' : 'Evidence';
        add('evidence-broken', `${kind} "${link.target}" does not exist`, link.span, item.id);
      }
    }
    if (item.state === 'done' && needsEvidence(inputs.config, item) && !hasEvidence(item.evidence, inputs.linksChecked)) {
      add('evidence-missing', `${label} is done but links to no existing evidence`, head, item.id);
    }
  }
  if (count === 0) {
    add('no-items', 'No checklist items were found (task lists, status tables or status glyph bullets)', inputs.index.span(0, 0));
  }
  for (const run of findMojibake(inputs.text)) {
    add('mojibake', `Mis-decoded text "${run.original}" (UTF-8 read as ${run.codePage}); should read "${run.repaired}"`, inputs.index.span(run.start, run.end), undefined, [
      { start: run.start, end: run.end, newText: run.repaired },
    ]);
  }
  return findings;
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
