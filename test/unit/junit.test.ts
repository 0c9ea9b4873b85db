// `--format junit`: well-formed XML parsed back; one test case per tracked item, suites per
// category; only done items pass: failures for open critical items, skips with a reason for n/a
// and for open items that are not critical (failures with `openItems: 'failure'`); escaping.
import { strict as assert } from 'node:assert';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatReport } from '../../src/core/report/formatReport';
import { toJunit } from '../../src/core/report/junit';
import { xmlAttribute, xmlText } from '../../src/core/report/xml';
import { fixtureReport, fixtureSources, TODAY } from './helpers/reportFixture';

interface Case {
  '@_name': string;
  '@_classname': string;
  '@_file': string;
  '@_line': string;
  properties: { property: { '@_name': string; '@_value': string }[] };
  failure?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: { '@_message': string };
}

interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: Case[];
}

function parse(xml: string): { '@_tests': string; '@_failures': string; '@_skipped': string; testsuite: Suite[] } {
  const validation = XMLValidator.validate(xml);
  assert.equal(validation, true, JSON.stringify(validation));
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
    processEntities: true,
  });
  return parser.parse(xml).testsuites;
}

describe('JUnit report', () => {
  const xml = toJunit(fixtureReport());
  const root = parse(xml);

  it('is well-formed XML with an XML declaration', () => {
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites '));
  });

  it('groups the tracked items into one suite per category, untracked items left out', () => {
    assert.deepEqual(
      root.testsuite.map((s) => [s['@_name'], s.testcase.map((c) => c['@_name'])]),
      [
        ['PRODUCTION_READINESS.md › Security', ['TLS everywhere', 'Secrets rotated', 'Pen test: latency < 200 ms & "quotes" | pipe stars']],
        ['PRODUCTION_READINESS.md › Reliability', ['Rollback tested', 'Backups restored', 'Restore rehearsed']],
        ['services/pay api/PRODUCTION_READINESS.md', ['Refunds reconciled', 'Fraud rules reviewed']],
      ],
    );
  });

  const outcome = (c: Case) => (c.failure ? 'failed' : c.skipped ? 'skipped' : 'passed');

  it('fails open and in-progress critical items, skips n/a and open items that are not critical, and passes done items', () => {
    const cases = root.testsuite.flatMap((s) => s.testcase);
    assert.deepEqual(cases.map(outcome), ['passed', 'failed', 'skipped', 'failed', 'passed', 'skipped', 'passed', 'failed']);
    const failure = cases[1].failure!;
    assert.equal(failure['@_type'], 'critical-open');
    assert.equal(failure['@_message'], '"Secrets rotated" is critical and open');
    assert.equal(failure['#text'], 'PRODUCTION_READINESS.md:6\nowner: @security\ndue: 2026-01-15');
    assert.equal(cases[3].failure!['@_message'], '"Rollback tested" is critical and in progress');
    assert.deepEqual([root['@_tests'], root['@_failures'], root['@_skipped']], ['8', '3', '2']);
    assert.deepEqual(
      root.testsuite.map((s) => [s['@_tests'], s['@_failures'], s['@_skipped']]),
      [
        ['3', '1', '1'],
        ['3', '1', '1'],
        ['2', '1', '0'],
      ],
    );
  });

  /** Every test case of the first checklist: name → [outcome, failure or skip message, failure type]. */
  function outcomes(text: string, openItems?: 'skipped' | 'failure'): Record<string, [string, string | undefined, string | undefined]> {
    const parsed = parse(toJunit(fixtureReport(text), { openItems }));
    return Object.fromEntries(
      parsed.testsuite
        .filter((s) => s['@_name'].startsWith('PRODUCTION_READINESS.md'))
        .flatMap((s) => s.testcase)
        .map((c) => [c['@_name'], [outcome(c), c.failure?.['@_message'] ?? c.skipped?.['@_message'], c.failure?.['@_type']]]),
    );
  }
  const EVERY_STATE =
    '# Gate\n\n## Launch\n\n- [x] Done item\n- [ ] Open item\n- [~] Started item\n- [-] Dropped item\n- [ ] Open gate (critical)\n- [~] Started gate (critical)\n';

  it('gives each state its outcome: done passes, n/a and open or in-progress non-critical items are skipped with the reason', () => {
    assert.deepEqual(outcomes(EVERY_STATE), {
      'Done item': ['passed', undefined, undefined],
      'Open item': ['skipped', 'not done: open (not critical)', undefined],
      'Started item': ['skipped', 'not done: in progress (not critical)', undefined],
      'Dropped item': ['skipped', 'not applicable', undefined],
      'Open gate': ['failed', '"Open gate" is critical and open', 'critical-open'],
      'Started gate': ['failed', '"Started gate" is critical and in progress', 'critical-open'],
    });
  });

  it("fails open and in-progress items that are not critical with openItems: 'failure' (the CLI's --fail-on warning)", () => {
    assert.deepEqual(outcomes(EVERY_STATE, 'failure'), {
      'Done item': ['passed', undefined, undefined],
      'Open item': ['failed', '"Open item" is open', 'open'],
      'Started item': ['failed', '"Started item" is in progress', 'open'],
      'Dropped item': ['skipped', 'not applicable', undefined],
      'Open gate': ['failed', '"Open gate" is critical and open', 'critical-open'],
      'Started gate': ['failed', '"Started gate" is critical and in progress', 'critical-open'],
    });
    const failing = parse(toJunit(fixtureReport(EVERY_STATE), { openItems: 'failure' }));
    assert.deepEqual([failing['@_tests'], failing['@_failures'], failing['@_skipped']], ['8', '5', '1']);
    const open = failing.testsuite.flatMap((s) => s.testcase).find((c) => c['@_name'] === 'Open item')!;
    assert.equal(open.failure!['#text'], 'PRODUCTION_READINESS.md:6');
  });

  it('an unfilled launch gate passes nothing', () => {
    const gate = parse(toJunit(fixtureReport('# Launch gate\n\n## Go/no-go\n\n' + '- [ ] Check\n'.repeat(8))));
    const suite = gate.testsuite.find((s) => s['@_name'] === 'PRODUCTION_READINESS.md › Go/no-go')!;
    assert.deepEqual([suite['@_tests'], suite['@_failures'], suite['@_skipped']], ['8', '0', '8']);
    assert.deepEqual(new Set(suite.testcase.map(outcome)), new Set(['skipped']));
  });

  it('reaches JUnit through formatReport with the junit option', () => {
    const options = { toolVersion: '0.0.0', today: TODAY };
    assert.equal(formatReport(fixtureSources(), 'junit', options), toJunit(fixtureReport()));
    assert.equal(
      formatReport(fixtureSources(), 'junit', { ...options, junit: { openItems: 'failure' } }),
      toJunit(fixtureReport(), { openItems: 'failure' }),
    );
  });

  it('names the file and line of each item and its state as properties', () => {
    const secrets = root.testsuite[0].testcase[1];
    assert.equal(secrets['@_file'], 'PRODUCTION_READINESS.md');
    assert.equal(secrets['@_line'], '6');
    assert.equal(secrets['@_classname'], 'PRODUCTION_READINESS.md › Security');
    assert.deepEqual(Object.fromEntries(secrets.properties.property.map((p) => [p['@_name'], p['@_value']])), {
      id: 'security/secrets-rotated-critical-security-due-2026-01-15',
      state: 'open',
      critical: 'true',
      owner: 'security',
      due: '2026-01-15',
    });
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    assert.ok(xml.includes('name="Pen test: latency &lt; 200 ms &amp; &quot;quotes&quot; | pipe stars"'));
    assert.equal(xmlText('a<b>&c\u0001\uD800'), 'a&lt;b&gt;&amp;c\uFFFD\uFFFD');
    assert.equal(xmlText('😀'), '😀', 'surrogate pairs stay');
    assert.equal(xmlAttribute('say "hi"\n\'you\'\t'), 'say &quot;hi&quot;&#10;&apos;you&apos;&#9;');
    // Code spans keep markup as text in the model.
    const hostile = toJunit(fixtureReport('# T\n\n## A `]]> <![CDATA[ & </testsuite>`\n\n- [ ] Item "\u0007" `</testcase>` (critical)\n'));
    const parsed = parse(hostile);
    assert.equal(parsed.testsuite[0]['@_name'], 'PRODUCTION_READINESS.md › A ]]> <![CDATA[ & </testsuite>');
    assert.equal(parsed.testsuite[0].testcase[0]['@_name'], 'Item "\uFFFD" </testcase>');
  });

  it('writes an empty but valid document for a report without items', () => {
    const empty = parse(
      toJunit({
        version: 1,
        files: [],
        summary: {
          files: 0,
          progress: { done: 0, open: 0, inProgress: 0, notApplicable: 0, untracked: 0, percent: null },
          findings: { error: 0, warning: 0, info: 0 },
        },
      }),
    );
    assert.equal(empty['@_tests'], '0');
  });
});
