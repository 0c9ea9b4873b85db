// `node:assert/strict` for the integration suites bundled into the web worker (no Node there):
// the assertions they use, with Node's strict meaning (Object.is, strict deep equality).
// scripts/run-web-integration.mjs resolves `node:assert/strict` here.

export class AssertionError extends Error {
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
  ) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

function failWith(message: string | Error | undefined, fallback: string, actual?: unknown, expected?: unknown): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected);
}

/** Node's isDeepStrictEqual for the values tests compare: primitives, arrays, plain objects, Map, Set, Date, RegExp. */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    return a.size === other.size && [...a].every(([key, value]) => other.has(key) && isDeepStrictEqual(value, other.get(key)));
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    return a.size === other.size && [...a].every((value) => other.has(value) || [...other].some((o) => isDeepStrictEqual(value, o)));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordB = b as Record<string, unknown>;
  return keysA.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && isDeepStrictEqual((a as Record<string, unknown>)[key], recordB[key]),
  );
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) failWith(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected))
    failWith(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`, actual, expected);
}
export const strictEqual = equal;

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failWith(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected)) {
    failWith(
      message,
      `Expected values to be strictly deep-equal:\nactual:   ${show(actual)}\nexpected: ${show(expected)}`,
      actual,
      expected,
    );
  }
}
export const deepStrictEqual = deepEqual;

export function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || !pattern.test(text))
    failWith(message, `The input did not match ${pattern}: ${show(text)}`, text, pattern);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || pattern.test(text))
    failWith(message, `The input was expected not to match ${pattern}: ${show(text)}`, text, pattern);
}

export function fail(message?: string | Error): never {
  return failWith(message, 'Failed');
}

export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), expected?: RegExp, message?: string): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (expected && !expected.test(error instanceof Error ? error.message : String(error))) {
      failWith(message, `The rejection did not match ${expected}: ${String(error)}`, error, expected);
    }
    return;
  }
  failWith(message, 'Missing expected rejection.');
}

export function throws(fn: () => unknown, expected?: RegExp, message?: string): void {
  try {
    fn();
  } catch (error) {
    if (expected && !expected.test(error instanceof Error ? error.message : String(error))) {
      failWith(message, `The error did not match ${expected}: ${String(error)}`, error, expected);
    }
    return;
  }
  failWith(message, 'Missing expected exception.');
}
