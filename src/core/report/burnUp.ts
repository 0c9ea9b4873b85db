/**
 * The burn-up chart of `readiness report --history`: done and total (done + open + in progress)
 * per day, critical open as a second line, as inline SVG coloured by the page's classes (no
 * `style` attributes, no script), described for screen readers with its numbers.
 */
import type { HistoryPoint } from '../history/types';
import type { HistoryFile } from './historyReport';
import { escapeHtml } from './htmlText';

/** One day of a burn-up: the counts after the day's last version. */
export interface BurnUpDay {
  /** `YYYY-MM-DD`, the author's local day. */
  day: string;
  done: number;
  total: number;
  criticalOpen: number;
}

const dayOf = (p: HistoryPoint) => p.date.slice(0, 10);

/** The last point of each day, days in order. */
export function dailySeries(points: readonly HistoryPoint[]): BurnUpDay[] {
  const byDay = new Map<string, BurnUpDay>();
  for (const p of points)
    byDay.set(dayOf(p), { day: dayOf(p), done: p.done, total: p.done + p.open + p.inProgress, criticalOpen: p.criticalOpen });
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Every checklist together: on each day any of them changed, the sum of each one's latest counts (0 before its first version). */
export function overallSeries(files: readonly HistoryFile[]): BurnUpDay[] {
  const series = files.map((f) => dailySeries(f.points));
  const days = [...new Set(series.flatMap((s) => s.map((d) => d.day)))].sort();
  return days.map((day) => {
    const sum: BurnUpDay = { day, done: 0, total: 0, criticalOpen: 0 };
    for (const s of series) {
      const latest = s.filter((d) => d.day <= day).at(-1);
      if (!latest) continue;
      sum.done += latest.done;
      sum.total += latest.total;
      sum.criticalOpen += latest.criticalOpen;
    }
    return sum;
  });
}

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 44;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 40;

/** The chart; `id` makes its title and description ids unique on the page. */
export function burnUpChart(days: readonly BurnUpDay[], label: string, id: string): string {
  const title = escapeHtml(`Burn-up: ${label}`);
  const desc = escapeHtml(describe(days));
  const head = `<svg class="burnup" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${title}</title><desc id="${id}-desc">${desc}</desc>`;
  if (days.length === 0)
    return `${head}<text class="burn-label" x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">No history</text></svg>`;
  const maxY = niceMax(Math.max(1, ...days.map((d) => Math.max(d.total, d.criticalOpen))));
  const t0 = dayNumber(days[0].day);
  const span = Math.max(1, dayNumber(days[days.length - 1].day) - t0);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (d: BurnUpDay) => (days.length === 1 ? LEFT + plotW / 2 : LEFT + ((dayNumber(d.day) - t0) * plotW) / span);
  const y = (v: number) => TOP + plotH - (v * plotH) / maxY;
  // A step line: a count holds until the next day that changed it.
  const path = (value: (d: BurnUpDay) => number) =>
    days.map((d, i) => (i === 0 ? `M${r(x(d))} ${r(y(value(d)))}` : `H${r(x(d))}V${r(y(value(d)))}`)).join('');
  const grid = [0, maxY / 2, maxY].map(
    (v) =>
      `<line class="burn-grid" x1="${LEFT}" y1="${r(y(v))}" x2="${WIDTH - RIGHT}" y2="${r(y(v))}"/><text class="burn-label" x="${LEFT - 6}" y="${r(y(v))}" text-anchor="end" dominant-baseline="middle">${v}</text>`,
  );
  const ticks = xTicks(days).map(
    (d, i, all) =>
      `<text class="burn-label" x="${r(x(d))}" y="${HEIGHT - BOTTOM + 16}" text-anchor="${all.length > 1 && i === 0 ? 'start' : all.length > 1 && i === all.length - 1 ? 'end' : 'middle'}">${escapeHtml(d.day)}</text>`,
  );
  const legend = [
    ['burn-total', 'total'],
    ['burn-done', 'done'],
    ['burn-critical', 'critical open'],
  ]
    .map(
      ([cls, text], i) =>
        `<line class="${cls}" x1="${LEFT + i * 130}" y1="${HEIGHT - 8}" x2="${LEFT + i * 130 + 20}" y2="${HEIGHT - 8}"/><text class="burn-label" x="${LEFT + i * 130 + 26}" y="${HEIGHT - 8}" dominant-baseline="middle">${text}</text>`,
    )
    .join('');
  const dots = days.map((d) => `<circle class="burn-dot" cx="${r(x(d))}" cy="${r(y(d.done))}" r="2.5"/>`).join('');
  return `${head}${grid.join('')}${ticks.join('')}<path class="burn-total" d="${path((d) => d.total)}"/><path class="burn-critical" d="${path((d) => d.criticalOpen)}"/><path class="burn-done" d="${path((d) => d.done)}"/>${dots}${legend}</svg>`;
}

/** "From 2026-11-01 to 2026-11-20: done 0 → 8 of 10, critical open 3 → 1. 2026-11-01: 0 of 10 done, 3 critical open; …" */
function describe(days: readonly BurnUpDay[]): string {
  if (days.length === 0) return 'No committed versions.';
  const first = days[0];
  const last = days[days.length - 1];
  const each = days.map((d) => `${d.day}: ${d.done} of ${d.total} done, ${d.criticalOpen} critical open`).join('; ');
  return `From ${first.day} to ${last.day}: done ${first.done} → ${last.done} of ${last.total}, critical open ${first.criticalOpen} → ${last.criticalOpen}. ${each}.`;
}

/** First, last and (with room) middle days. */
function xTicks(days: readonly BurnUpDay[]): BurnUpDay[] {
  if (days.length <= 2) return [...days];
  return [days[0], days[Math.floor((days.length - 1) / 2)], days[days.length - 1]];
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/** The axis top: the value rounded up to an even number (so the middle line is a whole number). */
function niceMax(value: number): number {
  return value <= 1 ? 2 : value + (value % 2);
}

function r(value: number): string {
  return String(Math.round(value * 10) / 10);
}
