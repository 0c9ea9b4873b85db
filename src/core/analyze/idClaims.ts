/**
 * Who claims which id across a document, kept between assemblies so that an edit only recounts
 * what it changed.
 *
 * An item without an explicit id gets the slug of its category path and text (its base) when no
 * one else claims that base; repeated bases get `~2`, `~3`… in `walkItems` order, after category
 * ids and explicit ids. Claimants of a base are the items with that base, the categories whose id
 * slug it is and the explicit ids equal to it. Slugs never hold a `~`, so a suffixed id can only
 * meet another claimant of its own base (or an explicit id): an item whose base has exactly one
 * claimant gets the base, whatever the order of the others — only items of contested bases (two
 * claimants or more) need the ordered walk.
 */

/** Claimant counts per base, with what changed since `begin`. */
export class IdClaims {
  private readonly counts = new Map<string, number>();
  /** Counts before this assembly of the bases it changed. */
  private readonly before = new Map<string, number>();
  private readonly lists = new Map<string, readonly string[]>();

  /** Starts an assembly: nothing changed yet. */
  begin(): void {
    this.before.clear();
  }

  /** How many claimants the base has. */
  count(base: string): number {
    return this.counts.get(base) ?? 0;
  }

  /** Adds claims, one per entry. */
  add(bases: readonly string[]): void {
    for (const base of bases) this.change(base, 1);
  }

  /** Withdraws claims added before. */
  remove(bases: readonly string[]): void {
    for (const base of bases) this.change(base, -1);
  }

  /** Replaces the claims of a named list (category ids, explicit ids) when they differ from the last ones. */
  replace(name: string, bases: readonly string[]): void {
    const previous = this.lists.get(name) ?? [];
    if (sameList(previous, bases)) return;
    this.remove(previous);
    this.add(bases);
    this.lists.set(name, bases);
  }

  /**
   * Whether a base became contested or stopped being contested since `begin`: the ids of its
   * other claimants may then change, and only a walk over every item finds them.
   */
  contestChanged(): boolean {
    for (const [base, was] of this.before) if (was >= 2 !== this.count(base) >= 2) return true;
    return false;
  }

  private change(base: string, by: number): void {
    const now = this.count(base);
    if (!this.before.has(base)) this.before.set(base, now);
    if (now + by === 0) this.counts.delete(base);
    else this.counts.set(base, now + by);
  }
}

/** Whether two lists hold the same values in the same order. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
