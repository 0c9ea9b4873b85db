// The Markdown injection grammar: valid JSON, every include resolves, every regex compiles and
// stays within the syntax Oniguruma and JavaScript share, and each rule matches what it should.
// VS Code tokenizes with Oniguruma; no Oniguruma is installed here, so the patterns are compiled
// with JavaScript RegExp ('u' flag: code points, like Oniguruma) after checking they avoid the
// constructs the two engines read differently.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, { name: string }>;
  comment?: string;
}

interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const root = resolve(import.meta.dirname, '..', '..');
const grammar = JSON.parse(readFileSync(resolve(root, 'syntaxes/readiness.injection.tmLanguage.json'), 'utf8')) as Grammar;
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
};

function rulesOf(rule: Rule): Rule[] {
  return [rule, ...(rule.patterns ?? []).flatMap(rulesOf)];
}

const allRules = [...grammar.patterns, ...Object.values(grammar.repository)].flatMap(rulesOf);
const regexSources = allRules.flatMap((r) => [r.match, r.begin, r.end].filter((s): s is string => s !== undefined));

/** Texts a repository rule matches in a line, each with the scope names it gets. */
function matches(key: string, line: string): string[] {
  const found: { index: number; text: string; scopes: string }[] = [];
  for (const rule of rulesOf(grammar.repository[key])) {
    if (!rule.match) continue;
    for (const m of line.matchAll(new RegExp(rule.match, 'gu'))) {
      const captured = Object.entries(rule.captures ?? {})
        .filter(([group]) => group !== '0' && m[Number(group)] !== undefined)
        .map(([group, c]) => `${m[Number(group)]}=${c.name}`);
      const whole = rule.captures?.['0']?.name;
      found.push({ index: m.index, text: m[0], scopes: [rule.name ?? whole, ...captured].filter(Boolean).join(' ') });
    }
  }
  return found.sort((a, b) => a.index - b.index).map((f) => `${f.text} → ${f.scopes}`);
}

/** A pattern with escapes and character classes reduced to one letter each, to look at its operators. */
function withoutClasses(source: string): string {
  return source.replace(/\\./g, 'e').replace(/\[(?:\\.|[^\]])*\]/g, 'c');
}

const texts = (key: string, line: string) => matches(key, line).map((m) => m.split(' → ')[0]);

