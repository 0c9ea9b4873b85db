// The HTML report: a self-contained page (no scripts, no requests, inline SVG), escaped, rendered
// in headless Chromium in light, dark and print; screenshots go to test-results/report/.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/code-server/chromium.mjs';
import { renderHtmlReport, STANDALONE_CSP } from '../../src/core/report/html';
import { escapeHtml } from '../../src/core/report/htmlText';
import { fixtureReport, TODAY } from './helpers/reportFixture';

const outDir = join(__dirname, '..', '..', 'test-results', 'report');
// Code spans keep markup as text in the model, so it reaches the report verbatim.
const HOSTILE = '# `<img src=x onerror=alert(1)>` "Ops" & co\n\n## `<style>body{display:none}</style>`\n\n- [ ] Ship `<script>alert(2)</script>` now (critical) @ops due: 2026-01-01\n';

describe('HTML report', () => {
  const html = renderHtmlReport(fixtureReport(), { today: TODAY, toolVersion: '1.2.3' });

  it('is one self-contained document: a strict CSP, one inline stylesheet, no scripts or external URLs', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(STANDALONE_CSP)}">`));
    assert.equal(STANDALONE_CSP, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.equal((html.match(/<style\b/g) ?? []).length, 1);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\bsrc=|url\(|@import/i);
    // Links to the rule docs are the only URLs, and they are plain anchors.
    const urls = [...html.matchAll(/https?:\/\/[^"'\s<)]+/g)].map((m) => m[0]);
    assert.ok(urls.length > 0 && urls.every((u) => u.startsWith('https://github.com/production-readiness/production-readiness/blob/main/README.md#rule-')), urls.join('\n'));
  });

  it('escapes checklist text everywhere', () => {
    const hostile = renderHtmlReport(fixtureReport(HOSTILE), { title: '<b>x</b>', today: TODAY });
    assert.doesNotMatch(hostile, /<script|<img|<b>x|<style>body/);
    assert.ok(hostile.includes('<title>&lt;b&gt;x&lt;/b&gt;</title>'));
    assert.ok(hostile.includes('&lt;style&gt;body{display:none}&lt;/style&gt;'));
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('takes a nonce and a policy for webviews', () => {
    const webview = renderHtmlReport(fixtureReport(), { csp: "default-src 'none'; style-src 'nonce-abc'", nonce: 'abc' });
    assert.ok(webview.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc'">`.replace(/'/g, '&#39;')));
    assert.ok(webview.includes('<style nonce="abc">'));
    assert.doesNotMatch(webview, /\sstyle="/, 'no style attributes: a nonce policy would block them');
  });

  describe('in Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;
    let page: Page;
    const requests: string[] = [];
    const file = join(outDir, 'report.html');

    before(async () => {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(file, html);
      writeFileSync(join(outDir, 'hostile.html'), renderHtmlReport(fixtureReport(HOSTILE), { today: TODAY }));
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
      assert.equal(await page.locator('#kpi-critical dd').innerText().then((t) => t.split('\n')[0]), '3');
      assert.deepEqual(await page.locator('#categories h3').allTextContents(), ['Checkout: production readinessPRODUCTION_READINESS.md', 'Paymentsservices/pay api/PRODUCTION_READINESS.md']);
      // Two categories and a total in the first checklist, one row and a total in the second.
      assert.equal(await page.locator('#categories svg.bar').count(), 5);
      assert.equal(await page.locator('#categories svg.bar').first().getAttribute('aria-label'), 'Security: 1 done, 0 in progress, 1 open, 1 n/a');
      const bar = await page.locator('#categories svg.bar').first().boundingBox();
      assert.ok(bar && bar.width > 300 && bar.height === 12, JSON.stringify(bar));
      const critical = await page.locator('#critical tbody tr').allInnerTexts();
      assert.equal(critical.length, 3);
      assert.match(critical[0], /Secrets rotated \(critical\)\s+open\s+@security\s+2026-01-15 \(overdue\)\s+PRODUCTION_READINESS\.md:6/);
      assert.deepEqual(await page.locator('#evidence .coverage .num').allInnerTexts(), ['1/3', '0/1']);
      assert.equal(await page.locator('#findings tbody tr').count(), 6);
      assert.equal(await page.locator('#findings a').first().getAttribute('href'), 'https://github.com/production-readiness/production-readiness/blob/main/README.md#rule-config-invalid');
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
});
