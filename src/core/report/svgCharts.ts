/**
 * Inline SVG charts of the HTML report. Colours come from the page's stylesheet through classes,
 * and nothing uses `style` attributes, so a strict Content-Security-Policy (styles by nonce only)
 * shows them unchanged.
 */
import type { Progress } from '../model/types';
import { escapeHtml } from './htmlText';

/** The segments of a bar, in drawing order, with the class that colours them. */
const SEGMENTS: readonly { key: 'done' | 'inProgress' | 'open' | 'notApplicable'; className: string; label: string }[] = [
  { key: 'done', className: 'seg-done', label: 'done' },
  { key: 'inProgress', className: 'seg-progress', label: 'in progress' },
  { key: 'open', className: 'seg-open', label: 'open' },
  { key: 'notApplicable', className: 'seg-na', label: 'n/a' },
];

/** "3 done, 1 in progress, 2 open, 0 n/a": what a chart shows, for screen readers and tooltips. */
export function progressDescription(p: Progress): string {
  return SEGMENTS.map((s) => `${p[s.key]} ${s.label}`).join(', ');
}

function segments(p: Progress): { className: string; start: number; length: number }[] {
  const total = p.done + p.inProgress + p.open + p.notApplicable;
  if (total === 0) return [];
  let start = 0;
  return SEGMENTS.filter((s) => p[s.key] > 0).map((s) => {
    const length = (p[s.key] * 100) / total;
    const segment = { className: s.className, start, length };
    start += length;
    return segment;
  });
}

/** A horizontal bar of done / in progress / open / n/a, stretched to its box. */
export function stackedBar(p: Progress, label: string): string {
  const parts = segments(p);
  const rects =
    parts.length === 0
      ? '<rect class="seg-empty" x="0" y="0" width="100" height="10"/>'
      : parts.map((s) => `<rect class="${s.className}" x="${round(s.start)}" y="0" width="${round(s.length)}" height="10"/>`).join('');
  const text = escapeHtml(`${label}: ${progressDescription(p)}`);
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${text}"><title>${text}</title>${rects}</svg>`;
}

/** A ring of done / in progress / open / n/a around the done percentage. */
export function progressRing(p: Progress, label: string): string {
  // r = 100 / 2π: the circumference is 100, so dash lengths are percentages.
  const circle = (className: string, extra: string) =>
    `<circle class="${className}" cx="21" cy="21" r="15.9155" fill="none" stroke-width="5"${extra}/>`;
  const arcs = segments(p).map((s) =>
    circle(
      `arc ${s.className}`,
      ` stroke-dasharray="${round(s.length)} ${round(100 - s.length)}" stroke-dashoffset="${round(25 - s.start)}"`,
    ),
  );
  const text = escapeHtml(`${label}: ${progressDescription(p)}`);
  const percent = p.percent === null ? '–' : `${p.percent}%`;
  return `<svg class="ring" viewBox="0 0 42 42" role="img" aria-label="${text}"><title>${text}</title>${circle('arc seg-empty', '')}${arcs.join('')}<text class="ring-value" x="21" y="21" text-anchor="middle" dominant-baseline="central">${percent}</text></svg>`;
}

/** A small bar of a part of a whole (evidence coverage). */
export function ratioBar(part: number, whole: number, label: string): string {
  const width = whole === 0 ? 0 : (part * 100) / whole;
  const text = escapeHtml(`${label}: ${part} of ${whole}`);
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${text}"><title>${text}</title><rect class="seg-empty" x="0" y="0" width="100" height="10"/><rect class="seg-done" x="0" y="0" width="${round(width)}" height="10"/></svg>`;
}

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
