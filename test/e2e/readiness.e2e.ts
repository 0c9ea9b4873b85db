// What a user sees in the workbench with the packaged extension installed, flow by flow. The
// flows share one workbench (starting one takes seconds) and run in order on examples/.
import { strict as assert } from 'node:assert';
import { eventually, squash, UI_TIMEOUT, Workbench } from './workbench';

const CHECKLIST = 'PRODUCTION_READINESS.md';

describe('readiness in the workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let original: string;

  before(async function () {
    this.timeout(240_000);
    wb = await Workbench.start();
    original = await wb.disk(CHECKLIST);
  });
  after(async () => wb?.stop());
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb.saveFailure(this.currentTest.title.replace(/\W+/g, '-'));
    await wb.dismiss();
  });

  it('1. shows categories with progress, item checkboxes and a badge counting open critical items', async () => {
    await wb.openView();
    assert.equal(await wb.rowText('Security'), 'Security 2/4 · 50% · 2 critical');
    assert.equal(await wb.rowText('Observability'), 'Observability 2/5 · 40%');
    const row = wb.treeRow('Penetration test signed off');
    assert.equal(await row.locator('.custom-view-tree-node-item-checkbox').count(), 1, 'an item row has a checkbox');
    await eventually('the badge', async () => squash(await wb.activityEntry.locator('.badge').innerText()) === '4');
    // Clicking an item reveals its line in the checklist at once: the workbench opens it without
    // waiting for the extension host, so a busy (here: stopped) host does not delay it.
    const shown = await wb.whileExtensionHostPaused(async () => {
      const clicked = Date.now();
      await wb.treeRow('Load test at 2× peak').locator('.label-name').click();
      await wb.page.locator('.tab.active[aria-label^="PRODUCTION_READINESS.md"]').waitFor({ timeout: 10_000 });
      await wb.page.locator('.statusbar-item', { hasText: 'Ln 15, Col 1' }).waitFor({ timeout: 10_000 });
      return Date.now() - clicked;
    });
    wb.recordTiming('tree click to editor at line (extension host stopped)', shown);
    // With the checklist open, a click moves its cursor.
    await wb.treeRow('Backups restored from cold storage').locator('.label-name').click();
    await wb.page.locator('.statusbar-item', { hasText: 'Ln 19, Col 1' }).waitFor({ timeout: UI_TIMEOUT });
    // Measured from the moment the click is dispatched (Playwright first waits for the row to be clickable).
    const loadTest = wb.treeRow('Load test at 2× peak').locator('.label-name');
    await loadTest.waitFor({ timeout: UI_TIMEOUT });
    const moved = Date.now();
    await loadTest.click({ timeout: UI_TIMEOUT });
    const clicked = Date.now();
    await wb.page.locator('.statusbar-item', { hasText: 'Ln 15, Col 1' }).waitFor({ timeout: UI_TIMEOUT });
    wb.recordTiming('tree click dispatched (checklist already open)', clicked - moved);
    wb.recordTiming('tree click to editor at line (checklist already open)', Date.now() - clicked);
    // The CodeLens above the heading shows the same progress as the tree.
    await wb.page.locator('.codelens-decoration', { hasText: '2/4 · 50% · 2 critical open' }).waitFor({ timeout: UI_TIMEOUT });
    await wb.page.locator('.statusbar-item', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await eventually('the badge after the reveal', async () => squash(await wb.activityEntry.locator('.badge').innerText()) === '4');
    await wb.page.mouse.move(60, 860);
    await wb.shot('1-view');
  });

  it('2. a checkbox that needs evidence snaps back with a way out, and ticks exactly that marker once evidence is linked', async () => {
    await wb.openView();
    const problems = await wb.problems();
    await problems.filter({ hasText: 'Penetration test signed off' }).first().waitFor({ timeout: UI_TIMEOUT });
    const checkbox = () => wb.treeRow('Penetration test signed off').locator('.custom-view-tree-node-item-checkbox');
    // evidence.required: critical, and the item links no evidence: refused, nothing written.
    await checkbox().click();
    const refusal = wb.page.locator('.notification-toast', {
      hasText: 'Evidence is required before "Penetration test signed off" can be marked done',
    });
    await refusal.waitFor({ timeout: UI_TIMEOUT });
    await eventually('the checkbox to snap back', async () => (await checkbox().getAttribute('aria-checked')) !== 'true');
    assert.equal(await wb.disk(CHECKLIST), original);
    await wb.shot('2-refused');
    await refusal.locator('.monaco-button', { hasText: 'Link Evidence File…' }).click();
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: UI_TIMEOUT });
    await input.fill('tls-scan');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'tls-scan.md' }).first().waitFor({ timeout: UI_TIMEOUT });
    await wb.page.keyboard.press('Enter');
    const linked = original.replace(
      '- [ ] Penetration test signed off @security due: 2027-01-15',
      '- [ ] Penetration test signed off @security due: 2027-01-15 ([evidence](docs/evidence/tls-scan.md))',
    );
    await eventually('the link on disk', async () => (await wb.disk(CHECKLIST)) === linked);
    // Click the row the view rendered for the linked item (a click on the old row may be lost):
    // the label stays the clean one, the description counts the evidence.
    await wb.treeRow('Penetration test signed off').filter({ hasText: '1 evidence' }).waitFor({ timeout: UI_TIMEOUT });
    await checkbox().click();
    await eventually('the tick on disk', async () => (await wb.disk(CHECKLIST)) !== linked);
    assert.equal(await wb.disk(CHECKLIST), linked.replace('- [ ] Penetration test signed off', '- [x] Penetration test signed off'));
    await eventually('the category progress', async () => (await wb.rowText('Security')) === 'Security 3/4 · 75% · 1 critical');
    await eventually('the status bar', async () => squash(await wb.statusBarItem.innerText()) === 'orders-api: 44% · 3 critical');
    await eventually(
      'the critical-open problem to go',
      async () => (await problems.filter({ hasText: '"Penetration test signed off" is critical and open' }).count()) === 0,
    );
    await wb.shot('2-ticked');
  });

  it('3. hovering an item shows its state and runbook link, and the link opens the runbook', async () => {
    await wb.openFile(CHECKLIST);
    await wb.editorLine('Rollback tested on staging').hover({ position: { x: 40, y: 5 } });
    const hover = wb.page.locator('.monaco-hover:visible', { hasText: 'Runbook preview' }).first();
    await hover.waitFor({ timeout: UI_TIMEOUT });
    const text = squash(await hover.innerText());
    assert.match(text, /State: done · critical/);
    assert.match(text, /Runbook: docs\/runbooks\/rollback\.md \(exists\)/);
    await wb.settled(hover);
    await wb.shot('3-hover');
    await hover.locator('a', { hasText: 'docs/runbooks/rollback.md' }).click();
    await wb.page.locator('.tab.active[aria-label^="rollback.md"]').waitFor({ timeout: UI_TIMEOUT });
    await wb.editorLine('Rolling back a release').waitFor({ timeout: UI_TIMEOUT });
  });

  it('4. the quick fix "Link evidence file…" inserts the link and clears the problem', async () => {
    await wb.openFile(CHECKLIST);
    const problems = await wb.problems();
    const missing = problems.filter({
      hasText: '"Rollback tested on staging" is done but links to no existing evidence',
    });
    await missing.first().waitFor({ timeout: UI_TIMEOUT });
    await wb.clickLine('Rollback tested on staging', 80);
    await wb.page.keyboard.press('Control+.');
    const menu = wb.page.locator('.action-widget');
    await menu.waitFor({ timeout: UI_TIMEOUT });
    await wb.settled(menu);
    await wb.shot('4-quick-fix');
    await wb.chooseAction('Link evidence file…');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: UI_TIMEOUT });
    await input.fill('secret-scan');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'secret-scan.md' }).first().waitFor({ timeout: UI_TIMEOUT });
    await wb.page.keyboard.press('Enter');
    await eventually('the link on disk', async () =>
      (await wb.disk(CHECKLIST)).includes('[runbook](docs/runbooks/rollback.md)) @sre ([evidence](docs/evidence/secret-scan.md))'),
    );
    await eventually('the evidence-missing problem to go', async () => (await missing.count()) === 0);
    await wb.shot('4-linked');
  });

  it('5. toggles the item at the cursor from the command palette and with the keybinding', async () => {
    await wb.openFile(CHECKLIST);
    // Not critical: the evidence policy does not apply.
    await wb.clickLine('Results reviewed with the team', 120);
    const before = await wb.disk(CHECKLIST);
    await wb.runCommand('Readiness: Toggle Item');
    await eventually(
      'the palette toggle on disk',
      async () => (await wb.disk(CHECKLIST)) === before.replace('- [ ] Results reviewed', '- [x] Results reviewed'),
    );
    await wb.shot('5-palette');
    await wb.clickLine('Results reviewed with the team', 120);
    await wb.page.keyboard.press('Control+Alt+X');
    await eventually('the keybinding toggle on disk', async () => (await wb.disk(CHECKLIST)) === before);
  });

  it('6. the filter button shows when a filter is on, the tree says so, and the filter survives a reload', async () => {
    await wb.openView();
    // The menu offers the other choices; the current one is greyed out (extensions cannot contribute check marks).
    await wb.viewAction('Filter').click();
    const menu = wb.menu;
    await menu.waitFor({ timeout: UI_TIMEOUT });
    const entry = (title: string) => wb.menuEntry(title);
    assert.equal(await entry('Show All Items').getAttribute('aria-disabled'), 'true');
    assert.equal(await entry('Show Open Critical Items Only').getAttribute('aria-disabled'), null);
    await wb.chooseMenuEntry('Show Open Critical Items Only');
    await eventually(
      'the filtered tree',
      async () => (await wb.viewPane.locator('.monaco-list-row', { hasText: 'Observability' }).count()) === 0,
    );
    // The title bar's button is now the filled filter, and the first row names the filter.
    await wb.viewAction('Filter (on)').waitFor({ timeout: UI_TIMEOUT });
    const labels = async () => (await wb.viewPane.locator('.monaco-list-row .label-name').allInnerTexts()).map(squash);
    const filtered = [
      'Showing open critical items only',
      'Security',
      'Dependency audit clean (no high CVEs)',
      'Reliability',
      // Clean labels: no "(critical)" tag, no "(runbook)" link label.
      'Load test at 2× peak',
      'Backups restored from cold storage',
    ];
    assert.deepEqual(await labels(), filtered);
    assert.equal(await wb.rowText('Showing open critical items only'), 'Showing open critical items only Show all');
    await wb.viewAction('Filter (on)').click();
    await menu.waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await entry('Show Open Critical Items Only').getAttribute('aria-disabled'), 'true');
    assert.equal(await entry('Show All Items').getAttribute('aria-disabled'), null);
    await wb.page.keyboard.press('Escape');
    await wb.shot('6-filter-critical');
    // A reload keeps the filter.
    await wb.runCommand('Developer: Reload Window');
    await wb.page.waitForLoadState('load');
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await wb.treeRow('Showing open critical items only').waitFor({ timeout: 60_000 });
    await eventually('the filtered tree after the reload', async () => (await labels()).join('|') === filtered.join('|'));
    // The hint row shows everything again.
    await wb.treeRow('Showing open critical items only').locator('.label-name').click();
    await wb.treeRow('Observability').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await wb.treeRow('Showing open').count(), 0);
    await wb.viewAction('Filter').waitFor({ timeout: UI_TIMEOUT });
  });

  it('7. a broken .readiness.yml shows a located problem, which goes away once fixed', async () => {
    await wb.openFile('.readiness.yml');
    await wb.clickLine('required: critical', 200);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type('ly');
    await wb.page.keyboard.press('Control+S');
    const problems = await wb.problems();
    const error = problems.filter({ hasText: 'evidence.required must be one of none, critical, all (got "critically"' }).first();
    await error.waitFor({ timeout: UI_TIMEOUT });
    assert.match(squash(await error.innerText()), /\[Ln 9, Col 13\]/);
    await wb.shot('7-config-error');
    await wb.page.keyboard.press('Control+Z');
    await wb.page.keyboard.press('Control+S');
    await eventually(
      'the config problem to go',
      async () => (await problems.filter({ hasText: 'evidence.required must be one of' }).count()) === 0,
    );
  });

  it('8. the report links each place to the checklist line, and its tab comes back after a reload', async () => {
    await wb.runCommand('Readiness: Open Report');
    const tab = wb.page.locator('.tab', { hasText: 'Readiness Report' });
    await tab.waitFor({ timeout: UI_TIMEOUT });
    // The webview's page sits in a frame inside a frame.
    const report = () => wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const place = report().locator('#critical a.place', { hasText: 'PRODUCTION_READINESS.md:15' });
    await place.waitFor({ timeout: UI_TIMEOUT });
    await place.click();
    await wb.page.locator('.tab.active[aria-label^="PRODUCTION_READINESS.md"]').waitFor({ timeout: UI_TIMEOUT });
    await wb.page.locator('.statusbar-item', { hasText: 'Ln 15, Col 1' }).waitFor({ timeout: UI_TIMEOUT });
    await tab.click();
    await report().locator('#overview').waitFor({ timeout: UI_TIMEOUT });
    // Reload as a user does (the workbench saves its editors on the way out; a browser reload may not wait for that).
    await wb.runCommand('Developer: Reload Window');
    await wb.page.waitForLoadState('load');
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await wb.page.locator('.tab', { hasText: 'Readiness Report' }).click({ timeout: 60_000 });
    await report().locator('#critical a.place', { hasText: 'PRODUCTION_READINESS.md:15' }).waitFor({ timeout: 60_000 });
    await wb.shot('8-report');
  });
});
