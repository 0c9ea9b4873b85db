import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { applyFrontMatter, MAX_CONFIG_FINDINGS, parseConfigText, type ConfigResult } from '../../src/core/config/config';
import { defaultConfig } from '../../src/core/config/types';
import { LineIndex } from '../../src/core/text/lineIndex';
import { RULE_BY_ID, RULE_IDS, type Finding } from '../../src/core/model/ruleTable';

const root = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'config', name), 'utf8');
const configSchema = JSON.parse(readFileSync(join(root, 'schemas', 'readiness-config.schema.json'), 'utf8'));
const reportSchema = JSON.parse(readFileSync(join(root, 'schemas', 'readiness-report.schema.json'), 'utf8'));
const EDITOR_KEYWORDS = ['markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions', 'defaultSnippets', 'patternErrorMessage'];

/** `line:column-endLine:endColumn message` for each finding. */
function located(findings: readonly Finding[]): string[] {
  return findings.map(
    (f) =>
      `${f.span.startPosition.line}:${f.span.startPosition.column}-${f.span.endPosition.line}:${f.span.endPosition.column} ${f.message}`,
  );
}

/** The single finding of a result, checked to be a well-formed config-invalid finding. */
function only(result: ConfigResult): string {
  assert.equal(result.findings.length, 1, located(result.findings).join('\n'));
  const f = result.findings[0];
  assert.equal(f.rule, 'config-invalid');
  assert.equal(f.severity, RULE_BY_ID.get('config-invalid')?.defaultSeverity);
  return located(result.findings)[0];
}

/** Spans must agree with their offsets in the text they were computed for. */
function assertSpansConsistent(text: string, findings: readonly Finding[]): void {
  const index = new LineIndex(text);
  for (const f of findings) {
    assert.ok(f.span.start <= f.span.end && f.span.end <= text.length, f.message);
    assert.deepEqual(f.span.startPosition, index.positionAt(f.span.start), f.message);
    assert.deepEqual(f.span.endPosition, index.positionAt(f.span.end), f.message);
  }
}

