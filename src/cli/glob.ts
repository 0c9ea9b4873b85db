/**
 * The CLI's glob matcher for config-supplied `checklists:` patterns. `.readiness.yml` arrives in
 * pull requests, so a pattern is untrusted input: regular-expression translations of globs
 * (picomatch and the like) backtrack on shapes such as `**\/*a*a*a*a*b`, taking minutes on one
 * long file name. Here a segment is matched by the two-pointer wildcard algorithm (each `*`
 * resumes from the last star only, so one segment costs at most pattern × name steps), `**`
 * segments by a memo table over (pattern segment, path segment), and patterns over the
 * complexity limits are refused before any matching.
 *
 * Supported: `*`, `?`, `[abc]`, `[a-z]`, `[!a]`/`[^a]`, `{a,b}` (expanded), `**` as a whole
 * segment, `\` escapes. Wildcards never match a leading `.` of a name (as picomatch by default).
 */

/** Complexity limits of one pattern. */
export const GLOB_LIMITS = {
  /** Characters in a pattern. */
  maxLength: 256,
  /** `*`, `?`, `[` and `{` in a pattern, together. */
  maxWildcards: 32,
  /** Patterns a pattern's braces expand to. */
  maxExpansions: 64,
} as const;

type Token =
  { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: [string, string][] };

/** One pattern segment: `**`, or tokens matched against one path segment. */
type Segment = 'globstar' | { tokens: Token[]; literalDot: boolean };

/** Why a pattern is refused (over the limits, or braces that expand too far), or undefined. */
export function globProblem(pattern: string): string | undefined {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if ([...body].length > GLOB_LIMITS.maxLength) return `is longer than ${GLOB_LIMITS.maxLength} characters`;
  const wildcards = body
    .replace(/\\./g, '')
    .replace(/\*+/g, '*')
    .replace(/[^*?[{]/g, '').length;
  if (wildcards > GLOB_LIMITS.maxWildcards) return `has more than ${GLOB_LIMITS.maxWildcards} wildcards (* ? [ {)`;
  if (expandBraces(body) === undefined) return `expands to more than ${GLOB_LIMITS.maxExpansions} patterns`;
  return undefined;
}

/**
 * A matcher for one pattern (without a leading `!`) over POSIX relative paths. Call
 * `globProblem` first: a pattern over the limits matches nothing.
 */
export function compileGlob(pattern: string): (path: string) => boolean {
  if (globProblem(pattern) !== undefined) return () => false;
  const alternatives = (expandBraces(pattern) ?? []).map(parsePattern);
  return (path) => {
    const names = path.split('/');
    return alternatives.some((segments) => matchSegments(segments, names));
  };
}

/**
 * Whether some path inside folder `dir` (POSIX, relative; '' for the root) could match `pattern`:
 * the walk skips folders no pattern can reach, and reports an unreadable folder only when it could
 * have held a match.
 */
export function compileFolderGlob(pattern: string): (dir: string) => boolean {
  if (globProblem(pattern) !== undefined) return () => false;
  const alternatives = (expandBraces(pattern) ?? []).map(parsePattern);
  return (dir) => {
    const names = dir === '' ? [] : dir.split('/');
    return alternatives.some((segments) => matchSegments(segments, names, true));
  };
}

/** `a{b,c}d` → `abd`, `acd` (nested braces too); undefined past `maxExpansions`. */
function expandBraces(pattern: string): string[] | undefined {
  const open = findUnescaped(pattern, '{', 0);
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = i;
    else if (c === ',' && depth === 1) commas.push(i);
  }
  // An unclosed brace, or one without a comma, is literal text: match it as written.
  if (close < 0 || commas.length === 0) {
    const rest = close < 0 ? undefined : expandBraces(pattern.slice(open + 1));
    if (rest === undefined) return close < 0 ? [pattern] : undefined;
    return rest.map((r) => `${pattern.slice(0, open)}\\{${r}`);
  }
  const head = pattern.slice(0, open);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const expanded = expandBraces(head + pattern.slice(bounds[k] + 1, bounds[k + 1]) + pattern.slice(close + 1));
    if (expanded === undefined) return undefined;
    out.push(...expanded);
    if (out.length > GLOB_LIMITS.maxExpansions) return undefined;
  }
  return out;
}

