/**
 * The effective config as the core reads it, with its defaults. `.readiness.yml` and front matter
 * `readiness:` are validated against schemas/readiness-config.schema.json before they become one.
 */
import type { RuleId, RuleSetting } from '../model/ruleTable';
import type { SettableState } from '../model/types';

/** A selector that marks items critical: by category title, item text (glob), or item id. */
export type CriticalSelector = { category: string } | { item: string } | { id: string };

/** Which done items need at least one existing evidence link. */
export type EvidenceRequirement = 'none' | 'critical' | 'all';

/** A keyword → runbook mapping: items whose text contains `match` get `path` as a runbook. */
export interface RunbookLink {
  match: string;
  path: string;
}

/** The effective readiness configuration (defaults filled in). */
export interface ReadinessConfig {
  /** Globs (relative to the config file's folder) naming the checklists. */
  checklists: string[];
  critical: CriticalSelector[];
  evidence: {
    required: EvidenceRequirement;
    /** Folder (relative to the workspace root) where new evidence files are created. */
    dir: string;
  };
  runbooks: {
    /** Folders (workspace-relative) whose files are runbooks rather than evidence. */
    dirs: string[];
    links: RunbookLink[];
  };
  /** Rule id → severity override or `off`. */
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** Taught status words and glyphs (`statuses:`): term as written → the state it stands for. */
  statuses: Record<string, SettableState>;
  /**
   * Workspace-relative POSIX folder of the config file ('' at the root or for the defaults):
   * config paths resolve against it. Set by whoever read the file, never by the file.
   */
  baseDir: string;
}

/** The defaults every config starts from. */
export function defaultConfig(): ReadinessConfig {
  return {
    checklists: ['**/PRODUCTION_READINESS.md'],
    critical: [],
    evidence: { required: 'none', dir: 'docs/evidence' },
    runbooks: { dirs: ['docs/runbooks', 'runbooks', 'playbooks'], links: [] },
    rules: {},
    statuses: {},
    baseDir: '',
  };
}
