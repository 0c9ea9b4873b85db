import type { RootContent } from 'mdast';
import { applySeverities, checkChecklist } from './rules';
import { applyFrontMatter } from '../config/config';
import type { ReadinessConfig } from '../config/types';
import { walkItems } from '../model/walk';
import { exceededLimit, type AnalysisLimits, type LimitProblem } from '../text/limits';
import { dominantEol, LineIndex } from '../text/lineIndex';
import { emptyProgress, finishProgress } from '../model/progress';
import { frontMatterBodyStart, parseMarkdown } from '../parse/markdown';
import type { Checklist, LinkRef } from '../model/types';
import { parseChecklist } from '../parse/buildSection';
import type { Finding } from '../model/ruleTable';

/** Inputs of `analyzeChecklist`. */
export interface AnalyzeOptions {
  /** Config from `.readiness.yml` (or `defaultConfig()`); front matter `readiness:` is applied on top. */
  config: ReadinessConfig;
  /** Checklist path relative to the workspace root, POSIX. */
  path: string;
  /**
   * Whether a workspace-relative POSIX path exists; `'outside'` when it does but resolves outside
   * the workspace (a symbolic link pointing out): such links are never followed. Omitted → links
   * are not checked.
   */
  exists?: (workspacePath: string) => LinkCheck;
  /**
   * A version of what `exists` knows: while it stays the same between evaluations by one
   * `IncrementalAnalyzer`, `exists` promises the same answers, so links in sections an edit left
   * in place are not asked about again. Omitted → every link is asked about on every evaluation.
   */
  existsVersion?: number;
  /** Today's date `YYYY-MM-DD`, for `overdue`. */
  today?: string;
  /** Size and nesting limits; above them the text is not parsed (`too-large`). */
  limits?: AnalysisLimits;
}

/** A checklist with its findings and the config that applied to it. */
export interface Analysis {
  checklist: Checklist;
  /** Findings with severities resolved from config (rules set to `off` removed), in document order. */
  findings: Finding[];
  /** The effective config (file config with front matter applied). */
  config: ReadinessConfig;
}

/** Parses, checks links and runs every rule over one checklist's text. Never throws on any text. */
export function analyzeChecklist(text: string, options: AnalyzeOptions): Analysis {
  const parsed = parseWithFrontMatter(text, options);
  return evaluateChecklist(parsed, { exists: options.exists, today: options.today });
}

/** A parsed checklist before links are checked and rules run. */
export interface ParsedChecklist {
  text: string;
  index: LineIndex;
  checklist: Checklist;
  config: ReadinessConfig;
  /** Front matter config findings (located in the checklist). */
  configFindings: Finding[];
  /** Set when the text exceeds a limit and was not parsed: the only finding then. */
  refused: Finding | null;
}

/** Parses a checklist and applies its front matter config (no link checks, no rules). */
export function parseWithFrontMatter(text: string, options: Pick<AnalyzeOptions, 'config' | 'path' | 'limits'>): ParsedChecklist {
  const index = new LineIndex(text);
  const problem = exceededLimit(text, options.limits);
  if (problem) return refusedParse(text, index, options.config, problem);
  const tree = parseMarkdown(text);
  const { config, configFindings, frontMatterData } = applyFrontMatterNode(options.config, tree.children[0], text, index);
  const checklist = parseChecklist(text, { path: options.path, config, index, tree, frontMatterData });
  return { text, index, checklist, config, configFindings, refused: null };
}

/** The effective config and front matter of a text whose first top-level block is `node`. */
export interface AppliedFrontMatter {
  /** `config` with the front matter's `readiness:` applied (the same object when there is none). */
  config: ReadinessConfig;
  /** Front matter config findings (located in the checklist). */
  configFindings: Finding[];
  /** The parsed front matter value, when there is front matter. */
  frontMatterData: unknown;
}

/** Applies the front matter (`node`, when it is the yaml block) to `config`. */
export function applyFrontMatterNode(config: ReadinessConfig, node: RootContent | undefined, text: string, index: LineIndex): AppliedFrontMatter {
  if (node?.type !== 'yaml') return { config, configFindings: [], frontMatterData: undefined };
  const nodeStart = node.position?.start.offset ?? 0;
  const bodyStart = frontMatterBodyStart(text, node.value, nodeStart);
  const applied = applyFrontMatter(config, node.value, { offset: bodyStart, ...index.positionAt(bodyStart) });
  return { config: applied.config, configFindings: applied.findings, frontMatterData: applied.data };
}

/** An empty model for a text over the limits, carrying the one `too-large` finding. */
export function refusedParse(text: string, index: LineIndex, config: ReadinessConfig, problem: LimitProblem): ParsedChecklist {
  const checklist: Checklist = { title: null, frontMatter: null, items: [], categories: [], progress: finishProgress(emptyProgress()), eol: dominantEol(text), usedTokens: {} };
  const refused: Finding = { rule: 'too-large', severity: 'error', message: problem.message, span: index.span(problem.offset, problem.offset) };
  return { text, index, checklist, config, configFindings: [], refused };
}

/** Workspace-relative paths of every evidence and runbook link that can be checked. */
export function linkTargets(checklist: Checklist): string[] {
  const targets = new Set<string>();
  for (const item of walkItems(checklist.items, checklist.categories)) {
    for (const link of [...item.evidence, ...item.runbooks]) if (link.resolved !== null) targets.add(link.resolved);
  }
  return [...targets];
}

/**
 * Checks links (when `exists` is given) and runs the rules. Cheap next to parsing, so an editor
 * can parse once, check links asynchronously, then evaluate.
 */
export function evaluateChecklist(parsed: ParsedChecklist, options: Pick<AnalyzeOptions, 'exists' | 'today'>): Analysis {
  const { checklist, config, text, index } = parsed;
  if (parsed.refused) return { checklist, findings: applySeverities([parsed.refused], config), config };
  if (options.exists) checkLinks(checklist, options.exists);
  const findings = [...parsed.configFindings, ...checkChecklist(checklist, { text, index, config, today: options.today, linksChecked: options.exists !== undefined })];
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { checklist, findings: applySeverities(findings, config), config };
}

/** What an `exists` check says about a link target. */
export type LinkCheck = boolean | 'outside';

function checkLinks(checklist: Checklist, exists: (path: string) => LinkCheck): void {
  const check = linkChecker(exists);
  for (const item of walkItems(checklist.items, checklist.categories)) {
    for (const link of item.evidence) check(link);
    for (const link of item.runbooks) check(link);
  }
}

/** A function that sets `exists` and `outside` of a link that resolves into the workspace (answers cached per path). */
export function linkChecker(exists: (path: string) => LinkCheck): (link: LinkRef) => void {
  const cache = new Map<string, LinkCheck>();
  return (link) => {
    if (link.resolved === null) return;
    let known = cache.get(link.resolved);
    if (known === undefined) {
      known = safeExists(exists, link.resolved);
      cache.set(link.resolved, known);
    }
    // Set on every evaluation: a symbolic link may have been replaced by a file meanwhile.
    link.outside = known === 'outside';
    link.exists = known === true;
  };
}

function safeExists(exists: (path: string) => LinkCheck, path: string): LinkCheck {
  try {
    return exists(path);
  } catch {
    return false;
  }
}
