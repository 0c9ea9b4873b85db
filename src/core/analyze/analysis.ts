/**
 * What an analysis takes and gives: the options a host passes, the parse of a checklist (model
 * plus effective config, before links are checked and rules run) and the analysis (the model
 * with its findings).
 */
import type { ReadinessConfig } from '../config/types';
import type { Finding } from '../model/ruleTable';
import type { Checklist } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { AnalysisLimits } from '../text/limits';
import type { LinkCheck } from './links';

/** What a `ChecklistAnalyzer` is set up with: what applies to every version of one document. */
export interface AnalyzerOptions {
  /** Config from `.readiness.yml` (or `defaultConfig()`); front matter `readiness:` is applied on top. */
  config: ReadinessConfig;
  /** Checklist path relative to the workspace root, POSIX. */
  path: string;
  /** Size and nesting limits; above them the text is not parsed (`too-large`). */
  limits?: AnalysisLimits;
}

/** What one evaluation (link checks and rules) of a parse depends on besides the text. */
export interface EvaluateOptions {
  /**
   * Whether a workspace-relative POSIX path exists; `'outside'` when it does but resolves outside
   * the workspace (a symbolic link pointing out): such links are never followed. Omitted → links
   * are not checked.
   */
  exists?: (workspacePath: string) => LinkCheck;
  /**
   * A version of what `exists` knows: while it stays the same between evaluations by one
   * analyzer, `exists` promises the same answers, so links in sections an edit left in place are
   * not asked about again. Omitted → every link is asked about on every evaluation.
   */
  existsVersion?: number;
  /** Today's date `YYYY-MM-DD`, for `overdue`. */
  today?: string;
}

/** Inputs of `analyzeChecklist`. */
export type AnalyzeOptions = AnalyzerOptions & EvaluateOptions;

/** A checklist with its findings and the config that applied to it. */
export interface Analysis {
  checklist: Checklist;
  /** Findings with severities resolved from config (rules set to `off` removed), in document order. */
  findings: Finding[];
  /** The effective config (file config with front matter applied). */
  config: ReadinessConfig;
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
