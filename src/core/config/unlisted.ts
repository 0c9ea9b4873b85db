/**
 * Markdown files that look like readiness checklists although no config names them (issue 17
 * point 9): the hosts offer to add them to `.readiness.yml`. A file qualifies by its name
 * (production, readiness, checklist, PRR, go-live … in any case and with any separator) or by
 * its head: a heading that names a checklist together with task items or a status table. Only
 * the first `CHECKLIST_HEAD_CHARS` characters are read, so a workspace of thousands of Markdown
 * files is looked through cheaply; a false offer costs one unticked row in a pick, a missed
 * checklist stays invisible, so the rule leans towards offering.
 */
import { BOX_CLASS } from '../parse/taskBox';
import { isStatusHeader } from '../parse/tableColumns';

/** How much of a file's text the content rule reads. */
export const CHECKLIST_HEAD_CHARS = 16_384;

/** Folders never searched: dependencies, version control, build output and caches. */
export const UNLISTED_EXCLUDED_FOLDERS = [
  'node_modules',
  '.git',
  'dist',
  'out',
  'build',
  'target',
  'vendor',
  'coverage',
  '.next',
  '.nuxt',
  '.cache',
  '.venv',
  'venv',
  '__pycache__',
  'bower_components',
  '.vscode-test',
] as const;

/** `UNLISTED_EXCLUDED_FOLDERS` as one glob, for a host's file search. */
export const UNLISTED_EXCLUDE_GLOB = `{${UNLISTED_EXCLUDED_FOLDERS.map((f) => `**/${f}/**`).join(',')}}`;

/** True when a relative POSIX path lies in a folder that is never searched. */
export function isExcludedPath(path: string): boolean {
  const folders = path.split('/').slice(0, -1);
  return folders.some((f) => (UNLISTED_EXCLUDED_FOLDERS as readonly string[]).includes(f));
}

/** Name words that alone make a checklist: the file says what it is. */
const STRONG_NAME =
  /(?:^| )(?:readiness|checklists?|check ?list|prr|orr|go ?live|going ?live|pre ?launch|pre ?flight|launch ?gate|cutover)(?: |$)|チェックリスト|检查清单|检查单|上线|就绪|чек ?лист|готовност/u;

/** Name words that make a checklist when the file is also a list (a `production.md` of prose is not one). */
const WEAK_NAME = /(?:^| )(?:pre ?)?(?:production|prod|launch|deployment|release|operational|ops ?review)(?: |$)|本番|运维|生产/u;

/** Heading words that name a checklist. */
const STRONG_HEADING =
  /\b(?:readiness|checklists?|check[ -]list|prr|orr|go[ -]?live|going[ -]live|pre-?launch|pre-?flight|launch (?:gate|review|plan)|pre-?production|production (?:review|gates?|criteria|requirements|practices|standards)|operational (?:readiness|acceptance)|signoff|sign-off)\b|チェック|本番|検収|受入|检查|上线|就绪|验收|чек-?лист|готовност|запуск/iu;

const BULLET = String.raw`^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])[ \t]+`;
const TASK_LINE = new RegExp(`${BULLET}\\[${BOX_CLASS.all}\\](?:[ \\t]|$)`);
/** Status glyphs that stand for a box: `- ☐ item`, `- ✅ done`, a bare `☐ item` line. */
const GLYPH_LINE = /^[ \t]{0,12}(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:[☐☑☒✅❌⬜✔✓⏳]|:white_check_mark:|:x:)/u;
const LIST_LINE = new RegExp(BULLET);
const HEADING_LINE = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;

/** Task items that make a checklist of a text that names one only in its prose. */
const MANY_TASKS = 10;

/** What the head of a file holds, for the content rule. */
export interface ChecklistSigns {
  /** Headings (and front matter `title:`/`name:`) that name a checklist. */
  checklistHeadings: number;
  /** Whether the first heading (or the front matter title) names one. */
  titleNamesChecklist: boolean;
  /** Task items (`- [ ]`, `1. [x]`, the extended boxes) and status-glyph bullets. */
  tasks: number;
  /** Tables whose header names a status column. */
  statusTables: number;
  /** List items of any kind, and table rows below a header. */
  listItems: number;
  /** Whether the head's text (prose too) names a checklist anywhere. */
  textNamesChecklist: boolean;
}

