import type { Nodes, Root } from 'mdast';
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
  shiftPositions(tree, 1);
  return tree;
}

function shiftPositions(tree: Root, by: number): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      for (const point of [p.start, p.end]) {
        if (point.offset !== undefined) point.offset += by;
        if (point.line === 1) point.column += by;
      }
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
}
