/** The web worker has no local disk: a symbolic link cannot be resolved (see realPath.ts). */
export const realPath: ((path: string) => Promise<string>) | undefined = undefined;
