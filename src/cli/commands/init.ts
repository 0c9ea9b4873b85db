import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { CHECKLIST_FILE_NAME, CONFIG_FILE_NAME, CONFIG_FILE_NAMES, starterChecklist, starterConfig } from '../../core';
import type { InitArgs } from '../args';
import { CliError, EXIT } from '../cliError';
import { toPosix } from '../discover';
import type { CliIo } from '../io';
import { fsErrorText } from '../readInput';

/**
 * `readiness init`: writes PRODUCTION_READINESS.md and .readiness.yml from a template into a
 * folder (created when missing). Existing files are only replaced with `--force`; without it,
 * nothing is written. Returns the exit code.
 */
export function runInit(args: InitArgs, io: CliIo): number {
  const folder = resolve(io.cwd, args.folder ?? '.');
  const shown = (path: string) => toPosix(relative(io.cwd, path)) || '.';
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new CliError(`cannot init ${shown(folder)}: not a folder`);
  const targets = [CHECKLIST_FILE_NAME, ...CONFIG_FILE_NAMES].map((name) => join(folder, name));
  const existing = targets.filter((file) => existsSync(file));
  if (existing.length > 0 && !args.force) {
    throw new CliError(
      `${existing.map(shown).join(' and ')} already ${existing.length === 1 ? 'exists' : 'exist'}; nothing was written`,
      'Run `readiness init --force` to overwrite.',
    );
  }
  const name = basename(folder);
  const files: [string, string][] = [
    [join(folder, CHECKLIST_FILE_NAME), starterChecklist({ name, today: io.today, template: args.template })],
    [join(folder, CONFIG_FILE_NAME), starterConfig(args.template)],
  ];
  try {
    mkdirSync(folder, { recursive: true });
    for (const [file, text] of files) writeFileSync(file, text);
  } catch (error) {
    throw new CliError(`cannot write to ${shown(folder)}: ${fsErrorText(error)}`);
  }
  const verb = existing.length > 0 ? 'wrote (overwriting existing files)' : 'created';
  io.stdout(`${verb} ${files.map(([file]) => shown(file)).join(' and ')} from the ${args.template} template\n`);
  return EXIT.ok;
}
