// The pure pieces of `history` and `report --history`: reading git's log and cat-file output,
// the JSON/CSV/text renderings and the burn-up's daily series and SVG.
import { strict as assert } from 'node:assert';
import { validateHistory, validateReport } from '../../src/core/config/generated/validators.js';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { buildReport } from '../../src/core/report/jsonReport';
import { renderHtmlReport } from '../../src/core/report/html';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { defaultConfig } from '../../src/core/config/types';
import { parseCatFileBatch, parseGitLog } from '../../src/core/history/gitLog';
import { pointOf, progressHistory, tickSteps } from '../../src/core/history/progressHistory';
import type { HistoryPoint } from '../../src/core/history/types';
import { burnUpChart, dailySeries, overallSeries } from '../../src/core/report/burnUp';
import { buildHistoryReport, historyCsv, historyText, sparkline } from '../../src/core/report/historyReport';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function point(
  commit: string | null,
  date: string,
  done: number,
  open: number,
  criticalOpen = 0,
  extra: Partial<HistoryPoint> = {},
): HistoryPoint {
  const tracked = done + open;
  return {
    commit,
    date,
    author: 'Alice',
    subject: `s ${commit ?? 'working'}`,
    done,
    open,
    inProgress: 0,
    notApplicable: 0,
    untracked: 0,
    criticalOpen,
    percent: tracked === 0 ? null : Math.floor((done * 100) / tracked),
    categories: [],
    ...extra,
  };
}

describe('history: git output', () => {
  it('parses git log -z --name-only records: fields, and the path at each commit (after a rename, the new name)', () => {
    const out =
      `\x1e${B}\x1fBob Van (SRE)\x1f2026-11-03T10:00:00+01:00\x1fTick TLS, after "drill"\x00\ndocs/PR.md\x00` +
      `\x1e${A}\x1fAlice\x1f2026-11-01T09:00:00+01:00\x1fAdd\x00\nold name.md\x00`;
    assert.deepEqual(parseGitLog(out), [
      { commit: B, author: 'Bob Van (SRE)', date: '2026-11-03T10:00:00+01:00', subject: 'Tick TLS, after "drill"', path: 'docs/PR.md' },
      { commit: A, author: 'Alice', date: '2026-11-01T09:00:00+01:00', subject: 'Add', path: 'old name.md' },
    ]);
    assert.deepEqual(parseGitLog(''), []);
  });

  it('splits git cat-file --batch output by the sizes it announces, bytes kept (CRLF, NUL); missing objects are null', () => {
    const enc = new TextEncoder();
    const body1 = enc.encode('- [ ] a\r\n\x00x');
    const body2 = enc.encode('é\n');
    const parts = [
      enc.encode(`${A} blob ${body1.length}\n`),
      body1,
      enc.encode('\n'),
      enc.encode(`${B}:gone.md missing\n`),
      enc.encode(`${B} blob ${body2.length}\n`),
      body2,
      enc.encode('\n'),
    ];
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    const objects = parseCatFileBatch(all);
    assert.equal(objects.length, 3);
    assert.deepEqual([...objects[0]!], [...body1]);
    assert.equal(objects[1], null);
    assert.equal(new TextDecoder().decode(objects[2]!), 'é\n');
  });
});