function findUnescaped(text: string, char: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}

function parsePattern(pattern: string): Segment[] {
  // `./docs/*.md` names what `docs/*.md` names.
  return splitSegments(pattern)
    .filter((raw) => raw !== '.')
    .map((raw) => (raw === '**' ? 'globstar' : { tokens: parseSegment(raw), literalDot: raw.startsWith('.') }));
}

/** Splits at unescaped `/` outside classes; empty segments (`a//b`, a trailing `/`) are dropped. */
function splitSegments(pattern: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      current += c + pattern[++i];
    } else if (c === '[') {
      const end = classEnd(pattern, i);
      current += pattern.slice(i, end + 1);
      i = end;
    } else if (c === '/') {
      if (current !== '') out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Index of the `]` closing the class opened at `open`, or `open` itself when it is not a class. */
function classEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '/') return open;
    else if (pattern[i] === ']') return i;
  }
  return open;
}

function parseSegment(raw: string): Token[] {
  const tokens: Token[] = [];
  const chars = [...raw];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) {
      tokens.push({ kind: 'char', char: chars[++i] });
    } else if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
    } else if (c === '[' && classEnd(raw, charOffset(chars, i)) !== charOffset(chars, i)) {
      const start = charOffset(chars, i);
      const end = classEnd(raw, start);
      tokens.push(parseClass(raw.slice(start + 1, end)));
      i += [...raw.slice(start, end + 1)].length - 1;
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  return tokens;
}

function charOffset(chars: readonly string[], index: number): number {
  let offset = 0;
  for (let k = 0; k < index; k++) offset += chars[k].length;
  return offset;
}

function parseClass(body: string): Token {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = [...(negated ? body.slice(1) : body)];
  const ranges: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    let from = chars[i];
    if (from === '\\' && i + 1 < chars.length) from = chars[++i];
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      let to = chars[i + 2];
      i += 2;
      if (to === '\\' && i + 1 < chars.length) to = chars[++i];
      ranges.push([from, to]);
    } else {
      ranges.push([from, from]);
    }
  }
  return { kind: 'class', negated, ranges };
}

/** Path segments against pattern segments; `**` takes any number of segments, memoised. */
function matchSegments(segments: readonly Segment[], names: readonly string[], prefix = false): boolean {
  const failed = new Set<number>();
  const width = names.length + 1;
  const visit = (s: number, n: number): boolean => {
    // As a prefix (a folder on the way), the names may run out while a segment is still to match a file.
    if (prefix && n === names.length) return s < segments.length;
    if (s === segments.length) return n === names.length;
    if (failed.has(s * width + n)) return false;
    const segment = segments[s];
    let ok: boolean;
    if (segment === 'globstar') {
      ok = visit(s + 1, n);
      for (let k = n; !ok && k < names.length && !names[k].startsWith('.'); k++) ok = visit(s + 1, k + 1);
    } else {
      ok = n < names.length && matchName(segment, names[n]) && visit(s + 1, n + 1);
    }
    if (!ok) failed.add(s * width + n);
    return ok;
  };
  return visit(0, 0);
}

/** One name against one segment: greedy with a single backtrack point (the last `*`). */
function matchName(segment: Exclude<Segment, 'globstar'>, name: string): boolean {
  if (name.startsWith('.') && !segment.literalDot) return false;
  const { tokens } = segment;
  const chars = [...name];
  let t = 0;
  let c = 0;
  let starT = -1;
  let starC = 0;
  while (c < chars.length) {
    const token = tokens[t];
    if (token?.kind === 'star') {
      starT = t++;
      starC = c;
    } else if (token !== undefined && matchesChar(token, chars[c])) {
      t++;
      c++;
    } else if (starT >= 0) {
      t = starT + 1;
      c = ++starC;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

function matchesChar(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === char;
    case 'any':
      return true;
    case 'class':
      return token.ranges.some(([from, to]) => from <= char && char <= to) !== token.negated;
    case 'star':
      return false;
  }
}
