/**
 * Ticking a task box (`[ ]` ↔ `[x]`) changes nothing in a document's Markdown structure but the
 * list item's `checked` flag: no position moves, no text changes. Its section can therefore be
 * patched instead of parsed again — the most frequent edit gets the cheapest update.
 */
import type { ItemState, ReadinessItem, UsedTokens } from './model';
import type { SectionBuild } from './sections';
import { cloneItem } from './shiftModel';

/** What a GFM task box can hold; anything else (`[~]`, `[-]`) is paragraph text to the parser. */
const TASK_BOX = new Set([' ', 'x', 'X']);
const NO_MOVE = { offset: 0, line: 0 };

/**
 * The section with the task box at `offset` changed from `before` to `after`, or undefined when
 * the edit is not such a tick (then the section must be parsed).
 */
export function patchTick(build: SectionBuild, offset: number, before: string, after: string): SectionBuild | undefined {
  if (!TASK_BOX.has(before) || !TASK_BOX.has(after)) return undefined;
  const target = build.items.findIndex((item) => item.marker.style === 'box' && item.marker.start === offset && item.marker.text === before);
  if (target < 0) return undefined;
  const items: ReadinessItem[] = [];
  const events = build.events.map((event) => {
    if (event.kind === 'heading') return event;
    const copies = event.items.map((item) => cloneItem(item, NO_MOVE));
    const stack = [...copies].reverse();
    while (stack.length > 0) {
      const copy = stack.pop()!;
      items.push(copy);
      for (let c = copy.children.length - 1; c >= 0; c--) stack.push(copy.children[c]);
    }
    return { ...event, items: copies };
  });
  const ticked = items[target];
  ticked.state = stateOf(after);
  ticked.marker = { ...ticked.marker, text: after };
  // The item's state changed, which its cached findings do not know about.
  build.memos[target].findings = undefined;
  return { ...build, events, items, usedTokens: withBoxTokens(build.usedTokens, items), shared: false, dirty: false, version: build.version + 1, findings: undefined };
}

function stateOf(box: string): ItemState {
  return box === ' ' ? 'open' : 'done';
}

/** The section's tokens with the box family noted again from its items, in document order. */
function withBoxTokens(tokens: UsedTokens, items: readonly ReadinessItem[]): UsedTokens {
  const box: NonNullable<UsedTokens['box']> = {};
  for (const item of items) {
    if (item.marker.style !== 'box') continue;
    const state = item.state === 'untracked' ? 'open' : item.state;
    box[state] ??= `[${item.marker.text}]`;
  }
  return { ...tokens, box };
}