describe('config: parseConfigText', () => {
  it('returns the defaults and no findings for an empty file, comments or a null document', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n', '~\n', '\uFEFF']) {
      assert.deepEqual(parseConfigText(text), { config: defaultConfig(), findings: [] }, JSON.stringify(text));
    }
  });

  it('reads a full valid config', () => {
    const result = parseConfigText(fixture('full.readiness.yml'));
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.config, {
      baseDir: '',
      checklists: ['services/*/PRODUCTION_READINESS.md', '!services/legacy/**'],
      critical: [{ category: 'Security' }, { item: 'Rollback*' }, { id: 'backups-restored' }],
      evidence: { required: 'critical', dir: 'docs/evidence/2024' },
      runbooks: {
        dirs: ['ops/runbooks'],
        links: [
          { match: 'rollback', path: 'ops/runbooks/rollback.md' },
          { match: 'on-call', path: 'ops/runbooks/paging.md' },
        ],
      },
      rules: { 'untracked-item': 'off', overdue: 'error', 'no-items': 'warning', mojibake: 'info' },
      statuses: {},
    });
  });

  it('reads statuses: words and glyphs to states, one located finding per bad value', () => {
    const text = 'statuses:\n  Verify: open\n  "⚠️": in-progress\n  Shipped: donee\n  Parked: n/a\n';
    const result = parseConfigText(text);
    assert.deepEqual(result.config.statuses, { Verify: 'open', '⚠️': 'in-progress', Parked: 'n/a' });
    assert.deepEqual(located(result.findings), [
      '4:12-4:17 statuses.Shipped must be one of done, open, in-progress, n/a (got "donee"; did you mean "done"?)',
    ]);
  });

  it('refuses statuses: that is not a map', () => {
    const result = parseConfigText('statuses: [Verify]\n');
    assert.deepEqual(result.config.statuses, {});
    assert.deepEqual(located(result.findings), ['1:11-1:19 statuses must be a map (got a list)']);
  });

  it('keeps defaults for keys that are not set', () => {
    const result = parseConfigText('evidence:\n  required: all\n');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.config, { ...defaultConfig(), evidence: { required: 'all', dir: 'docs/evidence' } });
  });

  it('accepts anchors, merge keys and x- extension keys', () => {
    const result = parseConfigText(fixture('anchors.readiness.yml'));
    assert.deepEqual(located(result.findings), []);
    assert.deepEqual(result.config.runbooks, { dirs: ['ops/runbooks'], links: [] });
  });

  it('accepts flow style, quoted keys and CRLF line endings', () => {
    const result = parseConfigText('{"critical": [{id: a}], rules: {"overdue": off}}\r\n');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.config.critical, [{ id: 'a' }]);
    assert.deepEqual(result.config.rules, { overdue: 'off' });
  });

  describe('locates each invalid key', () => {
    const cases: [name: string, text: string, expected: string][] = [
      [
        'checklists not a list',
        'checklists: docs/PRODUCTION_READINESS.md\n',
        '1:13-1:41 checklists must be a list (got "docs/PRODUCTION_READINESS.md")',
      ],
      ['checklists empty', 'checklists: []\n', '1:13-1:15 checklists must not be empty'],
      ['checklists entry not a string', 'checklists:\n  - a.md\n  - 42\n', '3:5-3:7 checklists[1] must be a string (got 42)'],
      [
        'checklists absolute glob',
        'checklists:\n  - /etc/**\n',
        '2:5-2:12 checklists[0] must be a glob relative to the config file\'s folder (no leading / or \\, drive letter, URL scheme or .. segment) (got "/etc/**")',
      ],
      [
        'checklists escaping glob',
        'checklists: ["../x/*.md"]\n',
        '1:14-1:25 checklists[0] must be a glob relative to the config file\'s folder (no leading / or \\, drive letter, URL scheme or .. segment) (got "../x/*.md")',
      ],
      ['critical not a list', 'critical: Security\n', '1:11-1:19 critical must be a list (got "Security")'],
      ['critical entry not a map', 'critical:\n  - Security\n', '2:5-2:13 critical[0] must be a map (got "Security")'],
      ['critical entry empty', 'critical:\n  - {}\n', '2:5-2:7 critical[0] must have exactly one of category, item, id (got none)'],
      [
        'critical entry with two keys',
        'critical:\n  - category: A\n    id: b\n',
        '2:5-3:10 critical[0] must have exactly one of category, item, id (got category and id)',
      ],
      [
        'critical entry with an unknown key',
        'critical:\n  - categroy: A\n',
        '2:5-2:13 unknown key "categroy" in critical[0] (did you mean "category"?)',
      ],
      ['critical selector blank', 'critical:\n  - item: "  "\n', '2:11-2:15 critical[0].item must not be empty (got "  ")'],
      ['evidence not a map', 'evidence: all\n', '1:11-1:14 evidence must be a map (got "all")'],
      ['evidence.required', 'evidence:\n  required: some\n', '2:13-2:17 evidence.required must be one of none, critical, all (got "some")'],
      [
        'evidence.required typo',
        'evidence:\n  required: Critical\n',
        '2:13-2:21 evidence.required must be one of none, critical, all (got "Critical"; did you mean "critical"?)',
      ],
      [
        'evidence.dir absolute',
        'evidence:\n  dir: C:\\evidence\n',
        '2:8-2:19 evidence.dir must be a workspace-relative path (no leading / or \\, drive letter, URL scheme or .. segment) (got "C:\\\\evidence")',
      ],
      [
        'evidence.dir escaping',
        'evidence: {dir: docs/../../out}\n',
        '1:17-1:31 evidence.dir must be a workspace-relative path (no leading / or \\, drive letter, URL scheme or .. segment) (got "docs/../../out")',
      ],
      ['evidence.dir not a string', 'evidence:\n  dir: [a]\n', '2:8-2:11 evidence.dir must be a string (got a list)'],
      ['evidence unknown key', 'evidence:\n  requried: all\n', '2:3-2:11 unknown key "requried" in evidence (did you mean "required"?)'],
      ['runbooks not a map', 'runbooks: [ops]\n', '1:11-1:16 runbooks must be a map (got a list)'],
      ['runbooks.dirs not a list', 'runbooks:\n  dirs: ops\n', '2:9-2:12 runbooks.dirs must be a list (got "ops")'],
      [
        'runbooks.dirs escaping',
        'runbooks:\n  dirs:\n    - ops\n    - ../shared\n',
        '4:7-4:16 runbooks.dirs[1] must be a workspace-relative path (no leading / or \\, drive letter, URL scheme or .. segment) (got "../shared")',
      ],
      ['runbooks.links entry missing path', 'runbooks:\n  links:\n    - match: rollback\n', '3:7-3:22 runbooks.links[0] is missing "path"'],
      ['runbooks.links entry missing both', 'runbooks:\n  links:\n    - {}\n', '3:7-3:9 runbooks.links[0] is missing "match" and "path"'],
      [
        'runbooks.links path URL',
        'runbooks:\n  links:\n    - match: x\n      path: https://wiki/x\n',
        '4:13-4:27 runbooks.links[0].path must be a workspace-relative path (no leading / or \\, drive letter, URL scheme or .. segment) (got "https://wiki/x")',
      ],
      ['runbooks unknown key', 'runbooks:\n  dir: ops\n', '2:3-2:6 unknown key "dir" in runbooks (did you mean "dirs"?)'],
      ['rules not a map', 'rules: off\n', '1:8-1:11 rules must be a map (got "off")'],
      [
        'rules severity',
        'rules:\n  overdue: warn\n',
        '2:12-2:16 rules.overdue must be one of off, info, warning, error (got "warn"; did you mean "warning"?)',
      ],
      ['rules severity not a string', 'rules:\n  overdue: 2\n', '2:12-2:13 rules.overdue must be one of off, info, warning, error (got 2)'],
      [
        'rules severity false',
        'rules:\n  overdue: false\n',
        '2:12-2:17 rules.overdue must be one of off, info, warning, error (got false)',
      ],
      ['rules unknown rule', 'rules:\n  overdu: off\n', '2:3-2:9 unknown rule "overdu" (did you mean "overdue"?)'],
      ['$schema not a string', '$schema: 1\n', '1:10-1:11 $schema must be a string (got 1)'],
      ['empty section', 'rules:\n  # overdue: off\n', '1:1-1:6 rules must be a map (got an empty value)'],
    ];
    for (const [name, text, expected] of cases) {
      it(name, () => {
        const result = parseConfigText(text);
        assert.equal(only(result), expected);
        assertSpansConsistent(text, result.findings);
      });
    }
  });

  it('suggests the closest known key for an unknown top-level key', () => {
    assert.equal(only(parseConfigText('critcal:\n  - id: a\n')), '1:1-1:8 unknown key "critcal" (did you mean "critical"?)');
    assert.equal(only(parseConfigText('checklist: [a]\n')), '1:1-1:10 unknown key "checklist" (did you mean "checklists"?)');
    assert.equal(only(parseConfigText('required: all\n')), '1:1-1:9 unknown key "required" (did you mean "evidence.required"?)');
    assert.equal(only(parseConfigText('overdue: off\n')), '1:1-1:8 unknown key "overdue" (did you mean "rules.overdue"?)');
    assert.equal(
      only(parseConfigText('foo: 1\n')),
      '1:1-1:4 unknown key "foo" (expected one of checklists, critical, evidence, runbooks, rules, statuses)',
    );
  });

  it('lists the known rules when an unknown rule is nothing like them', () => {
    assert.equal(only(parseConfigText('rules:\n  zzz: off\n')), `2:3-2:6 unknown rule "zzz" (known rules: ${RULE_IDS.join(', ')})`);
  });

  it('keeps the valid parts when others are invalid', () => {
    const text = [
      'critical:',
      '  - id: keep-me',
      '  - nonsense',
      'evidence:',
      '  required: sometimes',
      '  dir: proofs',
      'runbooks:',
      '  dirs: [ok, /abs]',
      'rules:',
      '  overdue: loud',
      '  mojibake: off',
      'checklists: 5',
    ].join('\n');
    const { config, findings } = parseConfigText(text);
    assert.equal(findings.length, 5, located(findings).join('\n'));
    assert.deepEqual(config.critical, [{ id: 'keep-me' }]);
    assert.deepEqual(config.evidence, { required: 'none', dir: 'proofs' });
    assert.deepEqual(config.runbooks, { dirs: ['ok'], links: [] });
    assert.deepEqual(config.rules, { mojibake: 'off' });
    assert.deepEqual(config.checklists, defaultConfig().checklists);
    assert.deepEqual(
      findings.map((f) => f.span.startPosition.line),
      [3, 5, 8, 10, 12],
    );
  });

  it('keeps the default for a list whose every entry is invalid', () => {
    const { config, findings } = parseConfigText('runbooks:\n  dirs: [/a, /b]\n');
    assert.equal(findings.length, 2);
    assert.deepEqual(config.runbooks.dirs, defaultConfig().runbooks.dirs);
  });

  it('reports a top level that is not a map once', () => {
    assert.equal(only(parseConfigText('- a\n- b\n')), '1:1-2:4 the configuration must be a map of settings (got a list)');
    assert.equal(only(parseConfigText('just text\n')), '1:1-1:10 the configuration must be a map of settings (got "just text")');
    assert.equal(only(parseConfigText('42')), '1:1-1:3 the configuration must be a map of settings (got 42)');
    assert.deepEqual(parseConfigText('- a\n').config, defaultConfig());
  });

  it('reports each YAML syntax error at its position', () => {
    assert.deepEqual(located(parseConfigText('rules:\n  overdue: off\n   bad: x\n').findings), [
      '2:12-2:13 invalid YAML: Nested mappings are not allowed in compact mappings',
      '2:12-3:7 invalid YAML: Implicit keys need to be on a single line',
    ]);
    assert.equal(only(parseConfigText('rules:\n  overdue: "off\n')), '3:1-3:1 invalid YAML: Missing closing "quote');
    const tab = parseConfigText('rules:\n\toverdue: off\nevidence: {required: all}\n');
    assert.equal(only(tab), '2:1-2:2 invalid YAML: Tabs are not allowed as indentation');
    assert.equal(tab.config.evidence.required, 'all');
  });

  it('keeps entries a syntax error does not touch', () => {
    const text = 'critical:\n  - id: a\nrules: {overdue: off\nevidence:\n  required: all\n';
    const { config, findings } = parseConfigText(text);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^invalid YAML: /);
    assert.equal(findings[0].span.startPosition.line, 4);
    assert.deepEqual(config.critical, [{ id: 'a' }]);
    assert.deepEqual(config.rules, {});
    assert.equal(config.evidence.required, 'none');
  });

  it('reports duplicate keys and drops them', () => {
    const result = parseConfigText('rules: {overdue: off}\nevidence: {required: all}\nrules: {mojibake: off}\n');
    assert.equal(only(result), '3:1-3:6 duplicate key "rules": each key may appear only once');
    assert.deepEqual(result.config.rules, {});
    assert.equal(result.config.evidence.required, 'all');
  });

  it('reports a second YAML document', () => {
    const result = parseConfigText('rules: {overdue: off}\n---\nrules: {overdue: error}\n');
    assert.match(only(result), /^2:1-.* only one YAML document is allowed/);
    assert.deepEqual(result.config.rules, { overdue: 'off' });
  });

  it('reports non-string keys', () => {
    const result = parseConfigText('rules:\n  ? [a, b]\n  : off\nevidence: {required: all}\n');
    assert.equal(only(result), '2:5-2:6 keys must be plain strings');
    assert.deepEqual(result.config.rules, {});
    assert.equal(result.config.evidence.required, 'all');
  });

  it('counts columns in UTF-16 code units and handles CRLF and lone CR line endings', () => {
    const astral = parseConfigText('critical: [{category: "🚀 Launch"}, 5]\n');
    assert.equal(only(astral), '1:37-1:38 critical[1] must be a map (got 5)');
    for (const eol of ['\r\n', '\r']) {
      const text = `rules:${eol}  overdue: loud${eol}`;
      const result = parseConfigText(text);
      assert.equal(only(result), '2:12-2:16 rules.overdue must be one of off, info, warning, error (got "loud")');
      assertSpansConsistent(text, result.findings);
    }
  });

  it('truncates very long values in messages', () => {
    const long = 'x'.repeat(100_000);
    const result = parseConfigText(`evidence:\n  required: ${long}\n`);
    assert.ok(only(result).length < 200);
  });

  it('caps the number of findings', () => {
    const text = `checklists: [${Array.from({ length: 300 }, (_, i) => i).join(', ')}]\n`;
    const { findings } = parseConfigText(text);
    assert.equal(findings.length, MAX_CONFIG_FINDINGS + 1);
    assert.equal(findings[MAX_CONFIG_FINDINGS].message, '200 more configuration problems not shown');
  });
});

