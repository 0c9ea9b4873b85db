/**
 * The report page's stylesheet: light by default, dark under `prefers-color-scheme: dark` and
 * in VS Code's dark and high-contrast themes (the webview marks its body with their classes),
 * and a print layout that keeps rows and charts together.
 */
const LIGHT = `
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa;
  --done: #1f883d; --progress: #d4a72c; --open: #afb8c1; --na: #e1e6eb; --empty: #eaeef2;
  --error: #cf222e; --warning: #9a6700; --info: #0969da; --link: #0969da;`;

const DARK = `
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23;
  --done: #3fb950; --progress: #d29922; --open: #656c76; --na: #2f3742; --empty: #262c36;
  --error: #f85149; --warning: #d29922; --info: #4493f8; --link: #4493f8;`;

/** The stylesheet, inlined into the page's one `<style>` element. */
export const REPORT_CSS = `
:root { color-scheme: light dark;${LIGHT} }
@media (prefers-color-scheme: dark) { :root {${DARK} } }
body.vscode-light {${LIGHT} --bg: var(--vscode-editor-background, #ffffff); --fg: var(--vscode-editor-foreground, #1f2328); }
body.vscode-dark, body.vscode-high-contrast {${DARK} --bg: var(--vscode-editor-background, #0d1117); --fg: var(--vscode-editor-foreground, #e6edf3); }
* { box-sizing: border-box; }
body {
  margin: 0; padding: 32px 24px 48px; background: var(--bg); color: var(--fg);
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
}
main { max-width: 1040px; margin: 0 auto; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 15px; margin: 20px 0 8px; }
h3 .path { font-weight: normal; color: var(--muted); margin-left: 8px; }
a { color: var(--link); }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.meta, .muted { color: var(--muted); }
.overview { display: flex; gap: 28px; align-items: center; flex-wrap: wrap; margin-top: 20px; }
.ring { width: 150px; height: 150px; flex: none; }
.ring-value { font-size: 8px; font-weight: 600; fill: var(--fg); }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; flex: 1; min-width: 280px; margin: 0; }
.kpi { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; }
.kpi dt { color: var(--muted); font-size: 12px; }
.kpi dd { margin: 2px 0 0; font-size: 20px; font-weight: 600; }
.kpi dd small { display: block; font-size: 12px; font-weight: normal; color: var(--muted); }
.kpi.alert dd { color: var(--error); }
.legend { display: flex; gap: 16px; flex-wrap: wrap; margin: 12px 0 0; padding: 0; list-style: none; color: var(--muted); font-size: 12px; }
.legend svg { width: 10px; height: 10px; vertical-align: -1px; margin-right: 5px; }
.seg-done { fill: var(--done); stroke: var(--done); }
.seg-progress { fill: var(--progress); stroke: var(--progress); }
.seg-open { fill: var(--open); stroke: var(--open); }
.seg-na { fill: var(--na); stroke: var(--na); }
.seg-empty { fill: var(--empty); stroke: var(--empty); }
.ring circle { fill: none; }
svg.bar { display: block; width: 100%; height: 12px; border-radius: 6px; overflow: hidden; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
tbody th { font-size: 14px; color: var(--fg); }
td.where, td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.categories td:first-child { width: 32%; }
table.findings td.where { width: 64px; }
table.findings td:nth-child(2) { width: 84px; }
table.findings td:last-child { width: 160px; }
table.categories td.chart { width: 46%; vertical-align: middle; }
.state { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; border: 1px solid var(--border); white-space: nowrap; }
.state-open { color: var(--error); border-color: var(--error); }
.state-in-progress { color: var(--warning); border-color: var(--warning); }
.sev { font-weight: 600; text-transform: uppercase; font-size: 11px; letter-spacing: .03em; }
.sev-error { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--info); }
.overdue { color: var(--error); font-weight: 600; }
.coverage { display: grid; grid-template-columns: minmax(200px, 1fr) 2fr auto; gap: 8px 14px; align-items: center; max-width: 760px; }
.empty-note { color: var(--muted); font-style: italic; }
a.place { text-decoration: none; }
a.place:hover code, a.place:focus code { text-decoration: underline; }
#contents { margin-top: 20px; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 4px 18px 10px; }
#contents h2 { font-size: 14px; margin: 8px 0 4px; border: 0; }
#contents ol { margin: 0; padding-left: 20px; }
#contents li { margin: 2px 0; }
#contents code { color: var(--muted); margin-left: 6px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
svg.burnup { display: block; width: 100%; max-width: 760px; height: auto; }
.burn-grid { stroke: var(--border); stroke-width: 1; }
.burn-label { fill: var(--muted); font-size: 11px; }
.burn-total, .burn-done, .burn-critical { fill: none; stroke-width: 2.5; }
.burn-total { stroke: var(--open); }
.burn-done { stroke: var(--done); }
.burn-critical { stroke: var(--error); stroke-dasharray: 6 4; }
.burn-dot { fill: var(--done); }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444c56; --panel: #ffffff; }
  body { padding: 0; font-size: 11pt; }
  svg, rect, circle { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  tr, .kpi, .overview, h3 { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  #contents { display: none; }
}
`;
