/**
 * The Markdown parser: remark with GFM and YAML front matter, built once. Also the helpers that
 * keep parsed positions pointing into the analysed text (a BOM, a section parsed on its own).
 */
import type { Nodes, Root } from 'mdast';

type Point = NonNullable<Nodes['position']>['start'];
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

let processor: Processor<Root> | undefined;

/**
 * Parses Markdown (CommonMark + GFM + YAML front matter) into mdast. The processor is built
 * once. A leading BOM is parsed as if absent (micromark would otherwise misread the first
 * line) and positions are shifted so they still index the text as given.
 */
export function parseMarkdown(text: string): Root {
  processor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze() as unknown as Processor<Root>;
  if (text.charCodeAt(0) !== 0xfeff) return processor.parse(text) as Root;
  const tree = processor.parse(text.slice(1)) as Root;
  shiftPositions([tree], 1, true);
  return tree;
}

/** Where the YAML of a front matter node whose node starts at `nodeStart` begins in the text (after its `---` line). */
export function frontMatterBodyStart(text: string, yaml: string, nodeStart: number): number {
  const at = text.indexOf(yaml, nodeStart);
  return at >= 0 ? at : nodeStart;
}

/**
 * A copy of a part of a string that does not keep the whole string alive. Engines share the
 * characters of a slice with its parent, so strings cut from a section's parse (item texts,
 * URLs) would keep every past version of an edited document in memory; a copy made through a
 * concatenation owns its characters.
 */
export function detachedSlice(text: string, from: number, to: number): string {
  return (' ' + text.slice(from, to)).slice(1);
}

/**
 * Moves the nodes' positions (and their descendants') `by` characters later in the text: offsets,
 * and with `firstLine` also the columns on line 1 (text inserted before the parsed text's start).
 */
export function shiftPositions(nodes: readonly Nodes[], by: number, firstLine = false): void {
  const stack: Nodes[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      shiftPoint(p.start, by, firstLine);
      shiftPoint(p.end, by, firstLine);
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

function shiftPoint(point: Point, by: number, firstLine: boolean): void {
  if (point.offset !== undefined) point.offset += by;
  if (firstLine && point.line === 1) point.column += by;
}
