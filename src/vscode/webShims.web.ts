// Injected into the web bundle only (scripts/web-build.mjs): the worker has no setImmediate, which
// the store uses to yield between checklists.
export function setImmediate(callback: () => void): ReturnType<typeof setTimeout> {
  return setTimeout(callback, 0);
}
