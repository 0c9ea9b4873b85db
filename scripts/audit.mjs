// Fails on high or critical advisories in the production dependencies (npm audit --omit=dev).
// Some registries (mirrors, proxies) do not serve the advisory endpoint: then it says so and
// passes, as there is nothing to check against; the exact pins are tested in test/unit.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`[audit] npm audit printed no JSON (status ${run.status}): ${run.stderr.trim().slice(0, 500)}`);
  process.exit(1);
}
if (report.error || report.statusCode) {
  console.log(
    `[audit] the registry's advisory service is unavailable here (${report.statusCode ?? report.error?.code ?? 'error'}: ${report.message ?? report.error?.summary ?? ''}); skipped`,
  );
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`[audit] production dependencies: ${JSON.stringify(counts)}`);
process.exit((counts.high ?? 0) + (counts.critical ?? 0) > 0 ? 1 : 0);