describe('config: hostile YAML', () => {
  const hostile: [name: string, text: string, message: RegExp][] = [
    ['a !!js/function tag', 'rules: !!js/function "function () { globalThis.__pwned = true }"\n', /^unsupported tag !!js\/function/],
    ['a !!js/undefined tag', 'checklists: !!js/undefined ~\n', /^unsupported tag !!js\/undefined/],
    ['a !!python/object tag', 'critical: !!python/object:os.system [rm]\n', /^unsupported tag !!python\/object:os\.system/],
    ['a local tag', 'evidence: !include other.yml\n', /^unsupported tag !include/],
    ['a YAML 1.1 !!binary tag', 'evidence:\n  dir: !!binary aGk=\n', /^unsupported tag !!binary/],
    ['a billion laughs', billionLaughs(9), /too many aliases/],
    ['a small alias bomb under the alias limit', billionLaughs(5), /alias bomb/],
    ['a 10,000-long << merge chain', mergeChain(10_000), /too many aliases/],
    ['10,000 merges of one anchor', `base: &b {x: 1}\nc: {<<: [${Array(10_000).fill('*b').join(', ')}]}\n`, /too many aliases/],
    ['5,000 unclosed [', '['.repeat(5000), /nested too deeply/],
    ['5,000 nested closed [ ]', '['.repeat(5000) + ']'.repeat(5000), /nested too deeply/],
    ['5,000 nested { a:', '{a: '.repeat(5000), /nested too deeply/],
    ['5,000 compact - - -', `${'- '.repeat(5000)}x\n`, /nested too deeply/],
    ['5,000 explicit keys ? ? ?', `${'? '.repeat(5000)}x\n`, /nested too deeply/],
    ['3,000 indented block maps', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), /nested too deeply/],
    ['100,000 closing brackets', ']'.repeat(100_000), /too large to read safely/],
    ['20,000 one-line keys', Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n'), /too large to read safely/],
    ['a circular alias', 'critical: &c [*c]\n', /circular/],
    ['an unknown alias', 'rules: *nope\n', /unknown alias \*nope/],
  ];
  for (const [name, text, message] of hostile) {
    it(`turns ${name} into a finding, quickly`, () => {
      const result = parseConfigText(text);
      assert.ok(result.findings.length >= 1);
      assert.ok(result.findings.length <= MAX_CONFIG_FINDINGS + 1);
      assert.match(result.findings[0].message, message);
      assert.ok(result.findings.every((f) => f.rule === 'config-invalid'));
      assertSpansConsistent(text, result.findings);
      assert.equal((globalThis as Record<string, unknown>).__pwned, undefined);
    });
  }

  it('falls back to defaults for refused documents and keeps other entries for bad tags', () => {
    assert.deepEqual(parseConfigText(billionLaughs(9)).config, defaultConfig());
    assert.deepEqual(parseConfigText('['.repeat(5000)).config, defaultConfig());
    const tagged = parseConfigText('rules: !!js/function "x"\nevidence: {required: all}\n');
    assert.deepEqual(tagged.config.rules, {});
    assert.equal(tagged.config.evidence.required, 'all');
  });

  it('locates the depth finding where the limit is crossed', () => {
    const text = `critical:\n  - ${'['.repeat(100)}\n`;
    const f = parseConfigText(text).findings[0];
    assert.equal(f.span.startPosition.line, 2);
    assert.ok(f.span.startPosition.column > 5);
  });

  it('does not let __proto__ keys pollute prototypes', () => {
    const result = parseConfigText('__proto__: {polluted: yes}\nrules:\n  __proto__: {polluted: yes}\ncritical:\n  - __proto__: {id: x}\n');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(result.config.rules), Object.prototype);
    assert.deepEqual(result.config, defaultConfig());
    assert.deepEqual(
      located(result.findings).map((l) => l.replace(/ \(.*$/, '')),
      ['1:1-1:10 unknown key "__proto__"', '3:3-3:12 unknown rule "__proto__"', '5:5-5:14 unknown key "__proto__" in critical[0]'],
    );
  });

  it('never throws and always returns a valid result for arbitrary text', () => {
    const yamlish = fc.string({
      unit: fc.constantFrom(
        'a',
        'b',
        ':',
        ' ',
        '\n',
        '-',
        '[',
        ']',
        '{',
        '}',
        '&a',
        '*a',
        '<<',
        '!!',
        '"',
        "'",
        '#',
        '?',
        ',',
        '|',
        '>',
        '\t',
        '\r',
        'rules',
        'critical',
      ),
      maxLength: 200,
    });
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ maxLength: 200 })), (text) => {
        const { config, findings } = parseConfigText(text);
        assert.ok(Array.isArray(config.checklists) && Array.isArray(config.critical));
        assertSpansConsistent(text, findings);
      }),
      { numRuns: 500 },
    );
  });
});

