import { type Analysis, type AnalysisLimits, analyzeChecklist, type LinkCheck, type ReadinessConfig } from '../core';
import { existsUnder } from './workspace';

/** One checklist to analyse: everything `analyzeChecklist` reads but `exists`, and the root its links are checked under. */
export interface AnalysisJob {
  text: string;
  config: ReadinessConfig;
  /** The checklist path the core sees (workspace-relative, POSIX). */
  path: string;
  limits: AnalysisLimits;
  today: string;
  /** Absolute workspace root: links are checked under it. */
  root: string;
}

/** An analysis with every `exists` question it asked and the answer it got, in order (what `--cache` keeps). */
export interface JobResult {
  checks: [string, LinkCheck][];
  analysis: Analysis;
}

/** Analyses one job, recording what it asked `exists`. */
export function runJob(job: AnalysisJob): JobResult {
  const exists = existsUnder(job.root);
  const checks: [string, LinkCheck][] = [];
  const analysis = analyzeChecklist(job.text, {
    config: job.config,
    path: job.path,
    today: job.today,
    limits: job.limits,
    exists: (path) => {
      const answer = exists(path);
      checks.push([path, answer]);
      return answer;
    },
  });
  return { checks, analysis };
}