/**
 * Whether a Markdown file looks like a readiness checklist: by its name, or by the head of its
 * text when given. `path` is relative and POSIX (only its last segment is read by name); a path
 * in an excluded folder never qualifies.
 */
export function looksLikeChecklist(path: string, text?: string): boolean {
  if (isExcludedPath(path) || !/\.(?:md|markdown)$/i.test(path)) return false;
  const name = nameWords(path);
  if (STRONG_NAME.test(name)) return true;
  if (text === undefined) return false;
  const signs = checklistSigns(text);
  if (WEAK_NAME.test(name) && (signs.checklistHeadings > 0 || signs.tasks > 0 || signs.statusTables > 0 || signs.listItems >= 3))
    return true;
  // Many tasks under headings that do not say it, in a text that does ("these checklists are …").
  if (signs.checklistHeadings === 0) return signs.tasks >= MANY_TASKS && signs.textNamesChecklist;
  return signs.tasks >= 3 || signs.statusTables > 0 || (signs.titleNamesChecklist && signs.listItems >= 3);
}

/** True when the file name alone decides: a host can skip reading the file. */
export function nameLooksLikeChecklist(path: string): boolean {
  return !isExcludedPath(path) && STRONG_NAME.test(nameWords(path)) && /\.(?:md|markdown)$/i.test(path);
}

/** The file name without extension, as lower-case words: `ProdReadiness_v2.md` → `prod readiness v 2`. */
export function nameWords(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  return base
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_, a, b, c, d) => (a !== undefined ? `${a} ${b}` : `${c} ${d}`))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Reads the head of a text (`CHECKLIST_HEAD_CHARS`) for the signs of a checklist; fenced code is skipped. */
export function checklistSigns(text: string): ChecklistSigns {
  const head = text.slice(0, CHECKLIST_HEAD_CHARS).replace(/^\uFEFF/, '');
  const lines = head.split(/\r\n|\r|\n/);
  // The last line may be cut in the middle; it still counts.
  const signs: ChecklistSigns = {
    checklistHeadings: 0,
    titleNamesChecklist: false,
    tasks: 0,
    statusTables: 0,
    listItems: 0,
    textNamesChecklist: STRONG_HEADING.test(head),
  };
  let tableRows = false;
  let titleSeen = false;
  const heading = (title: string) => {
    const names = STRONG_HEADING.test(title);
    if (names) signs.checklistHeadings++;
    if (!titleSeen) signs.titleNamesChecklist = names;
    titleSeen = true;
  };
  let i = 0;
  if (/^---[ \t]*$/.test(lines[0] ?? '')) {
    for (i = 1; i < lines.length && !/^(?:---|\.\.\.)[ \t]*$/.test(lines[i]); i++) {
      const field = /^(?:title|name|about):[ \t]*["']?(.*?)["']?[ \t]*$/.exec(lines[i]);
      if (field && STRONG_HEADING.test(field[1])) heading(field[1]);
    }
    i++;
  }
  let fence: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && /^[ \t]*[`~]+[ \t]*$/.test(line))
        fence = undefined;
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      continue;
    }
    const title = HEADING_LINE.exec(line);
    if (title) heading(title[1]);
    else if (TASK_LINE.test(line) || GLYPH_LINE.test(line)) signs.tasks++;
    if (LIST_LINE.test(line)) signs.listItems++;
    if (line.includes('|') && TABLE_DELIMITER.test(lines[i + 1] ?? '') && /-/.test(lines[i + 1])) {
      if (splitRow(line).some(isStatusHeader)) signs.statusTables++;
      tableRows = true;
      i++;
    } else if (tableRows && line.includes('|')) signs.listItems++;
    else tableRows = false;
  }
  return signs;
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}
