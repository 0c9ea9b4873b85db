// Keeps README.md's rule reference in step with the rule table (RULE_DOCS_BASE links point at it).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_DOCS_BASE, RULE_IDS, RULES } from '../../src/core/model/ruleTable';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The README text from a rule's anchor up to the next rule anchor or `##` heading. */
function ruleSection(id: string): string | undefined {
  const start = readme.indexOf(`<a id="rule-${id}"></a>`);
  if (start < 0) return undefined;
  const rest = readme.slice(start);
  const next = rest.slice(1).search(/<a id="rule-|\n#{1,2} /);
  return next < 0 ? rest : rest.slice(0, next + 1);
}

describe('README.md', () => {
  it('documents every rule under its docs anchor, with its default severity', () => {
    assert.ok(RULE_DOCS_BASE.endsWith('README.md#rule-'));
    for (const rule of RULES) {
      const section = ruleSection(rule.id);
      assert.ok(section, `README.md has no <a id="rule-${rule.id}"></a>`);
      assert.match(
        section,
        new RegExp(`^<a id="rule-${rule.id}"></a>\\n### \`${rule.id}\`\\n`),
        `rule ${rule.id}: anchor then "### \`${rule.id}\`"`,
      );
      assert.ok(
        section.includes(`Default severity: **${rule.defaultSeverity}**`),
        `rule ${rule.id}: default severity ${rule.defaultSeverity}`,
      );
    }
  });

  it('documents no rule that does not exist', () => {
    const anchors = [...readme.matchAll(/<a id="rule-([^"]+)"><\/a>/g)].map((m) => m[1]);
    assert.deepEqual(anchors, [...RULE_IDS], 'rule anchors in README.md, in rule-table order');
  });

  it('gives the documented install and test commands', () => {
    assert.ok(readme.includes('npm ci && npm test'));
    assert.ok(readme.includes('npm run build && node dist/cli.js check'));
  });
});
