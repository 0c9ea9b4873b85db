import { version } from '../../package.json';
import type { HelpTopic } from './args';

/** The package version, inlined by the bundler. */
export const VERSION: string = version;

const MAIN = `readiness ${VERSION}: check PRODUCTION_READINESS.md checklists

Usage:
  readiness check [paths…] [options]   report progress and problems
  readiness set FILE ITEM STATE        mark an item done, open, in-progress or n/a
  readiness help [command]             show help for a command

Options:
  -h, --help      show help
  -v, --version   show the version

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.
Docs: https://github.com/production-readiness/production-readiness#readme
`;

const CHECK = `Usage: readiness check [paths…] [options]

Checks readiness checklists and reports their progress and findings.
Paths may be files or folders; a folder is searched for Markdown files (*.md,
*.markdown), skipping node_modules, .git and hidden folders. Without paths, the
\`checklists\` globs of the nearest .readiness.yml are used, else
**/PRODUCTION_READINESS.md under the current folder.

Options:
  -f, --format text|json         output format (default: text)
  -c, --config FILE              use this config for every checklist (default: the
                                 nearest .readiness.yml up to the repository root)
      --fail-on error|warning|never
                                 exit 1 when a finding has at least this severity
                                 (default: error)
      --no-color                 no colours (also: NO_COLOR=1; colour is used only
                                 on a terminal)
  -h, --help                     show this help

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.
`;

const SET = `Usage: readiness set FILE ITEM STATE

Sets one item's state in place, changing only its status marker.
  ITEM    an item id (see \`readiness check FILE --format json\`) or a 1-based line number
  STATE   done | open | in-progress | n/a   (aliases: inprogress, na)

Examples:
  readiness set PRODUCTION_READINESS.md rollback-tested done
  readiness set PRODUCTION_READINESS.md 42 in-progress

Exit codes: 0 set (or already in that state), 2 usage error, unreadable file or unknown item.
`;

/** The help text for a topic. */
export function helpText(topic: HelpTopic): string {
  switch (topic) {
    case 'main': return MAIN;
    case 'check': return CHECK;
    case 'set': return SET;
  }
}
