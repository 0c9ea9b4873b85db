// One clean label per item: the text without its owner, due date, critical tags and link labels
// that only name the link, made once at parse time and shown by every message, report and
// format; the JSON report keeps the full text beside it, and ids are still made from the text.
import { strict as assert } from 'node:assert';
import { createPaint } from '../../src/cli/ansi';
import { parseConfigText } from '../../src/core/config/config';
import { allItems } from '../../src/core/model/walk';
import { cleanItemLabel } from '../../src/core/parse/itemMeta';
import { formatReport, REPORT_FORMATS } from '../../src/core/report/formatReport';
import { buildReport } from '../../src/core/report/jsonReport';
import { slugify } from '../../src/core/text/labels';
import { analyze } from './helpers/model';

describe('item labels', () => {
  describe('cleanItemLabel', () => {
    const cases: [text: string, owner: string | null, due: string | null, links: string[], label: string][] = [
      [
        'Penetration test signed off @security due: 2027-01-15 (evidence)',
        'security',
        '2027-01-15',
        ['evidence'],
        'Penetration test signed off',
      ],
      ['Rollback tested on staging (evidence, runbook) @sre', 'sre', null, ['evidence', 'runbook'], 'Rollback tested on staging'],
      ['Secrets rotated (runbook) @security due: 2030-01-15', 'security', '2030-01-15', ['runbook'], 'Secrets rotated'],
      ['Backups restored — evidence', null, null, ['evidence'], 'Backups restored'],
      ['Restore drill, see runbook', null, null, ['runbook'], 'Restore drill'],
      ['Canary analysis [evidence] [runbook]', null, null, [], 'Canary analysis'],
      ['Load test at 2× peak (critical) @perf', 'perf', null, [], 'Load test at 2× peak'],
      ['Pen test (owner: @sec, due: 2026-05-01)', 'sec', '2026-05-01', [], 'Pen test'],
      ['Load test @perf, due 2027-01-20.', 'perf', '2027-01-20', [], 'Load test.'],
      ['Backups 📅 2026-03-01 (@dba)', 'dba', '2026-03-01', [], 'Backups'],
      ['渗透测试已签字 @security due: 2027-01-15 (evidence)', 'security', '2027-01-15', ['evidence'], '渗透测试已签字'],
      ['回滚演练（证据） @sre', 'sre', null, [], '回滚演练（证据）'],
      // Words of the sentence stay: only a link label set off by punctuation or "see" goes.
      ['Publish the docs', null, null, ['docs'], 'Publish the docs'],
      ['Collect evidence', null, null, [], 'Collect evidence'],
      ['Evidence (signed) filed', null, null, [], 'Evidence (signed) filed'],
      ['Mail ops@example.com about @sre', 'sre', null, [], 'Mail ops@example.com about'],
      // Never empty: a text that is only metadata or only a link label stays as it is.
      ['Evidence', null, null, ['Evidence'], 'Evidence'],
      ['(evidence)', null, null, ['evidence'], '(evidence)'],
      ['@security due: 2027-01-15', 'security', '2027-01-15', [], '@security due: 2027-01-15'],
      ['Owner: @sre', 'sre', null, [], 'Owner: @sre'],
      ['(critical)', null, null, [], '(critical)'],
      ['', null, null, [], ''],
    ];
    for (const [text, owner, due, links, label] of cases) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(label)}`, () => assert.equal(cleanItemLabel(text, owner, due, links), label));
    }

    // A quadratic scan would hang here (mocha's timeout catches it); its speed belongs in npm run bench.
    it('handles long runs of letters and separators', () => {
      const long = `${'a'.repeat(200_000)}${',-'.repeat(100_000)}b — evidence`;
      assert.equal(cleanItemLabel(long, null, null, ['evidence']), long.slice(0, -' — evidence'.length));
    });
  });

  describe('on parsed items', () => {
    const TEXT = [
      '# Launch',
      '',
      '## Security',
      '',
      '- [ ] Penetration test signed off @security due: 2027-01-15 ([evidence](docs/pen.md))',
      '- [x] Rollback tested on staging ([evidence](docs/rb.md), [runbook](docs/runbooks/rb.md)) @sre',
      '- [x] Backups restored — [evidence](docs/backup.md)',
      '- ✅ Load test passed @perf (evidence)',
      '- [ ] [Evidence](docs/evidence.md)',
      '- [ ] @oncall due: 2027-02-01',
      '- [ ] 渗透测试已签字 @security due: 2027-01-15 ([证据](docs/pen.md)) (evidence)',
      '',
      '## Observability',
      '',
      '| Check | Status | Owner |',
      '|---|---|---|',
      '| Dashboards published ([evidence](docs/dash.md)) | ✅ | @sre |',
      '| Alerts routed @sre | ☐ | @sre |',
      '',
    ].join('\n');
    const items = () => allItems(analyze(TEXT).checklist);

    it('keeps the full text as text and gives each shape its clean label', () => {
      assert.deepEqual(
        items().map((i) => [i.text, i.label]),
        [
          ['Penetration test signed off @security due: 2027-01-15 (evidence)', 'Penetration test signed off'],
          ['Rollback tested on staging (evidence, runbook) @sre', 'Rollback tested on staging'],
          ['Backups restored — evidence', 'Backups restored'],
          ['Load test passed @perf (evidence)', 'Load test passed'],
          ['Evidence', 'Evidence'],
          ['@oncall due: 2027-02-01', '@oncall due: 2027-02-01'],
          ['渗透测试已签字 @security due: 2027-01-15 (证据) (evidence)', '渗透测试已签字 (证据)'],
          ['Dashboards published (evidence)', 'Dashboards published'],
          ['Alerts routed @sre', 'Alerts routed'],
        ],
      );
    });

    it('makes ids from the full text, as before', () => {
      for (const item of items()) assert.ok(item.id.endsWith(slugify(item.text)), `${item.id} is not made from "${item.text}"`);
    });

    it('names items by their label in rule messages', () => {
      const config = parseConfigText('critical:\n  - category: Security\nevidence:\n  required: critical\n').config;
      const { findings } = analyze(TEXT, config, { today: '2027-06-01', exists: () => false });
      const messages = findings.map((f) => f.message);
      for (const expected of [
        '"Penetration test signed off" is critical and open',
        '"Penetration test signed off" was due on 2027-01-15',
        '"Rollback tested on staging" is done but links to no existing evidence',
        '"Backups restored" is done but links to no existing evidence',
      ]) {
        assert.ok(messages.includes(expected), `no ${JSON.stringify(expected)} among ${JSON.stringify(messages, null, 1)}`);
      }
      assert.ok(!messages.some((m) => /@security|@sre|\(evidence/.test(m)), JSON.stringify(messages, null, 1));
    });

    it('every format but JSON shows the label only; JSON keeps text and adds label', () => {
      const config = parseConfigText('critical:\n  - category: Security\n').config;
      const analysis = analyze(TEXT, config, { today: '2026-02-20', exists: () => true });
      const sources = [{ path: 'PRODUCTION_READINESS.md', analysis }];
      for (const format of REPORT_FORMATS) {
        const out = formatReport(sources, format, { toolVersion: '9.9.9', today: '2026-02-20', paint: createPaint(false) });
        if (format === 'json') continue;
        assert.ok(out.includes('Penetration test signed off'), `${format} names the open critical item`);
        assert.ok(!/signed off @security|@security due|\(evidence/.test(out), `${format} shows metadata in a label:\n${out}`);
      }
      const [item] = buildReport(sources).files[0].categories[0].items;
      assert.equal(item.text, 'Penetration test signed off @security due: 2027-01-15 (evidence)');
      assert.equal(item.label, 'Penetration test signed off');
      const json = JSON.parse(formatReport(sources, 'json', { toolVersion: '9.9.9', today: '2026-02-20' })) as {
        files: { categories: { items: { text: string; label: string }[] }[] }[];
      };
      assert.deepEqual(
        { text: json.files[0].categories[0].items[1].text, label: json.files[0].categories[0].items[1].label },
        { text: 'Rollback tested on staging (evidence, runbook) @sre', label: 'Rollback tested on staging' },
      );
    });
  });
});
