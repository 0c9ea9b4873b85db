import * as vscode from 'vscode';
import type { ChecklistStore, ScanStatus } from './checklistStore';
import { VIEW_ID, type ReadinessTreeProvider } from './treeView';

/** What the first scan showed, for tests. */
export interface ScanProgressRecord {
  /** Every message shown during the last scan, in order. */
  messages: string[];
  /** How the extension host's thread fared from activation to the end of the first scan (bench/firstScan.ts). */
  firstScan: FirstScanTiming;
}

/**
 * Times of the first scan, in `performance.now()` milliseconds of the extension host. The longest
 * task is sampled from inside the host by a chain of `setTimeout(0)` ticks (one about every
 * millisecond while the thread is free) from activation until the first scan ends: the largest
 * gap between two ticks is the longest stretch the thread ran something else, over-counted by the
 * timer's own millisecond or so. (Not `perf_hooks`: the web extension host has none.)
 */
export interface FirstScanTiming {
  /** The first statement of `activate`. */
  activatedAt: number;
  /** The first checklist analysis stored (the tree's root answers with it from then on). */
  firstAnalysedAt?: number;
  /** The first scan's first and last progress reports. */
  scanStartedAt?: number;
  scanEndedAt?: number;
  /** The largest gap between two sampler ticks; set when the first scan ends. */
  longestTaskMs?: number;
  /** The five largest gaps, largest first, each with the time it ended (to tell what ran then). */
  longestTasks?: { ms: number; endedAt: number }[];
  /** How many checklists the first scan analysed. */
  checklists?: number;
  /** `ChecklistStore.firstCoreUseMs`, when the first scan ended. */
  coreLoadMs?: number;
}

/**
 * Shows the first scan's progress in the Readiness view: a progress bar (`withProgress` on the
 * view) and "Analysing 37 of 200 checklists" as the view's message, until the scan ends.
 */
export function registerScanProgress(
  store: ChecklistStore,
  tree: ReadinessTreeProvider,
  activatedAt = performance.now(),
): vscode.Disposable & { record: ScanProgressRecord } {
  const record: ScanProgressRecord = { messages: [], firstScan: { activatedAt } };
  const timing = record.firstScan;
  const sampler = sampleLongestTask();
  const firstAnalysis = store.onDidChange((uri) => {
    if (!uri) return;
    timing.firstAnalysedAt = performance.now();
    firstAnalysis.dispose();
  });
  const firstScanEnded = (status: ScanStatus | undefined) => {
    if (timing.scanEndedAt !== undefined) return;
    if (status) {
      timing.scanStartedAt ??= performance.now();
      timing.checklists = status.total;
      return;
    }
    if (timing.scanStartedAt === undefined) return;
    timing.scanEndedAt = performance.now();
    timing.coreLoadMs = store.firstCoreUseMs;
    Object.assign(timing, sampler.stop());
  };
  let running: { report: (status: ScanStatus) => void; end: () => void } | undefined;
  const start = () => {
    record.messages = [];
    let reported = 0;
    let resolveEnd!: () => void;
    const ended = new Promise<void>((resolve) => (resolveEnd = resolve));
    let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
    let last: ScanStatus | undefined;
    const show = (status: ScanStatus) => {
      last = status;
      const message = scanMessage(status);
      record.messages.push(message);
      if (tree.view) tree.view.message = message;
      const percent = (status.done / status.total) * 100;
      progress?.report({ message, increment: percent - reported });
      reported = percent;
    };
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, (p) => {
      progress = p;
      if (last) show(last);
      return ended;
    });
    return {
      report: show,
      end: () => {
        if (tree.view && tree.view.message === (last && scanMessage(last))) tree.view.message = undefined;
        resolveEnd();
      },
    };
  };
  const subscription = store.onDidScan((status) => {
    firstScanEnded(status);
    if (!status) {
      running?.end();
      running = undefined;
      return;
    }
    running ??= start();
    running.report(status);
  });
  return Object.assign(vscode.Disposable.from(subscription, firstAnalysis, { dispose: () => (running?.end(), sampler.stop()) }), {
    record,
  });
}

/** The sampler stops by itself after this long, should no scan ever end. */
const SAMPLE_LIMIT_MS = 120_000;

/** Ticks `setTimeout(0)` until stopped and keeps the largest gaps between two ticks (see `FirstScanTiming`). */
function sampleLongestTask(): { stop: () => { longestTaskMs: number; longestTasks: { ms: number; endedAt: number }[] } } {
  const started = performance.now();
  let last = started;
  const longest: { ms: number; endedAt: number }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const now = performance.now();
    const ms = now - last;
    if (longest.length < 5 || ms > longest[longest.length - 1].ms) {
      longest.push({ ms, endedAt: now });
      longest.sort((a, b) => b.ms - a.ms);
      longest.length = Math.min(longest.length, 5);
    }
    last = now;
    timer = now - started < SAMPLE_LIMIT_MS ? setTimeout(tick, 0) : undefined;
  };
  timer = setTimeout(tick, 0);
  return {
    stop: () => {
      if (timer !== undefined) tick();
      clearTimeout(timer);
      timer = undefined;
      return { longestTaskMs: longest[0]?.ms ?? 0, longestTasks: [...longest] };
    },
  };
}

/** "Analysing 37 of 200 checklists": the one being analysed, counted from 1. */
function scanMessage({ done, total }: ScanStatus): string {
  return vscode.l10n.t('Analysing {0} of {1} checklists', Math.min(done + 1, total), total);
}