describe('readiness injection grammar', () => {
  it('is the grammar package.json contributes, injected into Markdown outside code', () => {
    const contributed = manifest.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.ok(contributed, 'package.json contributes the grammar');
    assert.equal(contributed.path, './syntaxes/readiness.injection.tmLanguage.json');
    assert.deepEqual(contributed.injectTo, ['text.html.markdown']);
    assert.equal(grammar.scopeName, 'markdown.readiness.injection');
    const selectors = grammar.injectionSelector.split(',').map((s) => s.trim());
    assert.ok(selectors.length > 0);
    for (const selector of selectors) {
      assert.match(selector, /^L:text\.html\.markdown /, 'left priority: wins over link-reference brackets at the same position');
      for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-markup.raw'])
        assert.ok(selector.includes(excluded), `${selector} excludes ${excluded}`);
    }
  });

  it('resolves every include and names every scope under the .readiness suffix', () => {
    for (const rule of allRules) {
      if (rule.include)
        assert.ok(rule.include.startsWith('#') && grammar.repository[rule.include.slice(1)], `unresolved include ${rule.include}`);
      const names = [rule.name, ...Object.values(rule.captures ?? {}).map((c) => c.name)].filter((n): n is string => n !== undefined);
      for (const name of names.flatMap((n) => n.split(' '))) assert.match(name, /^[a-z]+(?:\.[a-z-]+)*\.readiness$/, name);
      if (rule.include === undefined && rule.patterns === undefined) assert.ok(rule.match, 'leaf rules are single-line matches');
    }
  });

  it('compiles every pattern and avoids syntax Oniguruma and JavaScript read differently', () => {
    assert.ok(regexSources.length >= 10);
    for (const source of regexSources) {
      assert.doesNotThrow(() => new RegExp(source, 'u'), `does not compile: ${source}`);
      assert.doesNotMatch(source, /\(\?[imx-]+[:)]/, `inline flags: ${source}`);
      assert.doesNotMatch(source, /\\[AzZhHRXKk]|\\x\{|\\p\{|\(\?>|\(\?~/, `Oniguruma-only syntax: ${source}`);
      assert.doesNotMatch(withoutClasses(source), /[*+?}]\+/, `possessive quantifier: ${source}`);
      assert.doesNotMatch(source, /\(\?<[A-Za-z]/, `named group: ${source}`);
      // Oniguruma allows alternatives of different lengths in a lookbehind, but no quantifiers.
      for (const lookbehind of source.matchAll(/\(\?<[=!]((?:\\.|\[(?:\\.|[^\]])*\]|[^()])*)\)/g)) {
        assert.doesNotMatch(withoutClasses(lookbehind[1]), /[*+?{]/, `variable-length lookbehind: ${source}`);
      }
    }
  });

  it('captures only groups that exist', () => {
    for (const rule of allRules.filter((r) => r.match && r.captures)) {
      const groups = new RegExp(`${rule.match}|`, 'u').exec('')!.length - 1;
      for (const group of Object.keys(rule.captures!)) assert.ok(Number(group) <= groups, `capture ${group} of ${rule.match}`);
    }
  });

  it('highlights critical markers', () => {
    assert.deepEqual(texts('critical', '- [ ] Load test (critical) and [critical], **critical**, __Critical__ #critical 🔴'), [
      '(critical)',
      '[critical]',
      '**critical**',
      '__Critical__',
      '#critical',
      '🔴',
    ]);
    assert.deepEqual(texts('critical', '- [ ] (R) Owner signs off'), ['(R)']);
    assert.deepEqual(texts('critical', 'Non-critical, criticality, issue#critical, Trademark(R) sign, (criticals)'), []);
    assert.match(matches('critical', '(critical)')[0], /markup\.bold\.critical\.readiness keyword\.other\.critical\.readiness/);
  });

  it('highlights @owner handles but not e-mail addresses or URL paths', () => {
    assert.deepEqual(matches('owner', '- [ ] Alerts @sre and @org/platform-team, today'), [
      '@sre → variable.other.owner.readiness @=punctuation.definition.variable.readiness',
      '@org/platform-team → variable.other.owner.readiness @=punctuation.definition.variable.readiness',
    ]);
    assert.deepEqual(texts('owner', 'mail ops@example.com or see https://x.dev/@sre and @@double'), []);
  });

  it('highlights due dates written with a keyword or the calendar emoji', () => {
    assert.deepEqual(matches('due', 'due: 2026-03-01, Due 2026-04-01, due=2026-05-01 and 📅 2026-06-01'), [
      'due: 2026-03-01 → due=keyword.other.due.readiness :=punctuation.separator.key-value.readiness 2026-03-01=constant.numeric.date.readiness',
      'Due 2026-04-01 → Due=keyword.other.due.readiness 2026-04-01=constant.numeric.date.readiness',
      'due=2026-05-01 → due=keyword.other.due.readiness ==punctuation.separator.key-value.readiness 2026-05-01=constant.numeric.date.readiness',
      '📅 2026-06-01 → 📅=keyword.other.due.readiness 2026-06-01=constant.numeric.date.readiness',
    ]);
    assert.deepEqual(texts('due', 'overdue 2026-03-01 and due: 26-03-01 and residue: 2026-01-01x'), []);
  });

  it('highlights status glyphs at the start of table cells and bullets only', () => {
    assert.deepEqual(matches('status-glyph', '| Dashboards | ✅ | ☐ |🔄| ➖ | ✔\uFE0F |'), [
      '✅ → markup.inserted.status.done.readiness',
      '☐ → markup.deleted.status.open.readiness',
      '🔄 → markup.changed.status.in-progress.readiness',
      '➖ → comment.status.not-applicable.readiness',
      '✔\uFE0F → markup.inserted.status.done.readiness',
    ]);
    assert.deepEqual(texts('status-glyph', '- ✅ Backups'), ['✅']);
    assert.deepEqual(texts('status-glyph', '| Risk | 🟢 | 🟡 | 🔴 |'), ['🟢', '🟡', '🔴'], 'circles are statuses in cells');
    assert.deepEqual(
      texts('status-glyph', '- 🟢 Low risk, done ✅ in prose'),
      [],
      'but severities in bullets, and prose glyphs are left alone',
    );
  });

  it('highlights extended task boxes right after a bullet', () => {
    assert.deepEqual(matches('task-marker', '- [~] Failover'), ['[~] → markup.changed.task.in-progress.readiness']);
    assert.deepEqual(matches('task-marker', '* [/] Half'), ['[/] → markup.changed.task.in-progress.readiness']);
    assert.deepEqual(matches('task-marker', '1. [-] Chaos'), ['[-] → comment.task.not-applicable.readiness']);
    assert.deepEqual(texts('task-marker', '- [ ] open, - [x] done, text [~] mid-line, -[~] no space'), []);
  });
});
