import { version } from '../../package.json';
import { TEMPLATES } from './coreLite';
import type { HelpTopic } from './args';

/** The package version, inlined by the bundler. */
export const VERSION: string = version;

const MAIN = `readiness ${VERSION}: check PRODUCTION_READINESS.md checklists

Usage:
  readiness check [paths…] [options]   report progress and problems
  readiness set FILE ITEM STATE        mark an item done, open, in-progress or n/a
  readiness report [paths…] --out FILE write an HTML report with charts
  readiness init [folder] [options]    write a starter checklist and .readiness.yml
  readiness history [paths…] [options] progress at each commit, from git
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
  -f, --format FORMAT            output format (default: text):
                                   text      progress bars and findings, for people
                                   json      the full model (schemas/readiness-report.schema.json)
                                   compact   path:line:col: severity: message [rule]
                                   sarif     SARIF 2.1.0, for GitHub code scanning
                                   junit     JUnit XML, one test case per item
                                   github    GitHub Actions annotations
                                   markdown  summary for a PR comment or $GITHUB_STEP_SUMMARY
  -c, --config FILE              use this config for every checklist (default: the
                                 nearest .readiness.yml up to the repository root)
      --fail-on error|warning|never
                                 exit 1 when a finding has at least this severity
                                 (default: error)
      --no-color                 no colours (also: NO_COLOR=1; colour is used only
                                 on a terminal)
      --max-size N               analyse files up to N million characters (default: 2);
                                 larger ones get a too-large finding
      --cache                    reuse the analyses of files whose content, config,
                                 linked files and date are unchanged since the last run
      --cache-location DIR       where --cache keeps them (default:
                                 node_modules/.cache/readiness)
      --blame                    who last changed each item's status marker, from
                                 git blame: "lastChange" in json; the sign-offs of
                                 done critical items in text, markdown (needs git
                                 and the full history: not a shallow clone)
  -h, --help                     show this help

Exit codes: 0 clean, 1 findings at or above --fail-on (a file or folder that
cannot be read is an "unreadable" error), 2 usage error or a missing named path.
`;

const SET = `Usage: readiness set FILE ITEM STATE [options]

Sets one item's state in place, changing only its status marker.
  ITEM    an item id (see \`readiness check FILE --format json\`) or a 1-based line number
  STATE   done | open | in-progress | n/a   (aliases: inprogress, na)

When .readiness.yml sets evidence.required (critical or all), an item that needs
evidence is not marked done while it links no existing evidence file: nothing is
written and the exit code is 1.

Options:
      --force                    mark done even though required evidence is missing
  -h, --help                     show this help

Examples:
  readiness set PRODUCTION_READINESS.md rollback-tested done
  readiness set PRODUCTION_READINESS.md 42 in-progress

Exit codes: 0 set (or already in that state), 1 refused: required evidence is missing
(see --force), 2 usage error, unreadable file or unknown item.
`;

const REPORT = `Usage: readiness report [paths…] [options]

Writes one self-contained HTML page (no scripts, no external requests): overall
progress, a bar per category, open critical items with owners and due dates,
evidence coverage and findings. Paths are chosen as for \`readiness check\`.

Options:
  -o, --out FILE                 write the page to FILE (default: stdout)
  -c, --config FILE              use this config for every checklist
      --title TEXT               the page's heading (default: Production readiness)
      --max-size N               analyse files up to N million characters (default: 2)
      --cache                    reuse unchanged analyses, as for \`readiness check\`
      --cache-location DIR       where --cache keeps them (default:
                                 node_modules/.cache/readiness)
      --history                  add a burn-up chart per checklist and overall (done
                                 vs total per day, critical open) and who signed off
                                 each done critical item, from git
  -h, --help                     show this help

Exit codes: 0 written (what cannot be read is listed as "unreadable"), 2 usage error.
`;

const INIT = `Usage: readiness init [folder] [options]

Writes PRODUCTION_READINESS.md and .readiness.yml from a built-in template into
the folder (default: the current folder; created when missing). Refuses to
overwrite existing files unless --force is given.

Options:
  -t, --template NAME            ${TEMPLATES.map((t) => t.id).join(' | ')} (default: ${TEMPLATES[0].id})
      --force                    overwrite existing files
  -h, --help                     show this help

Templates:
${TEMPLATES.map((t) => `  ${t.id.padEnd(14)} ${t.description}`).join('\n')}

Exit codes: 0 written, 2 usage error, existing files or a write error.
`;

const HISTORY = `Usage: readiness history [paths…] [options]

Shows how each checklist's progress moved over its git history: a point per
commit that changed it (renames followed; a merged branch shows as its merge
commit), oldest first, and a last point for uncommitted changes. Paths are
chosen as for \`readiness check\`. Needs git and the full history: in CI, check
out with \`fetch-depth: 0\` (actions/checkout).

Options:
  -f, --format FORMAT            output format (default: text):
                                   text  a burn-up (sparklines of done, total,
                                         critical open and each category) and the
                                         commits that moved progress
                                   json  schemas/readiness-history.schema.json
                                   csv   one row per checklist and commit
      --since DATE               only commits since DATE (git log --since: 2026-11-01,
                                 "2 weeks ago")
  -n, --max-count N              only the newest N commits of each checklist
  -c, --config FILE              use this config for every checklist
      --max-size N               analyse files up to N million characters (default: 2)
  -h, --help                     show this help

Exit codes: 0 shown, 2 usage error, git missing, not a git repository, a shallow
clone or a checklist never committed.
`;

/** The help text for a topic. */
export function helpText(topic: HelpTopic): string {
  switch (topic) {
    case 'main':
      return MAIN;
    case 'check':
      return CHECK;
    case 'set':
      return SET;
    case 'report':
      return REPORT;
    case 'init':
      return INIT;
    case 'history':
      return HISTORY;
  }
}
