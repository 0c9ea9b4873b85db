/**
 * `--format junit`: JUnit XML for CI test reports. One test case per tracked item, one test suite
 * per category (named `path › Category › Sub-category`). Only a done item passes: a critical item
 * that is not done fails; an open or in-progress item that is not critical is skipped with the
 * reason (a test report that counted it as passed would call an unfilled checklist green), or
 * fails when `openItems` is `failure` (the CLI's `--fail-on warning`); an n/a item is skipped as
 * not applicable. Untracked items are left out. A file or folder that could not be read (an
 * `unreadable` finding) is a test case of its own that fails (errors) or is skipped (otherwise),
 * so a test report never shows it as passed or leaves it out.
 */
import type { ReadinessReport, ReportFinding, ReportItem } from './jsonReport';
import { categoryPathText, fileItems, findingsOf, isOpenCritical, itemLabel, type LocatedItem } from './summary';
import { xmlAttributes, xmlText } from './xml';

/** How `toJunit` writes open items that are not critical. */
export interface JunitOptions {
  /** `skipped` (the default) with the reason, or `failure` (the CLI's `--fail-on warning`). */
  openItems?: 'skipped' | 'failure';
}

type Outcome = 'passed' | 'failed' | 'skipped';

interface Suite {
  name: string;
  path: string;
  cases: LocatedItem[];
}

/** The report as a JUnit XML document. */
export function toJunit(report: ReadinessReport, options: JunitOptions = {}): string {
  const suites = groupSuites(report);
  const outcome = (item: ReportItem) => itemOutcome(item, options.openItems ?? 'skipped');
  const count = (located: readonly LocatedItem[]) => ({
    tests: located.length,
    failures: located.filter((l) => outcome(l.item) === 'failed').length,
    skipped: located.filter((l) => outcome(l.item) === 'skipped').length,
  });
  const unread = findingsOf(report, ['unreadable']);
  const all = count(suites.flatMap((s) => s.cases));
  all.tests += unread.length;
  all.failures += unread.filter((u) => u.finding.severity === 'error').length;
  all.skipped += unread.filter((u) => u.finding.severity !== 'error').length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes({ name: 'readiness', ...all, errors: 0, time: 0 })}>`,
  ];
  for (const suite of suites) {
    lines.push(`  <testsuite${xmlAttributes({ name: suite.name, ...count(suite.cases), errors: 0, time: 0, file: suite.path })}>`);
    const names = uniqueNames(suite.cases);
    suite.cases.forEach((located, i) => lines.push(...testCase(located, suite, names[i], outcome(located.item))));
    lines.push('  </testsuite>');
  }
  for (const { file, finding } of unread) lines.push(...unreadSuite(file.path, finding));
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

/** A suite of one case for a path that could not be read. */
function unreadSuite(path: string, finding: ReportFinding): string[] {
  const failed = finding.severity === 'error';
  const counts = { tests: 1, failures: failed ? 1 : 0, skipped: failed ? 0 : 1, errors: 0, time: 0 };
  const outcome = failed
    ? `      <failure${xmlAttributes({ message: finding.message, type: finding.rule })}>${xmlText(`${path}:${finding.line}`)}</failure>`
    : `      <skipped${xmlAttributes({ message: finding.message })}/>`;
  return [
    `  <testsuite${xmlAttributes({ name: path, ...counts, file: path })}>`,
    `    <testcase${xmlAttributes({ name: path, classname: path, file: path, line: finding.line, time: 0 })}>`,
    outcome,
    '    </testcase>',
    '  </testsuite>',
  ];
}

function groupSuites(report: ReadinessReport): Suite[] {
  const suites = new Map<string, Suite>();
  for (const file of report.files) {
    for (const located of fileItems(file)) {
      if (located.item.state === 'untracked') continue;
      const name = [file.path, ...(located.categoryPath.length > 0 ? [categoryPathText(located.categoryPath)] : [])].join(' › ');
      let suite = suites.get(name);
      if (!suite) {
        suite = { name, path: file.path, cases: [] };
        suites.set(name, suite);
      }
      suite.cases.push(located);
    }
  }
  return [...suites.values()];
}

/** Test case names: the item text, with the line added where two items of a suite read alike. */
function uniqueNames(cases: readonly LocatedItem[]): string[] {
  const labels = cases.map((c) => itemLabel(c.item));
  return labels.map((label, i) => (labels.indexOf(label) !== labels.lastIndexOf(label) ? `${label} (line ${cases[i].item.line})` : label));
}

/** Done passes; n/a is skipped; critical and not done fails; open or in progress otherwise is skipped or fails, as asked. */
function itemOutcome(item: ReportItem, openItems: 'skipped' | 'failure'): Outcome {
  if (item.state === 'done') return 'passed';
  if (item.state === 'n/a') return 'skipped';
  if (isOpenCritical(item)) return 'failed';
  return openItems === 'failure' ? 'failed' : 'skipped';
}

function testCase({ item }: LocatedItem, suite: Suite, name: string, outcome: Outcome): string[] {
  const open = `    <testcase${xmlAttributes({ name, classname: suite.name, file: suite.path, line: item.line, time: 0 })}>`;
  const lines = [open, '      <properties>'];
  const properties: [string, string | null][] = [
    ['id', item.id],
    ['state', item.state],
    ['critical', String(item.critical)],
    ['owner', item.owner],
    ['due', item.due],
  ];
  for (const [key, value] of properties) if (value !== null) lines.push(`        <property${xmlAttributes({ name: key, value })}/>`);
  lines.push('      </properties>');
  const state = item.state === 'in-progress' ? 'in progress' : item.state;
  if (outcome === 'failed') {
    const message = item.critical ? `"${itemLabel(item)}" is critical and ${state}` : `"${itemLabel(item)}" is ${state}`;
    const details = [`${suite.path}:${item.line}`, item.owner ? `owner: @${item.owner}` : '', item.due ? `due: ${item.due}` : '']
      .filter(Boolean)
      .join('\n');
    const type = item.critical ? 'critical-open' : 'open';
    lines.push(`      <failure${xmlAttributes({ message, type })}>${xmlText(details)}</failure>`);
  } else if (outcome === 'skipped') {
    const message = item.state === 'n/a' ? 'not applicable' : `not done: ${state} (not critical)`;
    lines.push(`      <skipped${xmlAttributes({ message })}/>`);
  }
  lines.push('    </testcase>');
  return lines;
}
