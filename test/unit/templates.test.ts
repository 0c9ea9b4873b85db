import { strict as assert } from 'node:assert';
import { parseConfigText } from '../../src/core/config/config';
import { STARTER_CATEGORIES, TEMPLATE_IDS, TEMPLATES } from '../../src/core/templates/catalog';
import { addDays, CHECKLIST_FILE_NAME, starterChecklist, starterConfig } from '../../src/core/templates/starterFiles';
import { allItems } from '../../src/core/model/walk';
import { analyze } from './helpers/model';

describe('starter checklist template', () => {
  const today = '2026-02-20';
  const text = starterChecklist({ name: 'checkout', today });
  const analysis = analyze(text, {}, { today, exists: () => false });
  const { checklist } = analysis;

  it('is named PRODUCTION_READINESS.md and titled after the folder', () => {
    assert.equal(CHECKLIST_FILE_NAME, 'PRODUCTION_READINESS.md');
    assert.equal(checklist.title, 'checkout: production readiness');
  });

  it("parses into the service template's categories, in order, with every item open and tracked", () => {
    assert.deepEqual(
      checklist.categories.map((c) => c.title),
      ['Security', 'Reliability', 'Observability', 'Performance', 'Data', 'Testing', 'Operations', 'Documentation'],
    );
    assert.deepEqual(checklist.items, [], 'the how-to paragraphs hold no items');
    for (const [i, category] of checklist.categories.entries()) {
      const expected = STARTER_CATEGORIES[i].items.map(([item]) => item);
      assert.deepEqual(
        category.items.map((item) => item.text.replace(/ \(critical\).*$/, '')),
        expected,
        `items of ${category.title}`,
      );
      assert.ok(category.items.length >= 3, `${category.title} has realistic content`);
    }
    const items = allItems(checklist);
    assert.ok(items.every((item) => item.state === 'open' && item.kind === 'task'));
    assert.deepEqual(checklist.progress, { done: 0, open: items.length, inProgress: 0, notApplicable: 0, untracked: 0, percent: 0 });
  });

  it('marks the critical items (critical) and shows owner and due-date examples in the future', () => {
    const items = allItems(checklist);
    const critical = items.filter((item) => item.critical).map((item) => item.text.replace(/ \(critical\).*$/, ''));
    const expected = STARTER_CATEGORIES.flatMap((c) => c.items.filter(([, isCritical]) => isCritical).map(([item]) => item));
    assert.deepEqual(critical, expected);
    assert.ok(critical.length >= 3 && critical.length < items.length / 2, 'a few items, not all, are critical');
    const owned = items.filter((item) => item.owner !== null);
    assert.deepEqual(
      owned.map((item) => [item.owner, item.due]),
      [
        ['security', '2026-03-06'],
        ['sre', '2026-03-13'],
        ['sre', '2026-03-20'],
      ],
    );
  });

  it('has no findings other than the expected critical-open ones', () => {
    const rules = new Set(analysis.findings.map((f) => f.rule));
    assert.deepEqual([...rules], ['critical-open']);
  });

  it('writes the requested line ending and sanitises the name', () => {
    const crlf = starterChecklist({ name: 'a\nb', today, eol: '\r\n' });
    assert.ok(crlf.startsWith('# a b: production readiness\r\n'));
    assert.ok(!/[^\r]\n/.test(crlf), 'every line ends with CRLF');
    assert.equal(analyze(crlf).checklist.eol, '\r\n');
    assert.ok(starterChecklist({ name: '  ', today }).startsWith('# Service: production readiness\n'));
  });

  it('adds days across month and year ends', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2025-12-20', 14), '2026-01-03');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  });
});

describe('checklist templates', () => {
  const today = '2026-02-20';
  const AREAS = ['security', 'observability', 'reliability', 'testing', 'operations', 'data', 'performance', 'documentation'];

  it('are service, web-frontend and data-pipeline, each covering every launch area', () => {
    assert.deepEqual(TEMPLATE_IDS, ['service', 'web-frontend', 'data-pipeline']);
    for (const template of TEMPLATES) {
      const titles = template.categories.map((c) => c.title.toLowerCase());
      assert.deepEqual(
        AREAS.filter((area) => !titles.includes(area)),
        [],
        `${template.id} lacks categories`,
      );
      assert.ok(
        template.categories.every((c) => c.items.length >= 3),
        `${template.id}: at least 3 items per category`,
      );
    }
  });

  for (const template of TEMPLATES) {
    it(`${template.id}: the checklist and its config parse cleanly; critical items follow the markers and the selectors`, () => {
      const config = parseConfigText(starterConfig(template.id));
      assert.deepEqual(config.findings, [], 'the config is valid');
      assert.equal(config.config.evidence.required, 'critical');
      assert.equal(config.config.evidence.dir, 'docs/evidence');
      assert.deepEqual(config.config.runbooks.dirs, ['docs/runbooks']);
      assert.ok(config.config.critical.length >= 2);

      const text = starterChecklist({ name: 'svc', today, template: template.id });
      const withConfig = analyze(text, config.config, { today, exists: () => false });
      const items = allItems(withConfig.checklist);
      assert.equal(
        items.length,
        template.categories.reduce((n, c) => n + c.items.length, 0),
      );
      const markedCritical = template.categories.flatMap((c) => c.items.filter(([, critical]) => critical).map(([text]) => text));
      const critical = items.filter((item) => item.critical).map((item) => item.text.replace(/ \(critical\).*$/, ''));
      assert.deepEqual(critical, markedCritical, 'the selectors agree with the (critical) markers');
      assert.ok(critical.length >= 4 && critical.length < items.length / 2);
      // Without the config only the markers count, so every selector must add nothing new: check that each one names something.
      const withoutConfig = allItems(analyze(text, {}, { today, exists: () => false }).checklist).filter((item) => item.critical).length;
      assert.equal(withoutConfig, critical.length, 'the checklist alone marks the same items');
      for (const selector of config.config.critical) {
        if ('category' in selector)
          assert.ok(
            withConfig.checklist.categories.some((c) => c.title === selector.category),
            `no category ${selector.category}`,
          );
        if ('item' in selector) {
          const prefix = selector.item.replace(/\*$/, '');
          assert.ok(
            items.some((item) => item.text.startsWith(prefix)),
            `no item matches ${selector.item}`,
          );
        }
      }
      assert.deepEqual([...new Set(withConfig.findings.map((f) => f.rule))], ['critical-open']);
      assert.equal(
        items.filter((item) => item.owner !== null && item.due !== null && item.due > today).length,
        3,
        'three owner and due-date examples',
      );
    });
  }

  it('writes the config with the requested line ending', () => {
    const crlf = starterConfig('service', '\r\n');
    assert.ok(!/[^\r]\n/.test(crlf));
    assert.deepEqual(parseConfigText(crlf).findings, []);
  });
});
