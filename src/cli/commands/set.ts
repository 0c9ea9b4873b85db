import { relative, resolve } from 'node:path';
import {
  allItems,
  analyzeChecklist,
  applyEdits,
  decodeText,
  encodeText,
  evidenceRefusalMessage,
  findItem,
  refusesDone,
  setState,
} from '../../core';
import type { SetArgs } from '../args';
import { CliError, EXIT } from '../cliError';
import { toPosix } from '../discover';
import type { CliIo } from '../io';
import { createConfigLoader } from '../loadConfig';
import { fsErrorText, readTextFile } from '../readInput';
import { updateFile } from '../safeWrite';
import { configForPlace, existsUnder, placeChecklist } from '../workspace';

/** What one pass over the file's current bytes decided. */
type Outcome = { kind: 'refused'; label: string; line: number } | { kind: 'already' | 'written'; described: string };

/**
 * `readiness set FILE ITEM STATE [--force]`: rewrites one item's status marker; returns the exit
 * code. Marking done is refused (exit 1, nothing written) while evidence the config requires is
 * missing, unless `--force`. The write is safe (see `updateFile`): when the file changes while
 * `set` runs (another `set`, an editor), the edit is recomputed on the new text, for the same item.
 */
export function runSet(args: SetArgs, io: CliIo): number {
  const file = resolve(io.cwd, args.file);
  const shown = (absolute: string): string => toPosix(relative(io.cwd, absolute));
  const place = placeChecklist(file, undefined, io.cwd);
  // A first read for the errors users expect (missing, binary, outside the workspace) before any lock is taken.
  readTextFile(file, args.file, { root: place.root });
  // Only the settings matter here; problems in the config are for `check` to report.
  const config = configForPlace(createConfigLoader(shown)(place.configFile).config, place);

  // The item the first pass found, as its id and which of the items with that id it is.
  let pinned: { id: string; nth: number } | undefined;
  let outcome: Outcome | undefined;
  const change = (current: Uint8Array | undefined): Uint8Array | undefined => {
    if (current === undefined) throw new CliError(`cannot read ${args.file}: no such file`);
    const decoded = decodeText(current);
    if (decoded.binary) throw new CliError(`cannot read ${args.file}: binary file`);
    if (decoded.invalidUtf8) {
      throw new CliError(`cannot edit ${args.file}: not valid ${decoded.encoding.toUpperCase()} (writing it back would lose bytes)`);
    }
    const analysis = analyzeChecklist(decoded.text, { config, path: place.path, exists: existsUnder(place.root), today: io.today });
    // A later pass looks the item up by what the first pass found: lines may have moved.
    const item = pinned
      ? allItems(analysis.checklist).filter((i) => i.id === pinned!.id)[pinned.nth]
      : findItem(analysis.checklist, args.item);
    if (!item) throw noItem(args, pinned?.id);
    pinned ??= {
      id: item.id,
      nth: allItems(analysis.checklist)
        .filter((i) => i.id === item.id)
        .indexOf(item),
    };
    if (!args.force && refusesDone(analysis.config, item, args.state)) {
      outcome = { kind: 'refused', label: item.label, line: item.line };
      return undefined;
    }
    const described = `"${item.label}" (line ${item.line})`;
    const edit = setState(decoded.text, analysis.checklist, item, args.state);
    outcome = { kind: edit ? 'written' : 'already', described };
    return edit ? encodeText(applyEdits(decoded.text, [edit]), decoded.bom, decoded.encoding) : undefined;
  };
  try {
    updateFile(file, change);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot write ${args.file}: ${fsErrorText(error)}`);
  }
  return report(outcome!, args, io);
}

function report(outcome: Outcome, args: SetArgs, io: CliIo): number {
  switch (outcome.kind) {
    case 'refused':
      io.stderr(
        `readiness: ${evidenceRefusalMessage(outcome.label)}\n` +
          `Nothing was written (line ${outcome.line} of ${args.file}). Link the evidence in the item, or run again with --force to set it anyway.\n`,
      );
      return EXIT.findings;
    case 'already':
      io.stdout(`${outcome.described} is already ${args.state}\n`);
      return EXIT.ok;
    case 'written':
      io.stdout(`set ${outcome.described} to ${args.state}\n`);
      return EXIT.ok;
  }
}

function noItem(args: SetArgs, itemId: string | undefined): CliError {
  if (itemId !== undefined) {
    return new CliError(
      `item '${itemId}' is gone from ${args.file}: the file was changed by another program while set ran; nothing was written`,
    );
  }
  return new CliError(
    `no item '${args.item}' in ${args.file}`,
    `ITEM is an item id or the 1-based line an item starts on; list them with: readiness check ${args.file} --format json`,
  );
}
