/**
 * `readiness history` output: the progress of each checklist at each version, as JSON
 * (`schemas/readiness-history.schema.json`), CSV (one row per version) or text (a burn-up of
 * sparklines and the commits that moved progress).
 */
import { displayWidth as stringWidth, padEnd, truncate as cut } from './columns';
import type { HistoryPoint } from '../history/types';
import { visibleText } from './visibleText';

/** One checklist's history, oldest version first. */
export interface HistoryFile {
  /** The checklist's path as the report shows it (relative to the current folder, POSIX). */
  path: string;
  points: HistoryPoint[];
}

/** A point of `history --format json`: a `HistoryPoint` without the categories. */
export type HistoryJsonPoint = Omit<HistoryPoint, 'categories'>;

/** The whole `history --format json` document. */
export interface HistoryReport {
  version: 1;
  files: { path: string; points: HistoryJsonPoint[] }[];
}

/** The fields of a JSON point and the columns of a CSV row (after `path`), in order. */
const FIELDS = [
  'commit',
  'date',
  'author',
  'subject',
  'done',
  'open',
  'inProgress',
  'notApplicable',
  'untracked',
  'criticalOpen',
  'percent',
] as const satisfies readonly (keyof HistoryJsonPoint)[];

/** The JSON document of the histories. */
export function buildHistoryReport(files: readonly HistoryFile[]): HistoryReport {
  return {
    version: 1,
    files: files.map((f) => ({
      path: f.path,
      points: f.points.map((p) => Object.fromEntries(FIELDS.map((k) => [k, p[k]])) as unknown as HistoryJsonPoint),
    })),
  };
}

/** `history --format csv`: a header and one row per point, RFC 4180 (CRLF, quoted when needed); text that would start a spreadsheet formula gets a leading `'`. */
export function historyCsv(files: readonly HistoryFile[]): string {
  const rows = [['path', ...FIELDS].join(',')];
  for (const file of files) {
    for (const p of file.points) rows.push([file.path, ...FIELDS.map((k) => p[k])].map(csvField).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  // A commit subject or author a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `@SUM`)
  // is kept as text: a leading apostrophe, as OWASP advises for CSV exports.
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const LEVELS = '▁▂▃▄▅▆▇█';
/** Most characters in a sparkline: longer histories are sampled (the last point always shown). */
export const SPARK_WIDTH = 60;

/** One character per value (0 → ▁, max → █); null (nothing tracked, or no such category yet) is a space. */
export function sparkline(values: readonly (number | null)[], max: number): string {
  return sample(values)
    .map((v) => (v === null ? ' ' : LEVELS[max <= 0 ? 0 : Math.max(0, Math.min(7, Math.floor((v * 8) / max)))]))
    .join('');
}

/** At most `SPARK_WIDTH` values, evenly spread, ending with the last. */
function sample<T>(values: readonly T[]): T[] {
  if (values.length <= SPARK_WIDTH) return [...values];
  return Array.from({ length: SPARK_WIDTH }, (_, k) => values[Math.round(((k + 1) * values.length) / SPARK_WIDTH) - 1]);
}

/** `history` text: per checklist a burn-up (done, total, each top-level category) and the commits that moved it. */
export function historyText(files: readonly HistoryFile[]): string {
  return `${files.map(fileBlock).join('\n\n')}\n`;
}

const tracked = (p: HistoryPoint) => p.done + p.open + p.inProgress;
const day = (p: HistoryPoint) => p.date.slice(0, 10);
const short = (p: HistoryPoint) => (p.commit === null ? 'working' : p.commit.slice(0, 7));

function fileBlock(file: HistoryFile): string {
  const { points } = file;
  const lines = [visibleText(file.path)];
  if (points.length === 0) return [...lines, '  no versions'].join('\n');
  const first = points[0];
  const last = points[points.length - 1];
  const versions = `${points.length} ${points.length === 1 ? 'version' : 'versions'}`;
  lines[0] += `  ${versions}, ${day(first)} → ${day(last)}${last.commit === null ? ' (working tree)' : ''}`;

  const max = Math.max(1, ...points.map(tracked));
  const categoryTitles = last.categories.map((c) => c.title).filter((t, i, all) => all.indexOf(t) === i);
  const rows: [string, string, string][] = [
    [
      'Done',
      sparkline(
        points.map((p) => p.done),
        max,
      ),
      `${first.done} → ${last.done} of ${tracked(last)}${percentOf(last)}`,
    ],
    ['Total', sparkline(points.map(tracked), max), `${tracked(first)} → ${tracked(last)} tracked`],
    [
      'Critical open',
      sparkline(
        points.map((p) => p.criticalOpen),
        Math.max(1, ...points.map((p) => p.criticalOpen)),
      ),
      `${first.criticalOpen} → ${last.criticalOpen}`,
    ],
    ...categoryTitles.map((title): [string, string, string] => {
      const of = (p: HistoryPoint) => p.categories.find((c) => c.title === title);
      const now = of(last)!;
      return [
        visibleText(title || '(untitled)'),
        sparkline(
          points.map((p) => of(p)?.percent ?? null),
          100,
        ),
        `${now.done}/${now.tracked}${now.percent === null ? '' : ` (${now.percent}%)`}`,
      ];
    }),
  ];
  const labelWidth = Math.min(30, Math.max(...rows.map(([label]) => stringWidth(label))));
  for (const [label, spark, note] of rows) lines.push(`  ${padEnd(cut(label, labelWidth), labelWidth)}  ${spark}  ${note}`);

  const moves = points.slice(1).flatMap((p, i) => (moved(points[i], p) ? [[points[i], p] as const] : []));
  lines.push('', moves.length === 0 ? '  No commit moved progress.' : `  Changes that moved progress (${moves.length}):`);
  const authorWidth = Math.min(24, Math.max(0, ...moves.map(([, p]) => stringWidth(visibleText(p.author)))));
  for (const [before, p] of moves) {
    const deltas = `${signed(p.done - before.done)} done, ${signed(p.criticalOpen - before.criticalOpen)} critical open`;
    const subject = p.commit === null ? '(uncommitted changes)' : visibleText(p.subject);
    lines.push(
      `  ${day(p)}  ${short(p).padEnd(7)}  ${padEnd(cut(visibleText(p.author), authorWidth), authorWidth)}  ${deltas.padEnd(27)}  ${subject}`,
    );
  }
  return lines.join('\n');
}

/** Whether any count moved between two successive versions. */
function moved(a: HistoryPoint, b: HistoryPoint): boolean {
  return (
    a.done !== b.done ||
    a.open !== b.open ||
    a.inProgress !== b.inProgress ||
    a.notApplicable !== b.notApplicable ||
    a.untracked !== b.untracked ||
    a.criticalOpen !== b.criticalOpen
  );
}

function percentOf(p: HistoryPoint): string {
  return p.percent === null ? '' : ` (${p.percent}%)`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}
