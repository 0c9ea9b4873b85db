/**
 * Which config file governs a folder: the nearest `.readiness.yml` (or `.readiness.yaml`) in it
 * or above it, up to a boundary the host sets (the repository root for the CLI, the workspace
 * folder for the editor). The CLI probes native paths synchronously and the editor probes URIs
 * through `workspace.fs`, so the walk is a generator of candidates that each host probes in
 * order, taking the first it can use: the order and the names live here, the I/O stays with
 * the host.
 */

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ['.readiness.yml', '.readiness.yaml'] as const;

/** The name a new config is written under, and the name the core assumes when it has only a folder. */
export const CONFIG_FILE_NAME = CONFIG_FILE_NAMES[0];

/** How a host moves through its folders (native paths, URIs, or an in-memory tree in tests). */
export interface FolderWalk<P> {
  /** The file `name` inside folder `dir`. */
  join(dir: P, name: string): P;
  /** The folder above `dir`, or undefined where the search ends: at the host's boundary, or at the root. */
  parent(dir: P): P | undefined;
}

/** A place a config file may be: `file` in folder `dir`. */
export interface ConfigCandidate<P> {
  dir: P;
  file: P;
}

/**
 * Where the config of folder `dir` may be, nearest first: in `dir`, then in each parent the walk
 * gives, every name of `CONFIG_FILE_NAMES` in order. `dir` itself is always a candidate; the
 * first candidate the host finds (or can read, as the host decides) wins.
 */
export function* configCandidates<P>(dir: P, walk: FolderWalk<P>): Generator<ConfigCandidate<P>, void, undefined> {
  for (let current: P | undefined = dir; current !== undefined; current = walk.parent(current)) {
    for (const name of CONFIG_FILE_NAMES) yield { dir: current, file: walk.join(current, name) };
  }
}
