import * as vscode from 'vscode';
import { type AnalysisLimits, DEFAULT_LIMITS } from '../core';

/** The extension's settings (`readiness.*`), read per resource. */
export interface ReadinessSettings {
  /** Save a checklist after a tick when it was not dirty before. */
  saveAfterTick: boolean;
  /** Show progress CodeLenses on category headings. */
  codeLens: boolean;
  /** Show the readiness status bar item. */
  statusBar: boolean;
  /** What the status bar item counts: the active editor's checklist (the workspace when none) or always the workspace. */
  statusBarScope: 'activeFile' | 'workspace';
  /** Delay before re-analysing a checklist after an edit, in milliseconds. */
  debounceMs: number;
  /** Size and nesting limits; `maxChars` comes from `readiness.maxFileSize` (MB). */
  limits: AnalysisLimits;
}

/** The settings section. */
export const SECTION = 'readiness';

/** Reads the settings that apply to a resource (or the window). Never cached: VS Code caches already. */
export function readSettings(scope?: vscode.Uri): ReadinessSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    saveAfterTick: c.get<boolean>('saveAfterTick', true),
    codeLens: c.get<boolean>('codeLens.enabled', true),
    statusBar: c.get<boolean>('statusBar.enabled', true),
    statusBarScope: c.get<string>('statusBar.scope', 'activeFile') === 'workspace' ? 'workspace' : 'activeFile',
    debounceMs: Math.max(0, Math.min(5000, c.get<number>('debounceMs', 250))),
    limits: { ...DEFAULT_LIMITS, maxChars: Math.round(Math.max(0.1, Math.min(100, c.get<number>('maxFileSize', 2))) * 1_000_000) },
  };
}
