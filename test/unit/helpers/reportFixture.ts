// A small report with every case the report formats must handle: done, open, in-progress, n/a
// and untracked items, nested items, owners and due dates (one overdue), evidence present and
// missing, text that needs escaping in XML, HTML and Markdown, a path with a space, and a config
// file with a problem.
import { parseConfigText } from '../../../src/core/config/config';
import { buildReport, type ReadinessReport } from '../../../src/core/report/jsonReport';
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

/** The fixture's report: a broken config, then the two checklists. */
export function fixtureReport(mainText = MAIN_TEXT): ReadinessReport {
  const config = parseConfigText('evidence:\n  required: critical\nrules:\n  nonsense: error\n');
  const exists = (path: string) => path === 'docs/evidence/tls.md';
  const main = analyze(mainText, config.config, { today: TODAY, exists });
  const second = analyze(SECOND_TEXT, {}, { today: TODAY, exists, path: 'services/pay api/PRODUCTION_READINESS.md' });
  return buildReport([
    { path: '.readiness.yml', analysis: { checklist: null, findings: config.findings } },
    { path: 'PRODUCTION_READINESS.md', analysis: main },
    { path: 'services/pay api/PRODUCTION_READINESS.md', analysis: second },
  ]);
}
