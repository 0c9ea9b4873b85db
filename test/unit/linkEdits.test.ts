import { strict as assert } from 'node:assert';
import { insertLinkEdit, linkDestination, relinkEdit, removeLinkEdit } from '../../src/core/edit/links';
import { applyEdits } from '../../src/core/edit/setState';
import type { LinkRef, ReadinessItem } from '../../src/core/model/types';
import { allItems } from '../../src/core/model/walk';
import { analyze } from './helpers/model';

// Every expected text below is written by hand from the input, not taken from a run.

/** The only item of a checklist whose text starts with `prefix`. */
function itemOf(text: string, prefix: string): ReadinessItem {
  const items = allItems(analyze(text).checklist).filter((i) => i.text.startsWith(prefix));
  assert.equal(items.length, 1, `one item starting with ${JSON.stringify(prefix)} in ${JSON.stringify(text)}`);
  return items[0];
}

/** The link of an item whose destination is written as `target`. */
function linkOf(text: string, prefix: string, target: string): LinkRef {
  const item = itemOf(text, prefix);
  const link = [...item.evidence, ...item.runbooks].find((l) => l.target === target);
  assert.ok(link, `a link to ${target} in ${JSON.stringify(item)}`);
  return link;
}

function inserted(text: string, prefix: string, destination: string, label = 'evidence'): string {
  return applyEdits(text, [insertLinkEdit(text, itemOf(text, prefix), label, destination)]);
}

function relinked(text: string, prefix: string, target: string, destination: string): string {
  return applyEdits(text, [relinkEdit(text, linkOf(text, prefix, target), destination)]);
}

function removed(text: string, prefix: string, target: string): string {
  return applyEdits(text, [removeLinkEdit(text, linkOf(text, prefix, target))]);
}

