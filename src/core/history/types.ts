/**
 * History: the checklist's own git history read as an audit trail. Hosts fetch the versions and
 * blame (the CLI runs `git`, the extension asks VS Code's Git extension); this stage only reads
 * them: progress at each version, and who last changed each item's status marker.
 */
import type { Progress } from '../model/types';

/** One committed (or, with `commit: null`, uncommitted working-tree) version of a checklist. */
export interface ChecklistVersion {
  /** Full commit hash; null for the working tree when it differs from HEAD. */
  commit: string | null;
  /** Author date, ISO 8601 with offset (`2026-11-20T14:03:00+01:00`). */
  date: string;
  author: string;
  /** The commit message's first line. */
  subject: string;
  text: string;
}

/** Progress of one top-level category at one version. */
export interface CategoryPoint {
  title: string;
  done: number;
  /** done + open + in progress: what the percentage is taken of. */
  tracked: number;
  percent: number | null;
}

/** The checklist's progress at one version (`history --format json` writes these, without `categories`). */
export interface HistoryPoint extends Omit<Progress, 'percent'> {
  commit: string | null;
  date: string;
  author: string;
  subject: string;
  /** Open or in-progress critical items. */
  criticalOpen: number;
  percent: number | null;
  /** Top-level categories in document order. */
  categories: CategoryPoint[];
}

/** Who last changed a line, as `git blame` says. */
export interface BlameLine {
  /** Full or abbreviated hash; null when the line is not committed yet. */
  commit: string | null;
  author: string;
  /** ISO 8601 author date. */
  date: string;
  /** The commit's subject, when the blame output carries it (porcelain does). */
  subject?: string;
  /** The line's text as blamed (without its line ending), to tell whether the blame is of the text at hand. */
  content?: string;
}

/** The commit that last changed an item's status marker (`check --blame`'s `lastChange`). */
export interface LastChange {
  commit: string;
  author: string;
  date: string;
  subject: string;
}