describe('history: renderings', () => {
  const files = [
    {
      path: 'PRODUCTION_READINESS.md',
      points: [
        point(A, '2026-11-01T09:00:00+01:00', 0, 4, 1, { categories: [{ title: 'Ops', done: 0, tracked: 4, percent: 0 }] }),
        point(B, '2026-11-03T10:00:00+01:00', 2, 2, 0, {
          subject: 'Tick, "twice"',
          categories: [{ title: 'Ops', done: 2, tracked: 4, percent: 50 }],
        }),
      ],
    },
  ];

  it('JSON: exactly the issue fields in order, valid against schemas/readiness-history.schema.json', () => {
    const json = buildHistoryReport(files);
    assert.ok(validateHistory(json), JSON.stringify(validateHistory.errors));
    assert.deepEqual(json.files[0].points[1], {
      commit: B,
      date: '2026-11-03T10:00:00+01:00',
      author: 'Alice',
      subject: 'Tick, "twice"',
      done: 2,
      open: 2,
      inProgress: 0,
      notApplicable: 0,
      untracked: 0,
      criticalOpen: 0,
      percent: 50,
    });
    assert.ok(!validateHistory({ version: 1, files: [{ path: 'x', points: [{ ...json.files[0].points[0], categories: [] }] }] }));
  });

  it('CSV: RFC 4180 (CRLF rows, quotes doubled inside quoted fields), null as empty', () => {
    const withWorking = [
      { ...files[0], points: [...files[0].points, point(null, '2026-11-04T00:00:00+00:00', 2, 2, 0, { author: '', subject: '' })] },
    ];
    assert.equal(
      historyCsv(withWorking),
      'path,commit,date,author,subject,done,open,inProgress,notApplicable,untracked,criticalOpen,percent\r\n' +
        `PRODUCTION_READINESS.md,${A},2026-11-01T09:00:00+01:00,Alice,s ${A},0,4,0,0,0,1,0\r\n` +
        `PRODUCTION_READINESS.md,${B},2026-11-03T10:00:00+01:00,Alice,"Tick, ""twice""",2,2,0,0,0,0,50\r\n` +
        'PRODUCTION_READINESS.md,,2026-11-04T00:00:00+00:00,,,2,2,0,0,0,0,50\r\n',
    );
  });

  it('CSV: a subject or author a spreadsheet would run as a formula is kept as text', () => {
    const hostile = [
      {
        ...files[0],
        points: [
          point(A, '2026-11-01T09:00:00+01:00', 1, 0, 0, { author: '@evil', subject: '=HYPERLINK("http://x","y")' }),
          point(B, '2026-11-02T09:00:00+01:00', 1, 0, 0, { author: '+1', subject: '-2, then' }),
        ],
      },
    ];
    const [, first, second] = historyCsv(hostile).split('\r\n');
    assert.equal(first, `PRODUCTION_READINESS.md,${A},2026-11-01T09:00:00+01:00,'@evil,"'=HYPERLINK(""http://x"",""y"")",1,0,0,0,0,0,100`);
    assert.equal(second, `PRODUCTION_READINESS.md,${B},2026-11-02T09:00:00+01:00,'+1,"'-2, then",1,0,0,0,0,0,100`);
  });

  it('sparklines: 0 is ▁, the maximum █, null a space; long histories are sampled to 60 ending with the last', () => {
    assert.equal(sparkline([0, 1, 2, 3, 4, null], 4), '▁▃▅▇█ ');
    const long = sparkline(
      Array.from({ length: 200 }, (_, i) => i),
      199,
    );
    assert.equal(long.length, 60);
    assert.equal(long.at(-1), '█');
  });

  it('text: the burn-up rows and the commits that moved progress', () => {
    const text = historyText(files);
    assert.match(text, /^PRODUCTION_READINESS\.md {2}2 versions, 2026-11-01 → 2026-11-03$/m);
    // done 0 then 2 of 4 → ▁ and ⌊8·2/4⌋ = 4 → ▅; critical open 1 then 0 of max 1 → █ then ▁.
    assert.match(text, /^ {2}Done {11}▁▅ {2}0 → 2 of 4 \(50%\)$/m);
    assert.match(text, /^ {2}Critical open {2}█▁ {2}1 → 0$/m);
    assert.match(text, /^ {2}Ops {12}▁▅ {2}2\/4 \(50%\)$/m);
    assert.match(text, /^ {2}2026-11-03 {2}bbbbbbb {2}Alice {2}\+2 done, −1 critical open {4}Tick, "twice"$/m);
  });
});

