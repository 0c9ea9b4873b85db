import type { Plugin } from 'esbuild';

/** The code pages kept, by iconv-lite's canonical names. */
export const SINGLE_BYTE_CODE_PAGES: string[];

/** The esbuild plugin that gives iconv-lite only the single-byte code pages the core reads. */
export function iconvSingleByte(): Plugin;
