// Format rules 4 and 5: list items led by status-like emoji, and bare `[ ] x` / `[x] x` lines.
// Expected values are read off the inputs: which lines are checks, their states, and the exact
// bytes a tick writes in the document's own style.
import { strict as assert } from 'node:assert';
import { allItems } from '../../src/core/model/walk';
import { readLeadingStatus } from '../../src/core/parse/leadingStatus';
import { analyze, briefs, outline, EOLS, tick } from './helpers/model';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { defaultConfig } from '../../src/core/config/types';
import { referenceAnalyze } from '../reference/evaluate';

describe('status shapes', () => {
  describe('readLeadingStatus', () => {
    const unknown: [string, string][] = [
      ['⚠️ Fix the build', '⚠️'],
      ['⚠ Fix', '⚠'],
      ['📝 Write tests', '📝'],
      ['❗ Rotate keys', '❗'],
      ['❓ Who owns this', '❓'],
      ['🔜 Canary', '🔜'],
      ['⛔ Blocked on legal', '⛔'],
      ['🚫 No backups', '🚫'],
      ['🛑 Stop', '🛑'],
      ['⏸️ Paused', '⏸️'],
      ['🔶 Partly', '🔶'],
      ['**⚠️ Fix**', '⚠️'],
      [':warning: Fix', ':warning:'],
      ['&#9888; Fix', '&#9888;'],
    ];
    for (const [raw, glyph] of unknown) {
      it(`${JSON.stringify(raw)} → unknown ${glyph}, open`, () => {
        const status = readLeadingStatus(raw);
        assert.ok(status);
        assert.equal(status.unknown, true);
        assert.equal(status.state, 'open');
        assert.equal(status.text, glyph);
        assert.equal(raw.slice(status.start, status.end), glyph);
      });
    }
    it('known glyphs keep their state and are not unknown', () => {
      assert.deepEqual(readLeadingStatus('🚧 Migrate'), { state: 'in-progress', start: 0, end: 2, text: '🚧', family: 'glyph' });
      assert.equal(readLeadingStatus('⏳ Soon')?.state, 'in-progress');
      assert.equal(readLeadingStatus('✅ Done')?.state, 'done');
    });
    for (const raw of [
      '📖 [Guide](x)',
      '🛠 Tools',
      '🔗 Links',
      '💡 Tip',
      '📚 Reading',
      '📌 Pinned',
      '🎯 Goal',
      '🚀 Launch',
      '🔴 Critical',
      '🟡 Medium',
      '🟢 Low',
      'Fix ⚠️',
      '⚠️‍🔥 joined',
      '',
    ]) {
      it(`${JSON.stringify(raw)} → null`, () => assert.equal(readLeadingStatus(raw), null));
    }
  });

  describe('list items led by status-like emoji (rule 4)', () => {
    const doc = [
      '## Fixes',
      '',
      '5. ⚠️ Fix the build',
      '6. 📝 Write E2E tests',
      '7. 🚧 Migrate the queue',
      '- :warning: Pin the base image',
      '',
      '## Resources',
      '',
      '- 📖 [Guide](https://example.com/guide)',
      '- 🛠 Tools we use',
      '- 🔴 Severity only',
      '',
    ].join('\n');

    it('makes numbered and bulleted items of them: unknown ones open, known ones their state; not resources or severity circles', () => {
      const { checklist } = analyze(doc);
      assert.deepEqual(briefs(checklist), [
        'Fix the build [bullet, open]',
        'Write E2E tests [bullet, open]',
        'Migrate the queue [bullet, in-progress]',
        'Pin the base image [bullet, open]',
      ]);
    });

    it('gives each unknown one one unknown-status finding on its glyph', () => {
      const { findings } = analyze(doc);
      const unknown = findings.filter((f) => f.rule === 'unknown-status');
      assert.deepEqual(
        unknown.map((f) => [f.span.startPosition.line, f.span.startPosition.column, doc.slice(f.span.start, f.span.end)]),
        [
          [3, 4, '⚠️'],
          [4, 4, '📝'],
          [6, 3, ':warning:'],
        ],
      );
      assert.match(unknown[0].message, /Unknown status "⚠️" for "Fix the build"; it counts as open/);
      assert.equal(unknown[0].severity, 'warning');
    });

    it('reads a glyph the same in a bullet and in a status cell: unknown, open, with a finding', () => {
      const { checklist, findings } = analyze('## A\n\n- ⚠️ Fix X\n\n| Check | Status |\n|---|---|\n| Fix Y | ⚠️ |\n');
      assert.deepEqual(briefs(checklist), ['Fix X [bullet, open]', 'Fix Y [table, open]']);
      assert.deepEqual(
        findings.filter((f) => f.rule === 'unknown-status').map((f) => f.span.startPosition.line),
        [3, 7],
      );
    });

    for (const [name, eol] of EOLS) {
      it(`ticks in the document's style (${name})`, () => {
        const text = doc.replace(/\n/g, eol);
        assert.equal(tick(text, 'Fix the build', 'done'), text.replace('5. ⚠️ Fix', '5. ✅ Fix'));
        // In progress is written as the document already writes it (item 7's 🚧).
        assert.equal(tick(text, 'Write E2E tests', 'in-progress'), text.replace('6. 📝 Write', '6. 🚧 Write'));
        // An unknown status set to open is written as the open glyph, so the finding goes away.
        assert.equal(tick(text, 'Fix the build', 'open'), text.replace('5. ⚠️ Fix', '5. ☐ Fix'));
        assert.equal(tick(text, 'Pin the base image', 'done'), text.replace('- :warning: Pin', '- :white_check_mark: Pin'));
        const after = analyze(tick(text, 'Fix the build', 'done'));
        assert.equal(allItems(after.checklist).find((i) => i.text === 'Fix the build')?.state, 'done');
        assert.equal(after.findings.filter((f) => f.rule === 'unknown-status').length, 2);
      });
    }

    it('takes the state config statuses: teaches, without a finding', () => {
      const { checklist, findings } = analyze('## A\n\n- ⚠️ Fix X\n- 📝 Write Y\n', { statuses: { '⚠️': 'done' } });
      assert.deepEqual(briefs(checklist), ['Fix X [bullet, done]', 'Write Y [bullet, open]']);
      assert.deepEqual(
        findings.filter((f) => f.rule === 'unknown-status').map((f) => f.span.startPosition.line),
        [4],
      );
    });

    it('writes ❌ for open where the document already writes ❌', () => {
      const text = '## A\n\n- ❌ Backups\n- ⚠️ Fix X\n';
      assert.equal(tick(text, 'Fix X', 'open'), '## A\n\n- ❌ Backups\n- ❌ Fix X\n');
    });
  });

  describe('bare box lines (rule 5)', () => {
    const doc = ['## Launch', '', '[ ] Rollback drill', '[X] Backups restored', '[~] Load test', '[-] Multi-region', ''].join('\n');

    it('makes each bare box line an item with the box state', () => {
      assert.deepEqual(briefs(analyze(doc).checklist), [
        'Rollback drill [task, open]',
        'Backups restored [task, done]',
        'Load test [task, in-progress]',
        'Multi-region [task, n/a]',
      ]);
    });

    it('reads lines that are links, references or code as what they are, not boxes', () => {
      const text = '## A\n\n[x](https://example.com) is a link\n[x][ref] is a reference\n\n```\n[ ] code\n```\n\n    [ ] indented code\n';
      assert.deepEqual(briefs(analyze(text).checklist), []);
    });

    it('keeps box lines after an introducing colon (boxes track, unlike a run of ✅ outcomes)', () => {
      const text = '## A\n\nThis covers:\n\n[x] Backups\n[x] Restores\n';
      assert.deepEqual(briefs(analyze(text).checklist), ['Backups [task, done]', 'Restores [task, done]']);
    });

    it('reads a box line even where the document defines [x] as a link', () => {
      const text = '## A\n\n[x] Backups\n[ ] Restores\n\n[x]: https://example.com\n';
      const items = allItems(analyze(text).checklist);
      assert.deepEqual(
        items.map((i) => [i.text, i.state, i.references.length]),
        [
          ['Backups', 'done', 0],
          ['Restores', 'open', 0],
        ],
      );
    });

    for (const [name, eol] of EOLS) {
      it(`ticks the character in the box, in the document's style (${name})`, () => {
        const text = doc.replace(/\n/g, eol);
        // The document writes done as `X`: a new tick writes `X` too.
        assert.equal(tick(text, 'Rollback drill', 'done'), text.replace('[ ] Rollback', '[X] Rollback'));
        assert.equal(tick(text, 'Backups restored', 'open'), text.replace('[X] Backups', '[ ] Backups'));
        assert.equal(tick(text, 'Load test', 'done'), text.replace('[~] Load', '[X] Load'));
        assert.equal(tick(text, 'Multi-region', 'in-progress'), text.replace('[-] Multi', '[~] Multi'));
      });
    }
  });
  describe('a status glyph written inside a box', () => {
    const text = '## Export\n\n- [x] Markdown\n- [⚠️] PDF export (API exists)\n- [✅] Share links\n- [Guide] not a box\n';

    it('is an item: a known glyph takes its state, a status-like one counts open with unknown-status', () => {
      const { checklist, findings } = analyze(text);
      assert.deepEqual(briefs(checklist), ['Markdown [task, done]', 'PDF export (API exists) [task, open]', 'Share links [task, done]']);
      const unknown = findings.filter((f) => f.rule === 'unknown-status');
      assert.deepEqual(
        unknown.map((f) => [f.span.startPosition.line, f.status]),
        [[4, '⚠️']],
      );
    });

    for (const [name, eol] of EOLS) {
      it(`ticks to a GFM box (${name})`, () => {
        const t = text.replace(/\n/g, eol);
        assert.equal(tick(t, 'PDF export (API exists)', 'done'), t.replace('- [⚠️] PDF', '- [x] PDF'));
        assert.equal(tick(t, 'Share links', 'open'), t.replace('- [✅] Share', '- [ ] Share'));
      });
    }
  });

  describe('headings that report a result (rule 8)', () => {
    const doc = [
      '## Issues',
      '',
      '### 🔴 CRITICAL Issues (Must Fix)',
      '',
      '#### 1. Missing `.env.example` File ❌',
      '',
      'Create it:',
      '',
      '```bash',
      'DATABASE_URL=postgres://x',
      '```',
      '',
      '#### 2. Empty `.env.production` File ❌',
      '',
      '### 🟡 HIGH Priority',
      '',
      '#### 6. No Automated Tests ⚠️',
      '',
      '## ✅ Working',
      '',
      '### 1. Build System ✅',
      '',
      '- ✅ Builds',
      '',
      '### Parent ✅',
      '',
      '#### Child',
      '',
      '- [ ] Nested check',
      '',
    ].join('\n');

    it('makes a heading ending in a status glyph, with nothing under it, an item of the enclosing category', () => {
      const { checklist } = analyze(doc);
      assert.deepEqual(briefs(checklist), [
        '1. Missing .env.example File [bullet, open, critical]',
        '2. Empty .env.production File [bullet, open, critical]',
        '6. No Automated Tests [bullet, open]',
        'Builds [bullet, done]',
        'Nested check [task, open]',
      ]);
      // Headings with items or sub-headings under them stay categories; ⚠️ (no known state) counts open.
      assert.deepEqual(outline(checklist.categories), [
        'Issues 0/3',
        '  CRITICAL Issues (Must Fix) 0/2',
        '  HIGH Priority 0/1',
        'Working 1/2',
        '  1. Build System 1/1',
        '  Parent 0/1',
        '    Child 0/1',
      ]);
    });

    it('reports the critical ones open, on their heading lines', () => {
      const { findings } = analyze(doc);
      assert.deepEqual(
        findings.filter((f) => f.rule === 'critical-open').map((f) => f.span.startPosition.line),
        [5, 13],
      );
    });

    it('reads a status-like emoji at the end of a heading as open, with unknown-status on the glyph', () => {
      const unknown = analyze(doc).findings.filter((f) => f.rule === 'unknown-status');
      assert.deepEqual(
        unknown.map((f) => [f.span.startPosition.line, f.span.startPosition.column]),
        [[17, 28]],
      );
      assert.match(unknown[0].message, /Unknown status "⚠️" for "6\. No Automated Tests"/);
    });

    it('moves a heading item with its section while it is the title or has a deeper heading under it, and places it right later', () => {
      const options = { config: defaultConfig(), path: 'PRODUCTION_READINESS.md' };
      const analyzer = new ChecklistAnalyzer(options);
      // Typing before the first heading makes the second one the title (not an item), then undoes it.
      const versions = [
        '# Backups\n\n# Backups ✅\n',
        'x# Backups\n\n# Backups ✅\n',
        'xx# Backups\n\n# Backups ✅\n',
        'x# Backups\n\n# Backups ✅\n',
        '# Backups\n\n# Backups ✅\n',
        '## A\n\n## Done ✅\n\n### Under\n\n- [ ] x\n',
        '## A!\n\n## Done ✅\n\n### Under\n\n- [ ] x\n',
        '## A!\n\n## Done ✅\n\nUnder\n\n- [ ] x\n',
      ];
      for (const text of versions) assert.deepStrictEqual(analyzer.analyze(text), referenceAnalyze(text, options), JSON.stringify(text));
      const last = allItems(analyzer.analyze(versions[4]).checklist).find((i) => i.text === 'Backups');
      assert.deepEqual([last?.span.start, last?.marker.start], [11, 21]);
    });

    it('never makes the document title an item', () => {
      assert.deepEqual(briefs(analyze('# Readiness ✅\n\n## A\n\n- [ ] x\n').checklist), ['x [task, open]']);
    });

    for (const [name, eol] of EOLS) {
      it(`ticks the glyph at the end of the heading (${name})`, () => {
        const text = doc.replace(/\n/g, eol);
        assert.equal(tick(text, '1. Missing .env.example File', 'done'), text.replace('`.env.example` File ❌', '`.env.example` File ✅'));
        const closed = `## Backups ✅ ##${eol}`;
        assert.equal(tick(closed, 'Backups', 'open'), `## Backups ☐ ##${eol}`);
      });
    }
  });
});