describe('link edits', () => {
  describe('linkDestination', () => {
    it('is relative to the checklist folder, POSIX', () => {
      assert.equal(linkDestination('PRODUCTION_READINESS.md', 'evidence/backups.md'), 'evidence/backups.md');
      assert.equal(linkDestination('docs/PRODUCTION_READINESS.md', 'evidence/backups.md'), '../evidence/backups.md');
      assert.equal(linkDestination('docs/ops/PRODUCTION_READINESS.md', 'docs/evidence/backups.md'), '../evidence/backups.md');
      assert.equal(linkDestination('docs/PRODUCTION_READINESS.md', 'docs/backups.md'), 'backups.md');
      assert.equal(linkDestination('evidence/backups.md', 'PRODUCTION_READINESS.md'), '../PRODUCTION_READINESS.md');
    });

    it('percent-encodes spaces and parentheses, so the destination needs no <…>', () => {
      assert.equal(linkDestination('PRODUCTION_READINESS.md', 'evidence/load test (final).md'), 'evidence/load%20test%20%28final%29.md');
      assert.equal(linkDestination('PRODUCTION_READINESS.md', 'my docs/a\tb.md'), 'my%20docs/a%09b.md');
    });

    it('percent-encodes every character Markdown or a URL would read', () => {
      assert.equal(
        linkDestination('PRODUCTION_READINESS.md', 'e/a[1]<b>#c?d"e|f`g\\h%i.md'),
        'e/a%5B1%5D%3Cb%3E%23c%3Fd%22e%7Cf%60g%5Ch%25i.md',
      );
      assert.equal(linkDestination('PRODUCTION_READINESS.md', 'e/全角\u3000スペース.md'), 'e/全角%E3%80%80スペース.md');
    });

    it('keeps ordinary characters as they are', () => {
      assert.equal(linkDestination('PRODUCTION_READINESS.md', "e/tls-証明書_v1.2+final~'.md"), "e/tls-証明書_v1.2+final~'.md");
    });
  });

  describe('inserting a link', () => {
    it('in a task item: at the end of its first line', () => {
      const text = '# Ops\n\n- [ ] Backups are tested\n- [ ] Alerts\n';
      assert.equal(
        inserted(text, 'Backups', 'evidence/backups.md'),
        '# Ops\n\n- [ ] Backups are tested ([evidence](evidence/backups.md))\n- [ ] Alerts\n',
      );
    });

    it('in a task item written on several lines: at the end of the first', () => {
      const text = '- [ ] Backups are\n  tested nightly\n- [ ] Alerts\n';
      assert.equal(inserted(text, 'Backups', 'e.md'), '- [ ] Backups are ([evidence](e.md))\n  tested nightly\n- [ ] Alerts\n');
    });

    it('in a task item with nested items: on the parent line only', () => {
      const text = '- [ ] Backups\n  - [ ] Restore drill\n';
      assert.equal(inserted(text, 'Backups', 'e.md'), '- [ ] Backups ([evidence](e.md))\n  - [ ] Restore drill\n');
    });

    it('before trailing white space', () => {
      const text = '- [ ] Backups   \n';
      assert.equal(inserted(text, 'Backups', 'e.md'), '- [ ] Backups ([evidence](e.md))   \n');
    });

    it('before a trailing id marker', () => {
      const html = '- [ ] Backups <!-- id: backups -->\n';
      assert.equal(inserted(html, 'Backups', 'e.md'), '- [ ] Backups ([evidence](e.md)) <!-- id: backups -->\n');
      const attribute = '- [ ] Backups {#backups}\n';
      assert.equal(inserted(attribute, 'Backups', 'e.md'), '- [ ] Backups ([evidence](e.md)) {#backups}\n');
    });

    it('in an extended box item', () => {
      const text = '- [~] Backups\n- [-] Mainframe\n';
      assert.equal(inserted(text, 'Mainframe', 'e.md'), '- [~] Backups\n- [-] Mainframe ([evidence](e.md))\n');
    });

    it('in a glyph bullet', () => {
      const text = '- ✅ Backups tested\n- ❌ Alerts\n';
      assert.equal(inserted(text, 'Backups', 'e.md'), '- ✅ Backups tested ([evidence](e.md))\n- ❌ Alerts\n');
    });

    it('in a table row: at the end of the text cell', () => {
      const text = '| Check | Status | Owner |\n|---|---|---|\n| Backups tested | ✅ | @ops |\n| Alerts | ❌ | |\n';
      assert.equal(
        inserted(text, 'Backups', 'e.md'),
        '| Check | Status | Owner |\n|---|---|---|\n| Backups tested ([evidence](e.md)) | ✅ | @ops |\n| Alerts | ❌ | |\n',
      );
    });

    it('in a table row whose status comes first: in the text cell, not the status cell', () => {
      const text = '| Status | Check |\n|:-:|---|\n| ✅ | Backups tested   |\n';
      assert.equal(inserted(text, 'Backups', 'e.md'), '| Status | Check |\n|:-:|---|\n| ✅ | Backups tested ([evidence](e.md))   |\n');
    });

    it('in a table row without outer pipes', () => {
      const text = 'Check | Status\n--- | ---\nBackups | Done\n';
      assert.equal(inserted(text, 'Backups', 'e.md'), 'Check | Status\n--- | ---\nBackups ([evidence](e.md)) | Done\n');
    });

    it('in an item that already has evidence: after it', () => {
      const text = '- [x] Backups ([evidence](evidence/a.md))\n';
      assert.equal(inserted(text, 'Backups', 'evidence/b.md'), '- [x] Backups ([evidence](evidence/a.md)) ([evidence](evidence/b.md))\n');
    });

    it('with the label it is given', () => {
      const text = '- [ ] Failover\n';
      assert.equal(inserted(text, 'Failover', 'runbooks/failover.md', 'runbook'), '- [ ] Failover ([runbook](runbooks/failover.md))\n');
    });

    it('with an encoded destination that reads back as the file', () => {
      const text = '- [ ] Load test\n';
      const after = inserted(text, 'Load', linkDestination('PRODUCTION_READINESS.md', 'evidence/load test (final) [v2].md'));
      assert.equal(after, '- [ ] Load test ([evidence](evidence/load%20test%20%28final%29%20%5Bv2%5D.md))\n');
      assert.deepEqual(
        itemOf(after, 'Load').evidence.map((l) => l.resolved),
        ['evidence/load test (final) [v2].md'],
      );
    });

    it('in CRLF text: before the \\r\\n', () => {
      const text = '# Ops\r\n\r\n- [ ] Backups\r\n- [ ] Alerts\r\n';
      assert.equal(inserted(text, 'Backups', 'e.md'), '# Ops\r\n\r\n- [ ] Backups ([evidence](e.md))\r\n- [ ] Alerts\r\n');
    });

    it('in a CRLF table row and a CRLF item written on several lines', () => {
      const table = '| Check | Status |\r\n|---|---|\r\n| Backups | ✅ |\r\n';
      assert.equal(inserted(table, 'Backups', 'e.md'), '| Check | Status |\r\n|---|---|\r\n| Backups ([evidence](e.md)) | ✅ |\r\n');
      const item = '- [ ] Backups are\r\n  tested\r\n';
      assert.equal(inserted(item, 'Backups', 'e.md'), '- [ ] Backups are ([evidence](e.md))\r\n  tested\r\n');
    });

    it('in text with lone \\r line breaks', () => {
      const text = '- [ ] Backups\r- [ ] Alerts\r';
      assert.equal(inserted(text, 'Backups', 'e.md'), '- [ ] Backups ([evidence](e.md))\r- [ ] Alerts\r');
    });
  });

  describe('re-linking', () => {
    it('replaces only the destination of an inline link', () => {
      const text = '- [x] Backups ([evidence](evidence/old.md))\n';
      assert.equal(relinked(text, 'Backups', 'evidence/old.md', 'evidence/new.md'), '- [x] Backups ([evidence](evidence/new.md))\n');
    });

    it('keeps the link title', () => {
      const text = '- [x] Backups ([evidence](old.md "Nightly report"))\n';
      assert.equal(relinked(text, 'Backups', 'old.md', 'new.md'), '- [x] Backups ([evidence](new.md "Nightly report"))\n');
    });

    it('replaces a destination written in <…> with spaces, angle brackets included', () => {
      const text = '- [x] Backups ([evidence](<evidence/old report.md>))\n';
      const destination = linkDestination('PRODUCTION_READINESS.md', 'evidence/new report.md');
      assert.equal(
        relinked(text, 'Backups', 'evidence/old report.md', destination),
        '- [x] Backups ([evidence](evidence/new%20report.md))\n',
      );
    });

    it('replaces a destination holding balanced parentheses', () => {
      const text = '- [x] Backups: [report](evidence/report(1).md) and more\n';
      assert.equal(
        relinked(text, 'Backups', 'evidence/report(1).md', 'evidence/report%282%29.md'),
        '- [x] Backups: [report](evidence/report%282%29.md) and more\n',
      );
    });

    it('replaces a destination after white space inside the parentheses', () => {
      const text = '- [x] Backups [report](  old.md  )\n';
      assert.equal(relinked(text, 'Backups', 'old.md', 'new.md'), '- [x] Backups [report](  new.md  )\n');
    });

    it('keeps a link text holding brackets and escapes', () => {
      const text = '- [x] Backups [see [1] \\] here](old.md)\n';
      assert.equal(relinked(text, 'Backups', 'old.md', 'new.md'), '- [x] Backups [see [1] \\] here](new.md)\n');
    });

    it('turns a reference link into an inline link with the same text, leaving the definition', () => {
      const text = '- [x] Backups ([nightly report][rep])\n\n[rep]: evidence/old.md\n';
      assert.equal(
        relinked(text, 'Backups', 'evidence/old.md', 'evidence/new.md'),
        '- [x] Backups ([nightly report](evidence/new.md))\n\n[rep]: evidence/old.md\n',
      );
    });

    it('in a table row', () => {
      const text = '| Check | Status | Evidence |\n|---|---|---|\n| Backups | ✅ | [log](old.md) |\n';
      assert.equal(
        relinked(text, 'Backups', 'old.md', 'new.md'),
        '| Check | Status | Evidence |\n|---|---|---|\n| Backups | ✅ | [log](new.md) |\n',
      );
    });

    it('in CRLF text', () => {
      const text = '- [x] Backups ([evidence](old.md))\r\n- [ ] Alerts\r\n';
      assert.equal(relinked(text, 'Backups', 'old.md', 'new.md'), '- [x] Backups ([evidence](new.md))\r\n- [ ] Alerts\r\n');
    });
  });

  describe('removing a link', () => {
    it('takes the parentheses and the space that linking wrote', () => {
      const text = '- [x] Backups ([evidence](evidence/a.md))\n- [ ] Alerts\n';
      assert.equal(removed(text, 'Backups', 'evidence/a.md'), '- [x] Backups\n- [ ] Alerts\n');
    });

    it('takes the separator after the first link of a list', () => {
      const text = '- [x] Backups: [a](a.md), [b](b.md)\n';
      assert.equal(removed(text, 'Backups', 'a.md'), '- [x] Backups: [b](b.md)\n');
    });

    it('takes the separator before the last link of a list', () => {
      const text = '- [x] Backups: [a](a.md), [b](b.md)\n';
      assert.equal(removed(text, 'Backups', 'b.md'), '- [x] Backups: [a](a.md)\n');
    });

    it('takes the space before a link in running text', () => {
      const text = '- [x] Backups see [report](r.md)\n';
      assert.equal(removed(text, 'Backups', 'r.md'), '- [x] Backups see\n');
    });

    it('of an item with two links: only that one', () => {
      const text = '- [x] Backups ([evidence](a.md)) ([evidence](b.md))\n';
      assert.equal(removed(text, 'Backups', 'a.md'), '- [x] Backups ([evidence](b.md))\n');
    });

    it('in a table cell', () => {
      const text = '| Check | Status |\n|---|---|\n| Backups ([evidence](a.md)) | ✅ |\n';
      assert.equal(removed(text, 'Backups', 'a.md'), '| Check | Status |\n|---|---|\n| Backups | ✅ |\n');
    });

    it('in CRLF text', () => {
      const text = '- [x] Backups ([evidence](a.md))\r\n- [ ] Alerts\r\n';
      assert.equal(removed(text, 'Backups', 'a.md'), '- [x] Backups\r\n- [ ] Alerts\r\n');
    });
  });
});