describe('history: burn-up', () => {
  it('keeps the last point of each day; overall sums each file’s latest counts per day', () => {
    const one = [
      point(A, '2026-11-01T09:00:00+01:00', 0, 4, 2),
      point(B, '2026-11-01T18:00:00+01:00', 1, 3, 1),
      point(null, '2026-11-03T08:00:00+01:00', 3, 1, 0),
    ];
    const two = [point(A, '2026-11-02T09:00:00+00:00', 1, 1, 1)];
    assert.deepEqual(dailySeries(one), [
      { day: '2026-11-01', done: 1, total: 4, criticalOpen: 1 },
      { day: '2026-11-03', done: 3, total: 4, criticalOpen: 0 },
    ]);
    assert.deepEqual(
      overallSeries([
        { path: 'a.md', points: one },
        { path: 'b.md', points: two },
      ]),
      [
        { day: '2026-11-01', done: 1, total: 4, criticalOpen: 1 },
        { day: '2026-11-02', done: 2, total: 6, criticalOpen: 2 },
        { day: '2026-11-03', done: 4, total: 6, criticalOpen: 1 },
      ],
    );
  });

  it('draws inline SVG without style attributes or scripts, titled and described with its numbers', () => {
    const svg = burnUpChart(
      [
        { day: '2026-11-01', done: 1, total: 4, criticalOpen: 1 },
        { day: '2026-11-03', done: 3, total: 4, criticalOpen: 0 },
      ],
      'a <b>.md',
      'burnup-1',
    );
    assert.match(svg, /^<svg class="burnup" viewBox="0 0 640 240" role="img" aria-labelledby="burnup-1-title burnup-1-desc">/);
    assert.match(svg, /<title id="burnup-1-title">Burn-up: a &lt;b&gt;\.md<\/title>/);
    assert.match(
      svg,
      /<desc id="burnup-1-desc">From 2026-11-01 to 2026-11-03: done 1 → 3 of 4, critical open 1 → 0\. 2026-11-01: 1 of 4 done, 1 critical open; 2026-11-03: 3 of 4 done, 0 critical open\.<\/desc>/,
    );
    assert.doesNotMatch(svg, /style=|<script/);
    for (const cls of ['burn-total', 'burn-done', 'burn-critical']) assert.match(svg, new RegExp(`<path class="${cls}" d="M`));
    assert.match(burnUpChart([], 'x', 'b'), /No history/);
  });
});

describe('history: commits that tick several boxes', () => {
  it('splits a change of markers only into one tick at a time, and leaves anything else whole', () => {
    assert.deepEqual(tickSteps('- [ ] a\n- [ ] b\n- [ ] c\n', '- [x] a\n- [ ] b\n- [x] c\n'), ['- [x] a\n- [ ] b\n- [ ] c\n']);
    assert.deepEqual(tickSteps('| a | ☐ |\n| b | ❌ |\n', '| a | ✅ |\n| b | ✅ |\n'), ['| a | ✅ |\n| b | ❌ |\n']);
    assert.deepEqual(tickSteps('- [ ] a\n- [ ] b\n', '- [x] a\n- [ ] c\n'), [], 'a letter changed outside a box');
    assert.deepEqual(tickSteps('- [ ] a\n', '- [ ] ab'), [], 'another length');
  });

  it('gives each version what a fresh analysis of it gives', () => {
    const options = { config: defaultConfig(), path: 'PRODUCTION_READINESS.md' };
    const sections = Array.from(
      { length: 12 },
      (_, s) =>
        `## Area ${s}\n\n${Array.from({ length: 6 }, (_, t) => `- [ ] Check ${s}.${t}${t === 0 ? ' (critical)' : ''}\n`).join('')}\n| Check | Status |\n|---|---|\n| Row ${s} | ☐ |\n`,
    );
    const texts = [`# Big\n\n${sections.join('\n')}`];
    // Each version ticks a box in three different areas and a table cell; every third unticks one again.
    for (let v = 0; v < 10; v++) {
      let text = texts.at(-1)!;
      for (const s of [v % 12, (v + 4) % 12, (v + 8) % 12]) text = text.replace(`- [ ] Check ${s}.${v % 6}`, `- [x] Check ${s}.${v % 6}`);
      text = text.replace(`| Row ${v} | ☐ |`, `| Row ${v} | ✅ |`);
      if (v % 3 === 2) text = text.replace('- [x] Check', '- [ ] Check');
      texts.push(text);
    }
    const points = progressHistory(
      texts.map((text, i) => ({ commit: String(i), date: '2026-11-01T00:00:00+00:00', author: 'A', subject: '', text })),
      options,
    );
    texts.forEach((text, i) => {
      const fresh = pointOf(
        { commit: String(i), date: '2026-11-01T00:00:00+00:00', author: 'A', subject: '', text },
        new ChecklistAnalyzer(options).parse(text).checklist,
      );
      assert.deepEqual(points[i], fresh, `version ${i}`);
    });
    assert.ok(points[10].done > points[0].done);
  });
});

