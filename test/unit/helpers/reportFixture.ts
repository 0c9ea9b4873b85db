// A small report with every case the report formats must handle: done, open, in-progress, n/a
// and untracked items, nested items, owners and due dates (one overdue), evidence present and
// missing, text that needs escaping in XML, HTML and Markdown, a path with a space, and a config
// file with a problem.
import { parseConfigText } from '../../../src/core/config/config';
import { buildReport, type ReadinessReport, type ReportSource } from '../../../src/core/report/jsonReport';
import { analyze } from './model';

export const TODAY = '2026-02-20';

export const MAIN_TEXT = `# Checkout: production readiness

## Security

- [x] TLS everywhere ([evidence](docs/evidence/tls.md))
- [ ] Secrets rotated (critical) @security due: 2026-01-15
- [-] Pen test: latency < 200 ms & "quotes" | pipe *stars*

## Reliability

- [~] Rollback tested (critical) @sre
- [x] Backups restored (critical)
  - [ ] Restore rehearsed
- **Runbooks**: in the wiki
`;

export const SECOND_TEXT = `# Payments

- [x] Refunds reconciled
- [ ] Fraud rules reviewed (critical) @risk
`;

/** Markup in every place a report shows text; code spans keep it as text in the model, so it reaches the report verbatim. */
export const HOSTILE_TEXT =
  '# `<img src=x onerror=alert(1)>` "Ops" & co\n\n## `<style>body{display:none}</style>`\n\n- [ ] Ship `<script>alert(2)</script>` now (critical) @ops due: 2026-01-01\n';

/** The fixture's report: a broken config, then the two checklists. */
export function fixtureReport(mainText = MAIN_TEXT): ReadinessReport {
  return buildReport(fixtureSources(mainText));
}

/** What the fixture's report is built from. */
export function fixtureSources(mainText = MAIN_TEXT): ReportSource[] {
  const config = parseConfigText('evidence:\n  required: critical\nrules:\n  nonsense: error\n');
  const exists = (path: string) => path === 'docs/evidence/tls.md';
  const main = analyze(mainText, config.config, { today: TODAY, exists });
  const second = analyze(SECOND_TEXT, {}, { today: TODAY, exists, path: 'services/pay api/PRODUCTION_READINESS.md' });
  return [
    { path: '.readiness.yml', analysis: { checklist: null, findings: config.findings } },
    { path: 'PRODUCTION_READINESS.md', analysis: main },
    { path: 'services/pay api/PRODUCTION_READINESS.md', analysis: second },
  ];
}
