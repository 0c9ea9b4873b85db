// The HTML report: a self-contained page (no scripts, no requests, inline SVG), escaped, with a
// policy and a nonce for webviews. How Chromium renders it (light, dark, print) is checked by the
// browser tier, test/e2e/htmlReport.e2e.ts.
import { strict as assert } from 'node:assert';
import { renderHtmlReport, STANDALONE_CSP } from '../../src/core/report/html';
import { escapeHtml } from '../../src/core/report/htmlText';
import { fixtureReport, HOSTILE_TEXT, TODAY } from './helpers/reportFixture';

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
    assert.ok(
      urls.length > 0 &&
        urls.every((u) => u.startsWith('https://github.com/production-readiness/production-readiness/blob/main/README.md#rule-')),
      urls.join('\n'),
    );
  });

  it('escapes checklist text everywhere', () => {
    const hostile = renderHtmlReport(fixtureReport(HOSTILE_TEXT), { title: '<b>x</b>', today: TODAY });
    assert.doesNotMatch(hostile, /<script|<img|<b>x|<style>body/);
    assert.ok(hostile.includes('<title>&lt;b&gt;x&lt;/b&gt;</title>'));
    assert.ok(hostile.includes('&lt;style&gt;body{display:none}&lt;/style&gt;'));
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('takes a nonce and a policy for webviews', () => {
    const webview = renderHtmlReport(fixtureReport(), { csp: "default-src 'none'; style-src 'nonce-abc'", nonce: 'abc' });
    assert.ok(
      webview.includes(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc'">`.replace(/'/g, '&#39;'),
      ),
    );
    assert.ok(webview.includes('<style nonce="abc">'));
    assert.doesNotMatch(webview, /\sstyle="/, 'no style attributes: a nonce policy would block them');
  });
});
