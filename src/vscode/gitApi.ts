/**
 * The part of VS Code's built-in Git extension API (`vscode.git`, `getAPI(1)`) this extension
 * uses, typed after the extension's own git.d.ts. Only what is declared here is called.
 */
import type * as vscode from 'vscode';

/** A commit as the Git extension reports it. */
export interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorName?: string;
  readonly authorDate?: Date;
  readonly parents: string[];
}

/** One repository the Git extension has open. */
export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD?: { readonly commit?: string } };
  /** Commits, newest first; `path` limits them to those that changed that file. */
  log(options?: { maxEntries?: number; path?: string }): Promise<GitCommit[]>;
  /** A file's text at a commit. */
  show(ref: string, path: string): Promise<string>;
  /** `git blame -- <path>` in git's default format. */
  blame(path: string): Promise<string>;
  getCommit(ref: string): Promise<GitCommit>;
}

/** `getAPI(1)`. */
export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
}

/** The Git extension's exports. */
export interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}
