/**
 * Link existence as the rules see it. Parsing leaves every link unchecked (`exists: null`); an
 * evaluation asks the host's `exists` about each link that resolves into the workspace and
 * records the answer on the link, so that the rules (`evidence-broken`, `evidence-missing`,
 * `link-outside-workspace`) read it like any other field of the item.
 */
import type { Checklist, LinkRef, ReadinessItem } from '../model/types';
import { walkItems } from '../model/walk';

/** What an `exists` check says about a link target: `'outside'` when it resolves outside the workspace (a symbolic link pointing out). */
export type LinkCheck = boolean | 'outside';

/** Workspace-relative paths of every evidence and runbook link that can be checked. */
export function linkTargets(checklist: Checklist): string[] {
  const targets = new Set<string>();
  for (const item of walkItems(checklist.items, checklist.categories)) {
    for (const link of [...item.evidence, ...item.runbooks]) if (link.resolved !== null) targets.add(link.resolved);
  }
  return [...targets];
}

/** A function that sets `exists` and `outside` of a link that resolves into the workspace (answers cached per path). */
export function linkChecker(exists: (path: string) => LinkCheck): (link: LinkRef) => void {
  const cache = new Map<string, LinkCheck>();
  return (link) => {
    if (link.resolved === null) return;
    let known = cache.get(link.resolved);
    if (known === undefined) {
      known = safeExists(exists, link.resolved);
      cache.set(link.resolved, known);
    }
    // Set on every evaluation: a symbolic link may have been replaced by a file meanwhile.
    link.outside = known === 'outside';
    link.exists = known === true;
  };
}

/** A link as a parse leaves it, for an evaluation that does not check links. */
export function uncheckLink(link: LinkRef): void {
  if (link.resolved === null) return;
  link.exists = null;
  link.outside = false;
}

/** Past the largest `linkState`: ends a list of link states. */
export const END_OF_LINKS = 6;

/** A link's existence and outside flags as one number below `END_OF_LINKS`. */
export function linkState(link: LinkRef): number {
  return (link.exists === null ? 0 : link.exists ? 1 : 2) + (link.outside ? 3 : 0);
}

/** The states of an item's links, as a string (one character per link, `|` between evidence and runbooks). */
export function linkStates(item: ReadinessItem): string {
  let states = '';
  for (let i = 0; i < item.evidence.length; i++) states += linkState(item.evidence[i]);
  states += '|';
  for (let i = 0; i < item.runbooks.length; i++) states += linkState(item.runbooks[i]);
  return states;
}

function safeExists(exists: (path: string) => LinkCheck, path: string): LinkCheck {
  try {
    return exists(path);
  } catch {
    return false;
  }
}
