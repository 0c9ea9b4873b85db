// Terminal colour for the text report: ANSI styles, and whether stdout should get them.
import { type Paint, PLAIN } from './coreLite';

function sgr(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

const COLOR: Paint = {
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
  blue: sgr(34, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
  underline: sgr(4, 24),
};

/** The text report's styles: ANSI colours, or none. */
export function createPaint(color: boolean): Paint {
  return color ? COLOR : PLAIN;
}

/**
 * Whether to colour stdout: `--no-color` and a non-empty `NO_COLOR` (https://no-color.org) turn it
 * off; otherwise a non-empty `FORCE_COLOR` other than `0` turns it on; otherwise only on a terminal.
 */
export function shouldColor(options: { noColorFlag: boolean; env: Readonly<Record<string, string | undefined>>; isTTY: boolean }): boolean {
  if (options.noColorFlag || (options.env.NO_COLOR ?? '') !== '') return false;
  const force = options.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0';
  return options.isTTY;
}
