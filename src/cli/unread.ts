// What the CLI could not read becomes a located finding of a source of its own, so it shows in
// every format and counts for `--fail-on`: a gate never passes over a file it did not read.
import { type DecodedText, decodeText, type Finding, type ReadinessConfig, type ReportSource, type RuleId, type Span } from './coreLite';
import { readFileSafe, maxBytesForChars } from './readInput';

/** A checklist's text, or the finding that stands in for it. */
export type ChecklistRead = { ok: true; decoded: DecodedText } | { ok: false; rule: RuleId; message: string };

/**
 * Reads and decodes a checklist without throwing: unreadable, special, binary and over-size files
 * (and links leading outside `root`) come back as the rule and message of their finding.
 */
export function readChecklist(path: string, options: { maxChars: number; root: string }): ChecklistRead {
  const read = readFileSafe(path, { maxBytes: maxBytesForChars(options.maxChars), root: options.root });
  if (!read.ok) {
    if (read.kind === 'too-large') return { ok: false, rule: 'too-large', message: `The file is ${read.reason}; it is not analysed.` };
    if (read.kind === 'outside') return { ok: false, rule: 'link-outside-workspace', message: `The file is a ${read.reason}.` };
    return { ok: false, rule: 'unreadable', message: `Cannot read this file (${read.reason}); it is not checked.` };
  }
  const decoded = decodeText(read.bytes);
  if (decoded.binary) return { ok: false, rule: 'unreadable', message: 'Cannot read this file (binary file); it is not checked.' };
  return { ok: true, decoded };
}

/** The message of a folder the walk could not open, or of a search its budget cut short. */
export function unreadFolderMessage(reason: string): string {
  return reason.startsWith('search stopped')
    ? `The search for checklists stopped early (${reason}); files there are not checked.`
    : `Cannot read this folder (${reason}); checklists in it are not checked.`;
}

/** A source holding one finding at line 1, column 1 of `path`, with the config's severity for the rule (none when `off`). */
export function findingSource(
  path: string,
  rule: RuleId,
  message: string,
  config: ReadinessConfig,
  defaultSeverity: Finding['severity'],
): ReportSource {
  const setting = config.rules[rule];
  const findings: Finding[] = setting === 'off' ? [] : [{ rule, severity: setting ?? defaultSeverity, message, span: START }];
  return { path, analysis: { checklist: null, findings } };
}

/** A finding at `offset` of `text` (a config line), spanning `length` characters. */
export function spanAt(text: string, offset: number, length: number): Span {
  const position = (at: number) => {
    const before = text.slice(0, at);
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    return { line: before.split(/\r\n|\r|\n/).length, column: at - lineStart + 1 };
  };
  return { start: offset, end: offset + length, startPosition: position(offset), endPosition: position(offset + length) };
}

const START: Span = { start: 0, end: 0, startPosition: { line: 1, column: 1 }, endPosition: { line: 1, column: 1 } };
