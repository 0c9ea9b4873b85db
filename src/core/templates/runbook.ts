/**
 * The runbook a "Create runbook" command writes for a checklist item, as data: where it goes
 * (the item's missing runbook link, else the first runbook folder) and the short template it
 * starts from. Writing the file and linking it is the host's job.
 */
import type { ReadinessConfig } from '../config/types';
import { defaultConfig } from '../config/types';
import { linkDestination } from '../edit/links';
import type { LinkRef, ReadinessItem } from '../model/types';
import { configRelative, resolveLinkTarget } from '../parse/linkTargets';
import { slugify } from '../text/labels';

/** The runbook template's sections after its heading: a title and the line that says what goes there. */
export const RUNBOOK_SECTIONS: readonly (readonly [string, string])[] = [
  ['When to use', 'The alert, symptom or request that calls for this runbook.'],
  ['Steps', '1. The first command or action, exactly as it is typed.'],
  ['Verify', 'How to tell it worked: the dashboard, query or check to look at.'],
  ['Rollback', 'How to undo the steps if they made things worse.'],
  ['Contacts', '- Owner:\n- Escalation: who to call when the owner cannot be reached.'],
];

/** Where a new runbook goes (`runbookTarget`). */
export type RunbookTarget =
  /** `path` (workspace-relative) is the runbook; `link` says whether the item must be linked to it (it links no runbook in the workspace yet). */
  | { kind: 'file'; path: string; link: boolean }
  /** The runbook folder resolves outside the workspace folder: nothing can be created. */
  | { kind: 'outside'; dir: string };

/**
 * The runbook "Create runbook" writes or opens for an item. The link whose destination is
 * `target` (as written) when given; else the first runbook link in the workspace whose file is
 * not known to exist; else the first runbook link in the workspace (it exists: the host opens
 * it); else a new file `<first of runbooks.dirs>/<slug of the label>.md`, resolved against the
 * config's folder like `evidence.dir`, which the item must then link.
 */
export function runbookTarget(
  item: Pick<ReadinessItem, 'label' | 'runbooks'>,
  config: Pick<ReadinessConfig, 'baseDir' | 'runbooks'>,
  target?: string,
): RunbookTarget {
  const inWorkspace = item.runbooks.filter((l): l is LinkRef & { resolved: string } => l.resolved !== null && !l.outside);
  const chosen =
    inWorkspace.find((l) => target !== undefined && l.target === target) ?? inWorkspace.find((l) => l.exists !== true) ?? inWorkspace[0];
  if (chosen) return { kind: 'file', path: chosen.resolved, link: false };
  // Without runbook folders the new file still counts as a runbook: its link says "runbook".
  const dir = config.runbooks.dirs.find((d) => d.trim() !== '') ?? defaultConfig().runbooks.dirs[0];
  const resolved = resolveLinkTarget(
    `${dir.replace(/\\/g, '/').replace(/\/+$/, '')}/${runbookFileName(item.label)}`,
    configRelative(config),
  );
  return resolved.kind === 'workspace' ? { kind: 'file', path: resolved.path, link: true } : { kind: 'outside', dir };
}

/** `<slug of the label>.md`, `runbook.md` when the label has no letter or digit. */
export function runbookFileName(label: string): string {
  return `${slugify(label) || 'runbook'}.md`;
}

/** Inputs of `runbookText`. */
export interface RunbookTextOptions {
  /** The item's label: the runbook's heading. */
  label: string;
  /** The item's owner (without `@`), filled in under Contacts. */
  owner?: string | null;
  /** Workspace-relative path of the checklist, linked back to from the runbook. */
  checklistPath: string;
  /** Workspace-relative path the runbook is written to. */
  runbookPath: string;
  /** Line ending to write. */
  eol?: '\n' | '\r\n';
}

/** A new runbook: a heading with the item's label, a link back to the checklist, and the sections of `RUNBOOK_SECTIONS`. */
export function runbookText(options: RunbookTextOptions): string {
  const label = options.label.replace(/[\r\n]+/g, ' ').trim() || 'Runbook';
  const back = linkDestination(options.runbookPath, options.checklistPath);
  const lines = [`# Runbook: ${label}`, '', `For the checklist item "${label}" in [${escapeLinkText(options.checklistPath)}](${back}).`];
  for (const [title, body] of RUNBOOK_SECTIONS) {
    const text = title === 'Contacts' && options.owner ? body.replace('- Owner:', `- Owner: @${options.owner}`) : body;
    lines.push('', `## ${title}`, '', ...text.split('\n'));
  }
  const eol = options.eol ?? '\n';
  return lines.join(eol) + eol;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}
