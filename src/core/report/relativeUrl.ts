/**
 * Relative URLs between the paths of URIs (POSIX, `/`-separated), for reports written next to the
 * files they describe. Pure: the editor computes links for any file system, the web included.
 */

/** The relative URL path from folder `from` to file `to` (both absolute URI paths), each segment percent-encoded. */
export function relativeUrlPath(from: string, to: string): string {
  const base = from.split('/').filter((s) => s !== '');
  const target = to.split('/').filter((s) => s !== '');
  let shared = 0;
  while (shared < base.length && shared < target.length - 1 && base[shared] === target[shared]) shared++;
  const up = base.slice(shared).map(() => '..');
  return [...up, ...target.slice(shared).map(encodeURIComponent)].join('/');
}
