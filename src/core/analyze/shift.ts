/**
 * Copies of model parts moved by an edit before them: offsets move by `offset`, lines by `line`.
 * Columns never change, since sections start at the start of a line.
 */
import type { LinkRef, Position, ReadinessItem, Span, TextEdit } from '../model/types';
import type { Finding } from '../model/ruleTable';

/** How far an edit moved the text after it. */
export interface Delta {
  offset: number;
  line: number;
}

// Positions are never changed once made, so an edit that adds no line shares them.
function position(p: Position, d: Delta): Position {
  return d.line === 0 ? p : { line: p.line + d.line, column: p.column };
}

/** A span moved by `d`. */
export function shiftSpan(span: Span, d: Delta): Span {
  return {
    start: span.start + d.offset,
    end: span.end + d.offset,
    startPosition: position(span.startPosition, d),
    endPosition: position(span.endPosition, d),
  };
}

/** A link moved by `d`, as parsing left it (existence unchecked). */
function shiftLink(link: LinkRef, d: Delta): LinkRef {
  // Links that resolve into the workspace are only `outside` once a check says so (`analyze/links.ts`).
  const outside = link.resolved === null ? link.outside : false;
  return { target: link.target, resolved: link.resolved, exists: null, outside, span: shiftSpan(link.span, d) };
}

function shiftLinks(links: LinkRef[], d: Delta): LinkRef[] {
  return links.length === 0 ? links : links.map((l) => shiftLink(l, d));
}

/** A deep copy of an item and its children moved by `d`, with the same key order as a parsed item. */
export function cloneItem(item: ReadinessItem, d: Delta): ReadinessItem {
  return {
    id: item.id,
    explicitId: item.explicitId,
    text: item.text,
    label: item.label,
    state: item.state,
    critical: item.critical,
    kind: item.kind,
    line: item.line + d.line,
    column: item.column,
    span: shiftSpan(item.span, d),
    marker: { style: item.marker.style, start: item.marker.start + d.offset, end: item.marker.end + d.offset, text: item.marker.text },
    owner: item.owner,
    due: item.due,
    evidence: shiftLinks(item.evidence, d),
    runbooks: shiftLinks(item.runbooks, d),
    references: item.references,
    // An empty list of an item handed out is never filled afterwards: the copy can share it.
    children: item.children.length === 0 ? item.children : item.children.map((child) => cloneItem(child, d)),
    categoryPath: item.categoryPath,
    ...(item.unknownStatus !== undefined ? { unknownStatus: item.unknownStatus } : {}),
    ...(item.malformedBox !== undefined ? { malformedBox: item.malformedBox } : {}),
  };
}

/** A finding moved by `d` (its fix edits too, and those of its alternative fixes). */
export function shiftFinding(finding: Finding, d: Delta): Finding {
  const moved: Finding = { ...finding, span: shiftSpan(finding.span, d) };
  const shiftEdits = (edits: readonly TextEdit[]): TextEdit[] =>
    edits.map((e) => ({ ...e, start: e.start + d.offset, end: e.end + d.offset }));
  if (finding.fix) moved.fix = shiftEdits(finding.fix);
  if (finding.fixes) moved.fixes = finding.fixes.map((choice) => ({ ...choice, edits: shiftEdits(choice.edits) }));
  return moved;
}
