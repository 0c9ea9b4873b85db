/**
 * `--format junit`: JUnit XML for CI test reports. One test case per tracked item, one test suite
 * per category (named `path › Category › Sub-category`); a critical item that is not done fails,
 * an n/a item is skipped, every other item passes. Untracked items are left out.
 */
import type { ReadinessReport } from './jsonReport';
import { categoryPathText, fileItems, isOpenCritical, itemLabel, type LocatedItem } from './summary';
import { xmlAttributes, xmlText } from './xml';

interface Suite {
  name: string;
  path: string;
  cases: LocatedItem[];
}

/** The report as a JUnit XML document. */
export function toJunit(report: ReadinessReport): string {
  const suites = groupSuites(report);
  const count = (located: readonly LocatedItem[]) => ({
    tests: located.length,
    failures: located.filter((l) => isOpenCritical(l.item)).length,
    skipped: located.filter((l) => l.item.state === 'n/a').length,
  });
  const all = count(suites.flatMap((s) => s.cases));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes({ name: 'readiness', ...all, errors: 0, time: 0 })}>`,
  ];
  for (const suite of suites) {
    lines.push(`  <testsuite${xmlAttributes({ name: suite.name, ...count(suite.cases), errors: 0, time: 0, file: suite.path })}>`);
    const names = uniqueNames(suite.cases);
    suite.cases.forEach((located, i) => lines.push(...testCase(located, suite, names[i])));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
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

function testCase({ item }: LocatedItem, suite: Suite, name: string): string[] {
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
  if (isOpenCritical(item)) {
    const message = `"${itemLabel(item)}" is critical and ${item.state === 'open' ? 'open' : 'in progress'}`;
    const details = [`${suite.path}:${item.line}`, item.owner ? `owner: @${item.owner}` : '', item.due ? `due: ${item.due}` : '']
      .filter(Boolean)
      .join('\n');
    lines.push(`      <failure${xmlAttributes({ message, type: 'critical-open' })}>${xmlText(details)}</failure>`);
  } else if (item.state === 'n/a') {
    lines.push(`      <skipped${xmlAttributes({ message: 'not applicable' })}/>`);
  }
  lines.push('    </testcase>');
  return lines;
}
