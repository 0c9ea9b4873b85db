import type * as vscode from 'vscode';

/** The next value an event fires. */
export function nextEvent<T>(event: vscode.Event<T>): Promise<T> {
  return new Promise((resolve) => {
    const once = event((value) => {
      once.dispose();
      resolve(value);
    });
  });
}
