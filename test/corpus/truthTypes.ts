/**
 * Hand-written expectations for the real checklists in ../shared/corpus: made by reading each
 * file, never by copying the tool's output. A line a reasonable reader could count either way is
 * named, with its line number and the reading chosen, in a comment beside the file's entry.
 */

/** Item counts by state. Untracked items are shown but not counted in progress. */
export interface StateCounts {
  done: number;
  open: number;
  inProgress: number;
  notApplicable: number;
  untracked: number;
}

/** What a file holds, as a careful reader counts it under the product's format rules (README). */
export interface CorpusTruth {
  /** Every item of the file. */
  total: StateCounts;
  /** Critical items that are not done (open or in progress). */
  criticalOpen: number;
  /**
   * Per top-level category (the model's `checklist.categories`: under a single leading `# H1`
   * title these are the `##` headings), keyed by the category title as the tool names it,
   * counting the items of the category and of everything nested below it. Categories holding
   * no item may be left out. Items outside every category are in `total` only.
   */
  categories: Record<string, StateCounts>;
  /** Rule ids that must be among the file's findings (e.g. `unknown-status`), when reading the file says so. */
  mustFind?: string[];
  /** Rule ids that must not be among the file's findings. */
  mustNotFind?: string[];
}