describe('config: applyFrontMatter', () => {
  const checklist = fixture('front-matter.md');
  const body = checklist.slice(4, checklist.indexOf('\n---\n') + 1);
  const base = { offset: 4, line: 2, column: 1 };

  it('overrides the file config key by key and returns the front matter data', () => {
    const fileConfig = parseConfigText(fixture('full.readiness.yml')).config;
    const result = applyFrontMatter(fileConfig, body, base);
    assert.deepEqual(result.config, {
      ...fileConfig,
      critical: [{ category: 'Data' }],
      evidence: { required: 'all', dir: 'docs/evidence/2024' },
      rules: { ...fileConfig.rules, overdue: 'off' },
    });
    assert.deepEqual(result.data, {
      title: 'Payments service',
      owner: 'team-payments',
      readiness: { critical: [{ category: 'Data' }], evidence: { required: 'all' }, rules: { overdue: 'off', 'duplicate-id': 'eror' } },
    });
  });

  it('locates findings in the checklist text', () => {
    const result = applyFrontMatter(defaultConfig(), body, base);
    assert.equal(
      only(result),
      '11:19-11:23 readiness.rules.duplicate-id must be one of off, info, warning, error (got "eror"; did you mean "error"?)',
    );
    assertSpansConsistent(checklist, result.findings);
    assert.equal(checklist.slice(result.findings[0].span.start, result.findings[0].span.end), 'eror');
  });

  it('shifts columns on the first line by the base column', () => {
    const result = applyFrontMatter(defaultConfig(), 'readiness: {evidence: {required: x}}', { offset: 10, line: 3, column: 5 });
    assert.equal(only(result), '3:38-3:39 readiness.evidence.required must be one of none, critical, all (got "x")');
    assert.equal(result.findings[0].span.start, 10 + 33);
  });

  it('leaves the config alone without a readiness block', () => {
    const config = defaultConfig();
    const result = applyFrontMatter(config, 'title: T\n', base);
    assert.deepEqual(result, { config, findings: [], data: { title: 'T' } });
    assert.deepEqual(applyFrontMatter(config, '', base), { config, findings: [], data: null });
    assert.deepEqual(applyFrontMatter(config, '- a\n', base), { config, findings: [], data: ['a'] });
  });

  it('rejects file-only keys and unknown keys in the block', () => {
    const text = 'readiness:\n  checklists: 5\n  $schema: x\n  critcal: []\n';
    const result = applyFrontMatter(defaultConfig(), text, { offset: 0, line: 1, column: 1 });
    assert.deepEqual(located(result.findings), [
      '2:3-2:13 "checklists" cannot be set in front matter; set it in .readiness.yml',
      '3:3-3:10 "$schema" cannot be set in front matter; set it in .readiness.yml',
      '4:3-4:10 unknown key "critcal" in readiness (did you mean "critical"?)',
    ]);
    assert.deepEqual(result.config, defaultConfig());
  });

  it('reports a readiness block that is not a map', () => {
    assert.equal(
      only(applyFrontMatter(defaultConfig(), 'readiness:\n', base)),
      '2:1-2:10 readiness must be a map of settings (got an empty value)',
    );
    assert.equal(
      only(applyFrontMatter(defaultConfig(), 'readiness: [a]\n', base)),
      '2:12-2:15 readiness must be a map of settings (got a list)',
    );
  });

  it('returns null data and checklist-located findings when the front matter does not parse', () => {
    const result = applyFrontMatter(defaultConfig(), 'title: [unclosed\nreadiness: {rules: {overdue: off}}\n', base);
    assert.equal(result.data, null);
    assert.deepEqual(result.config, defaultConfig());
    assert.ok(result.findings.length >= 1);
    assert.ok(result.findings.every((f) => f.span.startPosition.line >= 2 && f.span.start >= 4));
  });

  it('ignores tags outside the readiness block but not inside it', () => {
    const outside = applyFrontMatter(defaultConfig(), 'date: !!timestamp 2024-01-01\nreadiness: {rules: {overdue: off}}\n', base);
    assert.deepEqual(outside.findings, []);
    assert.deepEqual(outside.config.rules, { overdue: 'off' });
    const inside = applyFrontMatter(defaultConfig(), 'readiness: {rules: !!js/function "x"}\n', base);
    assert.match(only(inside), /^2:20-2:33 unsupported tag !!js\/function/);
    assert.deepEqual(inside.config, defaultConfig());
  });

  it('refuses hostile front matter quickly', () => {
    for (const text of [billionLaughs(9), billionLaughs(5), mergeChain(10_000), '['.repeat(5000), 'a: &a [*a]\n']) {
      const result = applyFrontMatter(defaultConfig(), text, base);
      assert.equal(result.data, null);
      assert.equal(result.findings.length, 1);
      assert.deepEqual(result.config, defaultConfig());
    }
  });
});