describe('JSON report: lastChange (check --blame)', () => {
  const text = '# Svc\n\n## Ops\n\n- [x] Rollback tested (critical)\n  - [ ] Nested step\n- [x] Alerts\n';
  const analysis = analyzeChecklist(text, { config: defaultConfig(), path: 'PRODUCTION_READINESS.md' });

  it('adds lastChange to every item (null when absent), after runbooks and before children, valid against the schema', () => {
    const rollback = analysis.checklist.categories[0].items[0];
    const change = { commit: A, author: 'Bob', date: '2026-11-20T14:03:00+01:00', subject: 'Tick rollback drill' };
    const report = buildReport([{ path: 'PRODUCTION_READINESS.md', analysis, lastChanges: new Map([[rollback.id, change]]) }]);
    assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
    const [first, second] = report.files[0].categories[0].items;
    assert.deepEqual(first.lastChange, change);
    assert.deepEqual(Object.keys(first).slice(-3), ['runbooks', 'lastChange', 'children']);
    assert.equal(first.children[0].lastChange, null, 'the nested step is not in the map');
    assert.equal(second.lastChange, null);
    assert.ok(
      !validateReport({
        ...report,
        files: [
          { ...report.files[0], categories: [{ ...report.files[0].categories[0], items: [{ ...first, lastChange: { commit: A } }] }] },
        ],
      }),
    );
  });

  it('leaves the report as it was without last changes', () => {
    const json = JSON.stringify(buildReport([{ path: 'PRODUCTION_READINESS.md', analysis }]));
    assert.doesNotMatch(json, /lastChange/);
  });
});

describe('HTML report with history', () => {
  it('draws every checklist together and each one, listed in the contents; without history the page has neither', () => {
    const a = analyzeChecklist('# A\n\n## Ops\n\n- [x] One (critical)\n- [ ] Two\n', { config: defaultConfig(), path: 'a.md' });
    const b = analyzeChecklist('# B\n\n## Ops\n\n- [ ] Three\n', { config: defaultConfig(), path: 'b.md' });
    const sources = [
      { path: 'a.md', analysis: a },
      { path: 'b.md', analysis: b },
    ];
    const history = [
      { path: 'a.md', points: [point(A, '2026-11-01T09:00:00+00:00', 0, 2, 1), point(B, '2026-11-02T09:00:00+00:00', 1, 1, 0)] },
      { path: 'b.md', points: [point(A, '2026-11-01T09:00:00+00:00', 0, 1)] },
    ];
    const html = renderHtmlReport(buildReport(sources), { history });
    assert.match(html, /<li><a href="#history">Readiness over time<\/a><\/li>/);
    // All together: 11-01 a 0/2 + b 0/1; 11-02 a 1/2 + b 0/1.
    assert.match(html, /<desc id="burnup-all-desc">From 2026-11-01 to 2026-11-02: done 0 → 1 of 3, critical open 1 → 0\./);
    assert.match(
      html,
      /<h3>A<span class="path"><code>a\.md<\/code><\/span><\/h3>\n<svg class="burnup"[^>]*aria-labelledby="burnup-1-title burnup-1-desc"/,
    );
    assert.match(html, /aria-labelledby="burnup-2-title burnup-2-desc"/);
    const plain = renderHtmlReport(buildReport(sources));
    assert.doesNotMatch(plain, /href="#history"|<section id="history">|href="#sign-offs"/);
  });
});
