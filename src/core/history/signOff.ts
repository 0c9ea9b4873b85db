/**
 * Who signed an item off: the commit that last changed the line holding its status marker (the
 * `[x]`, the status cell, the glyph). Blame follows a line through commits that only moved it
 * (the CLI asks git for `-M`), so an item moved to another section keeps its sign-off.
 */
import type { Checklist } from '../model/types';
import { walkItems } from '../model/walk';
import { LineIndex } from '../text/lineIndex';
import type { BlameLine, LastChange } from './types';

/**
 * Each item's last change (by id): null when its marker line is not committed yet, absent when
 * the blame does not cover that line (it was taken of another version of the text).
 */
export function lastChanges(
  checklist: Checklist,
  index: LineIndex,
  blame: readonly (BlameLine | undefined)[],
  subjects: ReadonlyMap<string, string> = new Map(),
): Map<string, LastChange | null> {
  const out = new Map<string, LastChange | null>();
  for (const item of walkItems(checklist.items, checklist.categories)) {
    const line = item.marker.style === 'none' ? item.line : index.positionAt(item.marker.start).line;
    const entry = blame[line - 1];
    if (!entry) continue;
    out.set(
      item.id,
      entry.commit === null
        ? null
        : { commit: entry.commit, author: entry.author, date: entry.date, subject: entry.subject ?? subjects.get(entry.commit) ?? '' },
    );
  }
  return out;
}

/**
 * `lastChanges` of the text the checklist was analysed from (the CLI keeps the text, not the
 * analyzer's line index). Lines the blame does not cover come out null: a shorter blame is of an
 * older version, and an item it cannot name is not signed off.
 */
export function lastChangesOfText(
  checklist: Checklist,
  text: string,
  blame: readonly (BlameLine | undefined)[],
): Map<string, LastChange | null> {
  const changes = lastChanges(checklist, new LineIndex(text), blame);
  for (const item of walkItems(checklist.items, checklist.categories)) if (!changes.has(item.id)) changes.set(item.id, null);
  return changes;
}
