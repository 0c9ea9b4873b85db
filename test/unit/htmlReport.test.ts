// The HTML report: a self-contained page (no scripts, no requests, inline SVG), escaped, with a
// policy and a nonce for webviews. How Chromium renders it (light, dark, print) is checked by the
// browser tier, test/e2e/htmlReport.e2e.ts.
import { strict as assert } from 'node:assert';
import { renderHtmlReport, STANDALONE_CSP } from '../../src/core/report/html';
import { escapeHtml } from '../../src/core/report/htmlText';
import { buildReport } from '../../src/core/report/jsonReport';
import { analyze } from './helpers/model';
import { fixtureReport, fixtureSources, HOSTILE_TEXT, TODAY } from './helpers/reportFixture';

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

describe('HTML report navigation', () => {
  const report = fixtureReport();

  it('shows places as plain text when nothing links them, and as the links `linkTo` gives otherwise', () => {
    const plain = renderHtmlReport(report, { today: TODAY });
    assert.doesNotMatch(plain, /class="place"/);
    const asked: string[] = [];
    const linked = renderHtmlReport(report, {
      today: TODAY,
      linkTo: (path, line) => {
        asked.push(`${path}:${line}`);
        return `${encodeURI(path)}#L${line}`;
      },
    });
    // "Secrets rotated" is the open critical item on line 6 of the main checklist; "Fraud rules
    // reviewed" on line 4 of the second (a path with a space, escaped in the link).
    assert.ok(linked.includes('<a class="place" href="PRODUCTION_READINESS.md#L6"><code>PRODUCTION_READINESS.md:6</code></a>'));
    assert.ok(
      linked.includes(
        '<a class="place" href="services/pay%20api/PRODUCTION_READINESS.md#L4"><code>services/pay api/PRODUCTION_READINESS.md:4</code></a>',
      ),
    );
    // Every finding's line cell links too: one link per finding, plus the critical and evidence rows.
    const findingCount = report.files.reduce((n, f) => n + f.findings.length, 0);
    const findingLinks = linked.match(/<td class="where"><a class="place"/g) ?? [];
    assert.equal(findingLinks.length, findingCount);
    assert.ok(asked.includes('.readiness.yml:1') || report.files[0].findings.every((f) => asked.includes(`.readiness.yml:${f.line}`)));
  });

  it('escapes what `linkTo` returns', () => {
    const html = renderHtmlReport(report, { linkTo: () => '"><script>alert(1)</script>' });
    assert.doesNotMatch(html, /<script/);
    assert.ok(html.includes('href="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
  });

  it('has a table of contents whose every link lands on an element of the page', () => {
    const html = renderHtmlReport(report, { today: TODAY });
    const nav = /<nav id="contents"[\s\S]*?<\/nav>/.exec(html)?.[0];
    assert.ok(nav, 'a contents block');
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    for (const id of targets) assert.ok(html.includes(` id="${id}"`), `#${id} exists`);
    // Both checklists by title, and the config file whose findings the report lists.
    assert.ok(nav.includes('>Checkout: production readiness</a>'));
    assert.ok(nav.includes('>Payments</a>'));
    assert.ok(nav.includes('>.readiness.yml</a>'));
  });

  it('has no table of contents for a single checklist', () => {
    const single = fixtureReport();
    const one = { ...single, files: [single.files[1]] };
    assert.doesNotMatch(renderHtmlReport(one), /id="contents"/);
  });

  it('counts every severity in the findings card, infos included', () => {
    // A file with no items has one `no-items` finding, an info.
    const sources = [...fixtureSources(), { path: 'docs/EMPTY.md', analysis: analyze('# Nothing to check\n', {}, { today: TODAY }) }];
    const report = buildReport(sources);
    const all = report.files.flatMap((f) => f.findings);
    const n = (severity: string) => all.filter((f) => f.severity === severity).length;
    const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    const html = renderHtmlReport(report, { today: TODAY });
    const card = /<div class="kpi[^"]*" id="kpi-findings">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    assert.ok(n('info') > 0, 'the fixture has an info finding');
    assert.ok(
      card.includes(
        `${plural(n('error'), 'error', 'errors')} · ${plural(n('warning'), 'warning', 'warnings')} · ${plural(n('info'), 'info', 'infos')}`,
      ),
      card,
    );
  });
});
