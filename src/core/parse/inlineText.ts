/**
 * Inline content as plain text: the text of an item or heading without markup, and the link
 * nodes and HTML in it (ids written as `<!-- id: … -->`).
 */
import type { Nodes, PhrasingContent } from 'mdast';

/** What `collectInline` gathers from phrasing content. */
export interface InlineParts {
  /** Plain text: text, inline code and link texts; images, HTML and footnote marks dropped. */
  text: string;
  /** Inline HTML snippets, in order (for `<!-- id: … -->` markers). */
  html: string[];
  /** Link-like nodes (links and link references), in order. */
  links: (PhrasingContent & { type: 'link' | 'linkReference' })[];
}

/**
 * Walks phrasing content iteratively (deeply nested emphasis in hostile input must not
 * overflow the stack) and collects its plain text, inline HTML and links.
 */
export function collectInline(nodes: readonly Nodes[]): InlineParts {
  const parts: InlineParts = { text: '', html: [], links: [] };
  const stack: Nodes[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        parts.text += node.value;
        break;
      case 'break':
        parts.text += ' ';
        break;
      case 'html':
        parts.html.push(node.value);
        break;
      case 'link':
      case 'linkReference':
        parts.links.push(node);
        pushChildren(stack, node.children);
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) pushChildren(stack, node.children as Nodes[]);
    }
  }
  return parts;
}

function pushChildren(stack: Nodes[], children: readonly Nodes[]): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
}

/** Collapses runs of whitespace (including NBSP) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