describe('config schema', () => {
  it('is a valid draft-07 schema that compiles in strict mode', () => {
    assert.equal(configSchema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.match(configSchema.$id, /^https:\/\/.*readiness-config\.schema\.json$/);
    const ajv = new Ajv({ strict: true, allErrors: true });
    ajv.addVocabulary(EDITOR_KEYWORDS);
    assert.equal(ajv.validateSchema(configSchema), true, JSON.stringify(ajv.errors));
    ajv.compile(configSchema);
  });

  it('lists every rule id, with its default severity and description', () => {
    const rules = configSchema.properties.rules;
    assert.deepEqual(Object.keys(rules.properties), [...RULE_IDS]);
    for (const id of RULE_IDS) {
      const info = RULE_BY_ID.get(id);
      assert.equal(rules.properties[id].$ref, '#/definitions/ruleSetting');
      assert.equal(rules.properties[id].default, info?.defaultSeverity);
      assert.ok(rules.properties[id].description.startsWith(info?.description ?? '?'), id);
    }
    assert.deepEqual(configSchema.definitions.ruleSetting.enum, ['off', 'info', 'warning', 'error']);
  });

  it('documents every property for editor hovers and closes every object', () => {
    const resolve = (node: Record<string, unknown>) => {
      const ref = typeof node.$ref === 'string' ? configSchema.definitions[node.$ref.replace('#/definitions/', '')] : {};
      return { ...ref, ...node };
    };
    const visit = (node: Record<string, unknown>, where: string) => {
      // A map of free keys (`statuses`) describes its values instead.
      const map = typeof node.additionalProperties === 'object' && node.additionalProperties !== null;
      if (node.type === 'object' && !map) assert.equal(node.additionalProperties, false, `${where} must set additionalProperties: false`);
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        const full = resolve(child);
        for (const k of ['title', 'description', 'markdownDescription'])
          assert.equal(typeof full[k], 'string', `${where}.${key} needs ${k}`);
        visit(full, `${where}.${key}`);
      }
      if (node.items) visit(resolve(node.items as Record<string, unknown>), `${where}[]`);
    };
    visit(configSchema, '$');
    for (const [name, def] of Object.entries(configSchema.definitions as Record<string, Record<string, unknown>>)) visit(def, `#${name}`);
  });

  it('describes the defaults', () => {
    const d = defaultConfig();
    assert.deepEqual(configSchema.properties.checklists.default, d.checklists);
    assert.deepEqual(configSchema.properties.evidence.properties.required.default, d.evidence.required);
    assert.deepEqual(configSchema.properties.evidence.properties.dir.default, d.evidence.dir);
    assert.deepEqual(configSchema.properties.runbooks.properties.dirs.default, d.runbooks.dirs);
  });

  it('path patterns accept relative paths and reject escapes', () => {
    const relative = new RegExp(configSchema.definitions.relativePath.pattern, 'u');
    const glob = new RegExp(configSchema.definitions.glob.pattern, 'u');
    for (const ok of ['docs/evidence', './docs', 'a/..b/c', 'a..', '.', 'docs\\evidence', 'runbooks/ünïcode 🚀'])
      assert.ok(relative.test(ok), ok);
    for (const bad of [
      '/etc',
      '\\\\server\\share',
      'C:\\x',
      'c:/x',
      'https://x',
      'file:x',
      '..',
      '../x',
      'a/../b',
      'a\\..\\b',
      'a/..',
      '',
      '   ',
      'a\nb',
      'a\u0000b',
    ]) {
      assert.ok(!relative.test(bad), JSON.stringify(bad));
    }
    for (const ok of ['**/PRODUCTION_READINESS.md', '!legacy/**', 'services/{a,b}/*.md']) assert.ok(glob.test(ok), ok);
    for (const bad of ['/abs/**', '!/abs', '!../x', '../**', 'a/../**', 'C:/**', '']) assert.ok(!glob.test(bad), JSON.stringify(bad));
  });

  it('has only patterns that stay linear on 100,000-character values', () => {
    const patterns = [...collectPatterns(configSchema), ...collectPatterns(reportSchema)];
    assert.ok(patterns.length >= 4);
    const n = 100_000;
    const inputs = [
      'a'.repeat(n),
      ' '.repeat(n),
      '/'.repeat(n),
      '.'.repeat(n),
      '\\'.repeat(n),
      '!'.repeat(n),
      'a:'.repeat(n / 2),
      '../'.repeat(n / 3),
      `${'a/'.repeat(n / 2)}\u0000`,
      `${'a'.repeat(n)}:`,
      `${'./'.repeat(n / 2)}..`,
      `${'0'.repeat(n)}-`,
      `2024-01-${'1'.repeat(n)}`,
      `${' '.repeat(n)}\u0001`,
    ];
    for (const source of patterns) {
      const re = new RegExp(source, 'u');
      // A pattern that backtracks on one of these runs for minutes: mocha's timeout fails the test.
      for (const input of inputs) re.test(input);
    }
  });
});

/** `levels` of anchors, each holding nine aliases of the previous one. */
function billionLaughs(levels: number): string {
  const names = Array.from({ length: levels + 1 }, (_, i) => `l${i}`);
  const lines = [`${names[0]}: &${names[0]} [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

/** A chain of maps each merging the previous one. */
function mergeChain(length: number): string {
  const lines = ['x-a0: &a0 {k0: 0}'];
  for (let i = 1; i < length; i++) lines.push(`x-a${i}: &a${i} {<<: *a${i - 1}, k${i}: ${i}}`);
  return `${lines.join('\n')}\n`;
}

function collectPatterns(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(collectPatterns);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'pattern' && typeof v === 'string' ? [v] : collectPatterns(v)));
}
