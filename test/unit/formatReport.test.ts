// formatReport is the one door to every format: each format gets the JSON report (or, for text,
// the sources) and the options it reads, and nothing else differs between the CLI and the editor.
import { strict as assert } from 'node:assert';
import { createPaint } from '../../src/cli/ansi';
import { toCompact } from '../../src/core/report/compact';
import { formatReport, REPORT_FORMATS } from '../../src/core/report/formatReport';
import { toGithubAnnotations } from '../../src/core/report/githubAnnotations';
import { renderHtmlReport } from '../../src/core/report/html';
import { buildReport } from '../../src/core/report/jsonReport';
import { toJunit } from '../../src/core/report/junit';
import { toMarkdownSummary } from '../../src/core/report/markdownSummary';
import { toSarif } from '../../src/core/report/sarif';
import { formatText } from '../../src/core/report/textReport';
import { fixtureSources, TODAY } from './helpers/reportFixture';

describe('formatReport', () => {
  const sources = fixtureSources();
  const report = buildReport(sources);
  const options = { toolVersion: '9.9.9', today: TODAY };

  it('writes each format with the options that format reads', () => {
    const expected: Record<(typeof REPORT_FORMATS)[number], string> = {
      text: formatText(sources, createPaint(false)),
      json: `${JSON.stringify(report, null, 2)}\n`,
      compact: toCompact(report),
      sarif: `${JSON.stringify(toSarif(report, { toolVersion: '9.9.9' }), null, 2)}\n`,
      junit: toJunit(report),
      github: toGithubAnnotations(report),
      markdown: toMarkdownSummary(report, { today: TODAY }),
      html: renderHtmlReport(report, { today: TODAY, toolVersion: '9.9.9' }),
    };
    for (const format of REPORT_FORMATS) assert.equal(formatReport(sources, format, options), expected[format], format);
  });

  it('colours text only with the paint it is given', () => {
    const colored = formatReport(sources, 'text', { ...options, paint: createPaint(true) });
    assert.ok(colored.includes('\u001b['), 'ANSI styles are used');
    // eslint-disable-next-line no-control-regex -- the escape sequences are what is stripped
    assert.equal(colored.replace(/\u001b\[\d+m/g, ''), formatReport(sources, 'text', options));
  });

  it('passes the HTML page options through, besides today and the version', () => {
    const html = formatReport(sources, 'html', {
      ...options,
      html: { title: 'Checkout <launch>', csp: "default-src 'none'", nonce: 'abc' },
    });
    assert.equal(
      html,
      renderHtmlReport(report, { title: 'Checkout <launch>', csp: "default-src 'none'", nonce: 'abc', today: TODAY, toolVersion: '9.9.9' }),
    );
    assert.ok(html.includes('Checkout &lt;launch&gt;'));
  });
});
