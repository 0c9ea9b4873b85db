import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { analyzeChecklist, applyEdits, encodeText, evidenceRefusalMessage, findItem, refusesDone, setState } from '../../core';
import type { SetArgs } from '../args';
import { CliError, EXIT } from '../cliError';
import { toPosix } from '../discover';
import type { CliIo } from '../io';
import { createConfigLoader } from '../loadConfig';
import { fsErrorText, readTextFile } from '../readInput';
import { configForPlace, existsUnder, placeChecklist } from '../workspace';

/**
 * `readiness set FILE ITEM STATE [--force]`: rewrites one item's status marker in place; returns
 * the exit code. Marking done is refused (exit 1, nothing written) while evidence the config
 * requires is missing, unless `--force`.
 */
export function runSet(args: SetArgs, io: CliIo): number {
  const file = resolve(io.cwd, args.file);
  const shown = (absolute: string): string => toPosix(relative(io.cwd, absolute));
  const decoded = readTextFile(file, args.file);
  if (decoded.invalidUtf8) {
    throw new CliError(`cannot edit ${args.file}: not valid UTF-8 (writing it back would lose bytes)`);
  }
  const place = placeChecklist(file, undefined, io.cwd);
  // Only the settings matter here; problems in the config are for `check` to report.
  const { config } = createConfigLoader(shown)(place.configFile);
  // Links are checked: evidence that exists is what the evidence policy asks for.
  const analysis = analyzeChecklist(decoded.text, {
    config: configForPlace(config, place),
    path: place.path,
    exists: existsUnder(place.root),
    today: io.today,
  });
  const { checklist } = analysis;

  const item = findItem(checklist, args.item);
  if (!item) {
    throw new CliError(
      `no item '${args.item}' in ${args.file}`,
      `ITEM is an item id or the 1-based line an item starts on; list them with: readiness check ${args.file} --format json`,
    );
  }
  const described = `"${item.label}" (line ${item.line})`;
  if (!args.force && refusesDone(analysis.config, item, args.state)) {
    io.stderr(
      `readiness: ${evidenceRefusalMessage(item.label)}\n` +
        `Nothing was written (line ${item.line} of ${args.file}). Link the evidence in the item, or run again with --force to set it anyway.\n`,
    );
    return EXIT.findings;
  }
  const edit = setState(decoded.text, checklist, item, args.state);
  if (!edit) {
    io.stdout(`${described} is already ${args.state}\n`);
    return EXIT.ok;
  }
  try {
    writeFileSync(file, encodeText(applyEdits(decoded.text, [edit]), decoded.bom));
  } catch (error) {
    throw new CliError(`cannot write ${args.file}: ${fsErrorText(error)}`);
  }
  io.stdout(`set ${described} to ${args.state}\n`);
  return EXIT.ok;
}
