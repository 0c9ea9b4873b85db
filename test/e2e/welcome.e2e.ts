// What a user sees in a folder without a checklist: the view's welcome text and its button.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, squash, UI_TIMEOUT, Workbench } from './workbench';

describe('readiness in a folder without a checklist', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let fixture: string;

  before(async function () {
    this.timeout(240_000);
    fixture = await mkdtemp(join(tmpdir(), 'readiness-empty-'));
    await writeFile(join(fixture, 'README.md'), '# A service\n\nNothing about readiness here.\n');
    wb = await Workbench.start(fixture);
  });
  after(async () => {
    await wb?.stop();
    await rm(fixture, { recursive: true, force: true });
  });

  it('welcomes with plain text (welcome content is not Markdown: no code-span backticks) and creates the checklist', async () => {
    await wb.activityEntry.waitFor({ timeout: UI_TIMEOUT });
    await wb.activityEntry.click();
    const welcome = wb.viewPane.locator('.welcome-view-content');
    await welcome.waitFor({ timeout: UI_TIMEOUT });
    const text = squash(await welcome.innerText());
    assert.match(text, /No production-readiness checklist was found in this workspace\./);
    assert.match(text, /lists every PRODUCTION_READINESS\.md file/);
    assert.ok(!text.includes('`'), `raw backticks in: ${text}`);
    await wb.shot('welcome');
    await welcome.locator('.monaco-button', { hasText: 'Create PRODUCTION_READINESS.md' }).click();
    // The command asks for a template; the first one creates the file.
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: UI_TIMEOUT });
    await wb.page.keyboard.press('Enter');
    await eventually('the checklist on disk', async () => (await wb.disk('PRODUCTION_READINESS.md').catch(() => '')).length > 0);
    await wb.page.locator('.tab.active[aria-label^="PRODUCTION_READINESS.md"]').waitFor({ timeout: UI_TIMEOUT });
  });
});
