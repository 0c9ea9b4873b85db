// `--format junit`: well-formed XML parsed back; one test case per tracked item, suites per
// category, failures for open critical items, skips for n/a, escaping.
import { strict as assert } from 'node:assert';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toJunit } from '../../src/core/report/junit';
import { xmlAttribute, xmlText } from '../../src/core/report/xml';
import { fixtureReport } from './helpers/reportFixture';

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
        [
          'PRODUCTION_READINESS.md › Security',
          ['TLS everywhere (evidence)', 'Secrets rotated (critical)', 'Pen test: latency < 200 ms & "quotes" | pipe stars'],
        ],
        ['PRODUCTION_READINESS.md › Reliability', ['Rollback tested (critical)', 'Backups restored (critical)', 'Restore rehearsed']],
        ['services/pay api/PRODUCTION_READINESS.md', ['Refunds reconciled', 'Fraud rules reviewed (critical)']],
      ],
    );
  });

  it('fails open and in-progress critical items, skips n/a items and passes the rest', () => {
    const cases = root.testsuite.flatMap((s) => s.testcase);
    const outcome = (c: Case) => (c.failure ? 'failed' : c.skipped ? 'skipped' : 'passed');
    assert.deepEqual(cases.map(outcome), ['passed', 'failed', 'skipped', 'failed', 'passed', 'passed', 'passed', 'failed']);
    const failure = cases[1].failure!;
    assert.equal(failure['@_type'], 'critical-open');
    assert.equal(failure['@_message'], '"Secrets rotated (critical)" is critical and open');
    assert.equal(failure['#text'], 'PRODUCTION_READINESS.md:6\nowner: @security\ndue: 2026-01-15');
    assert.equal(cases[3].failure!['@_message'], '"Rollback tested (critical)" is critical and in progress');
    assert.deepEqual([root['@_tests'], root['@_failures'], root['@_skipped']], ['8', '3', '1']);
    assert.deepEqual(
      root.testsuite.map((s) => [s['@_tests'], s['@_failures'], s['@_skipped']]),
      [
        ['3', '1', '1'],
        ['3', '1', '0'],
        ['2', '1', '0'],
      ],
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
    assert.equal(parsed.testsuite[0].testcase[0]['@_name'], 'Item "\uFFFD" </testcase> (critical)');
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
