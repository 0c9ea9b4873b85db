// The bench's first scan (bench/firstScan.ts): runs only in the workspace that bench generates
// (200 checklists of 100 items and a marker file) and prints what the extension measured from
// activation on. In any other workspace it is skipped.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_SCAN_LINE, FIRST_SCAN_MARKER, type FirstScanResult } from '../../bench/firstScan';
import { activateExtension, note, waitFor, workspaceFolder } from './helpers/extension';

describe('first scan in a generated workspace', () => {
  it('records the longest task, the first checklist shown and the whole scan', async function () {
    if (!existsSync(join(workspaceFolder().uri.fsPath, FIRST_SCAN_MARKER))) this.skip();
    this.timeout(300_000);
    const api = await activateExtension();
    const timing = api.scanProgress.firstScan;
    // Asked as soon as the suite runs: the tree answers once the first checklist is analysed.
    const analysedBeforeAsked = timing.firstAnalysedAt !== undefined;
    const roots = await api.tree.getChildren();
    const shownAt = performance.now();
    assert.ok(roots.length > 0, 'the tree listed no checklist');
    await waitFor('the first scan to end', () => timing.scanEndedAt !== undefined, 240_000);
    const since = (t: number | undefined) => (t ?? NaN) - timing.activatedAt;
    const result: Omit<FirstScanResult, 'loadAverage'> = {
      checklists: timing.checklists ?? 0,
      longestTaskMs: timing.longestTaskMs ?? NaN,
      longestTasks: (timing.longestTasks ?? []).map((t) => ({ ms: t.ms, endedAfterMs: since(t.endedAt) })),
      firstShownMs: analysedBeforeAsked ? since(timing.firstAnalysedAt) : since(shownAt),
      firstAnalysedMs: since(timing.firstAnalysedAt),
      scanMs: since(timing.scanEndedAt),
      coreLoadMs: timing.coreLoadMs ?? NaN,
    };
    note(`${FIRST_SCAN_LINE}${JSON.stringify(result)}`);
    assert.equal(result.checklists, 200);
  });
});
