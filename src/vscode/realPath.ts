import { realpath } from 'node:fs/promises';

/**
 * Resolves symbolic links of a path on the local disk; undefined where there is no disk to ask
 * (the web build swaps in realPath.web.ts).
 */
export const realPath: ((path: string) => Promise<string>) | undefined = realpath;
