// The HTML report as a browser shows it: rendered in headless Chromium (Debian's chromium, which
// scripts/code-server/install.sh installs) in light, dark and print, with no request besides
// the page and no script run from hostile text. Screenshots and the PDF go to
// test-results/report/. The page's markup itself is checked in test/unit/htmlReport.test.ts.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/code-server/chromium.mjs';
import { renderHtmlReport } from '../../src/core/report/html';
import { fixtureReport, HOSTILE_TEXT, TODAY } from '../unit/helpers/reportFixture';

const outDir = join(__dirname, '..', '..', 'test-results', 'report');

describe('HTML report in Chromium', function () {
  this.timeout(120_000);
  const html = renderHtmlReport(fixtureReport(), { today: TODAY, toolVersion: '1.2.3' });
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const file = join(outDir, 'report.html');

  before(async () => {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(file, html);
    writeFileSync(join(outDir, 'hostile.html'), renderHtmlReport(fixtureReport(HOSTILE_TEXT), { today: TODAY }));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
  });

  after(async () => {
    await browser?.close();
  });

  it('shows overall progress, a bar per category, the critical items, evidence and findings', async () => {
    assert.equal(await page.title(), 'Production readiness');
    assert.equal(await page.locator('#overview svg.ring text').textContent(), '42%');
    assert.equal(
      await page
        .locator('#kpi-critical dd')
        .innerText()
        .then((t) => t.split('\n')[0]),
      '3',
    );
    assert.deepEqual(await page.locator('#categories h3').allTextContents(), [
      'Checkout: production readinessPRODUCTION_READINESS.md',
      'Paymentsservices/pay api/PRODUCTION_READINESS.md',
    ]);
    // Two categories and a total in the first checklist, one row and a total in the second.
    assert.equal(await page.locator('#categories svg.bar').count(), 5);
    assert.equal(
      await page.locator('#categories svg.bar').first().getAttribute('aria-label'),
      'Security: 1 done, 0 in progress, 1 open, 1 n/a',
    );
    const bar = await page.locator('#categories svg.bar').first().boundingBox();
    assert.ok(bar && bar.width > 300 && bar.height === 12, JSON.stringify(bar));
    const critical = await page.locator('#critical tbody tr').allInnerTexts();
    assert.equal(critical.length, 3);
    assert.match(critical[0], /Secrets rotated\s+open\s+@security\s+2026-01-15 \(overdue\)\s+PRODUCTION_READINESS\.md:6/);
    assert.deepEqual(await page.locator('#evidence .coverage .num').allInnerTexts(), ['1/3', '0/1']);
    assert.equal(await page.locator('#findings tbody tr').count(), 6);
    assert.equal(
      await page.locator('#findings a').first().getAttribute('href'),
      'https://github.com/production-readiness/production-readiness/blob/main/README.md#rule-config-invalid',
    );
    await page.screenshot({ path: join(outDir, 'report-light.png'), fullPage: true });
  });

  it('colours the bars from the stylesheet, and switches to dark colours', async () => {
    const fill = () => page.evaluate<string>("getComputedStyle(document.querySelector('#categories rect.seg-done')).fill");
    const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    assert.equal(await fill(), 'rgb(31, 136, 61)');
    assert.equal(await background(), 'rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await fill(), 'rgb(63, 185, 80)');
    assert.equal(await background(), 'rgb(13, 17, 23)');
    await page.screenshot({ path: join(outDir, 'report-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('prints on white with the charts kept', async () => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    assert.equal(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor'), 'rgb(255, 255, 255)');
    assert.equal(await page.locator('#categories svg.bar').first().isVisible(), true);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    writeFileSync(join(outDir, 'report.pdf'), pdf);
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10_000);
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  });

  it('made no request besides the page itself, and runs no script from hostile text', async () => {
    assert.deepEqual(requests, [pathToFileURL(file).href]);
    const hostile = await browser.newPage();
    const dialogs: string[] = [];
    hostile.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await hostile.goto(pathToFileURL(join(outDir, 'hostile.html')).href);
    assert.equal(await hostile.locator('script, img').count(), 0);
    assert.match(await hostile.locator('#categories h3').first().innerText(), /<img src=x onerror=alert\(1\)> "Ops" & co/);
    assert.equal(await hostile.locator('#categories').isVisible(), true, 'an injected <style> did not hide the page');
    assert.deepEqual(dialogs, []);
    await hostile.close();
  });
});
