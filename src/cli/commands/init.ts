import { existsSync, lstatSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { CHECKLIST_FILE_NAME, CONFIG_FILE_NAME, CONFIG_FILE_NAMES, encodeText, starterChecklist, starterConfig } from '../../core';
import type { InitArgs } from '../args';
import { CliError, EXIT } from '../cliError';
import { toPosix } from '../discover';
import type { CliIo } from '../io';
import { fsErrorText } from '../readInput';
import { createFile, replaceFile } from '../safeWrite';

/**
 * `readiness init`: writes PRODUCTION_READINESS.md and .readiness.yml from a template into a
 * folder (created when missing). Existing files are only replaced with `--force`; without it,
 * nothing is written. Symbolic links (dangling ones included) are never written through, even
 * with `--force`. Returns the exit code.
 */
export function runInit(args: InitArgs, io: CliIo): number {
  const folder = resolve(io.cwd, args.folder ?? '.');
  const shown = (path: string) => toPosix(relative(io.cwd, path)) || '.';
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new CliError(`cannot init ${shown(folder)}: not a folder`);
  const targets = [CHECKLIST_FILE_NAME, ...CONFIG_FILE_NAMES].map((name) => join(folder, name));
  const links = targets.filter(isSymbolicLink);
  if (links.length > 0) {
    throw new CliError(
      `${links.map(shown).join(' and ')} ${links.length === 1 ? 'is a symbolic link' : 'are symbolic links'}; init never writes through links; nothing was written`,
      'Remove the link, or write the files where it points yourself.',
    );
  }
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
  const created: string[] = [];
  let current = folder;
  try {
    mkdirSync(folder, { recursive: true });
    for (const [file, text] of files) {
      current = file;
      // Without --force a file is only created, never replaced (a link or file appearing meanwhile included);
      // with it, the entry is replaced, a link that appeared meanwhile included, and nothing is written through it.
      if (args.force && existsSync(file)) replaceFile(file, encodeText(text, false), { followLinks: false });
      else {
        createFile(file, encodeText(text, false));
        created.push(file);
      }
    }
  } catch (error) {
    // All or nothing: what this run created is removed again.
    for (const file of created) removeQuietly(file);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new CliError(`${shown(current)} appeared while init ran; nothing was written`);
    throw new CliError(`cannot write to ${shown(folder)}: ${fsErrorText(error)}`);
  }
  const verb = existing.length > 0 ? 'wrote (overwriting existing files)' : 'created';
  io.stdout(`${verb} ${files.map(([file]) => shown(file)).join(' and ')} from the ${args.template} template\n`);
  return EXIT.ok;
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Best effort: the error that stopped init is the one to report.
  }
}
