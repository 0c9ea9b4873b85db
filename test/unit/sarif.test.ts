// `--format sarif`: validated against the official SARIF 2.1.0 schema (as shipped by
// @microsoft/jest-sarif) and checked for every property GitHub code scanning needs.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import type * as Sarif from 'sarif';
import { fnv1a64 } from '../../src/core/report/fingerprint';
import { FINGERPRINT_KEY, pathToUri, SARIF_SCHEMA_URI, toSarif } from '../../src/core/report/sarif';
import { RULE_DOCS_BASE, RULES } from '../../src/core/model/ruleTable';
import { fixtureReport, MAIN_TEXT } from './helpers/reportFixture';

const schemaFile = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  // The schema's language-tag pattern is not valid with the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // The schema's formats, checked with the platform's URL parser.
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'https://example.invalid/base/') && !/\s/.test(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}

describe('SARIF report', () => {
  const log = toSarif(fixtureReport(), { toolVersion: '1.2.3' });
  const run = log.runs[0];
  const results = run.results ?? [];

  it('is valid SARIF 2.1.0 by the official JSON schema', () => {
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.ok(!validate({ ...log, version: '2.0.0' }), 'the validator rejects a wrong version');
  });

  it('has the top-level properties GitHub requires', () => {
    assert.equal(log.$schema, SARIF_SCHEMA_URI);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('describes every rule of the rule table in the tool driver, with help links to the README', () => {
    const driver = run.tool.driver;
    assert.equal(driver.name, 'readiness');
    assert.equal(driver.version, '1.2.3');
    assert.equal(driver.informationUri, 'https://github.com/production-readiness/production-readiness');
    assert.deepEqual(
      driver.rules?.map((r) => r.id),
      RULES.map((r) => r.id),
    );
    for (const [i, rule] of (driver.rules ?? []).entries()) {
      const info = RULES[i];
      assert.equal(rule.shortDescription?.text, info.description);
      assert.equal(rule.fullDescription?.text, info.description);
      assert.equal(rule.helpUri, `${RULE_DOCS_BASE}${info.id}`);
      assert.equal(rule.defaultConfiguration?.level, { error: 'error', warning: 'warning', info: 'note' }[info.defaultSeverity]);
    }
  });

  it('gives each finding a result with rule, level, message and a 1-based region', () => {
    assert.deepEqual(
      results.map((r) => [
        r.ruleId,
        r.level,
        r.locations?.[0].physicalLocation?.artifactLocation?.uri,
        r.locations?.[0].physicalLocation?.region?.startLine,
      ]),
      [
        ['config-invalid', 'error', '.readiness.yml', 4],
        ['critical-open', 'error', 'PRODUCTION_READINESS.md', 6],
        ['overdue', 'warning', 'PRODUCTION_READINESS.md', 6],
        ['critical-open', 'error', 'PRODUCTION_READINESS.md', 11],
        ['evidence-missing', 'warning', 'PRODUCTION_READINESS.md', 12],
        ['critical-open', 'error', 'services/pay%20api/PRODUCTION_READINESS.md', 4],
      ],
    );
    const rules = run.tool.driver.rules ?? [];
    for (const result of results) {
      assert.equal(rules[result.ruleIndex!].id, result.ruleId, 'ruleIndex points at the rule');
      assert.ok(result.message.text && result.message.text.length > 0);
      const location = result.locations![0].physicalLocation!;
      assert.equal(location.artifactLocation!.uriBaseId, '%SRCROOT%');
      const region = location.region as Required<Sarif.Region>;
      assert.ok(
        region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine && region.endColumn >= 1,
        JSON.stringify(region),
      );
    }
    const overdue = results[2].locations![0].physicalLocation!.region;
    assert.deepEqual(overdue, { startLine: 6, startColumn: 1, endLine: 6, endColumn: 59 });
    assert.deepEqual(results[1].properties, { itemId: 'security/secrets-rotated-critical-security-due-2026-01-15' });
  });

  it('keeps fingerprints stable when lines move, and distinct between findings', () => {
    const prints = results.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    assert.ok(prints.every((p) => typeof p === 'string' && /^[0-9a-f]{16}$/.test(p)));
    assert.equal(new Set(prints).size, prints.length);
    const moved = toSarif(fixtureReport(`\n\nIntro paragraph.\n${MAIN_TEXT}`), { toolVersion: '9.9.9' });
    const movedResults = moved.runs[0].results ?? [];
    assert.equal(movedResults[1].locations?.[0].physicalLocation?.region?.startLine, 9, 'the finding moved down');
    assert.deepEqual(
      movedResults.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]),
      prints,
    );
  });

  it('encodes paths as relative URI references', () => {
    assert.equal(pathToUri('services/pay api/a#b?.md'), 'services/pay%20api/a%23b%3F.md');
    assert.equal(pathToUri('../other/x.md'), '../other/x.md');
    assert.equal(pathToUri('ü/100%.md'), '%C3%BC/100%25.md');
  });

  it('hashes with 64-bit FNV-1a', () => {
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  });
});
