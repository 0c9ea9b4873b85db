/** Copies `fixture` to `destination` and generates `large/PRODUCTION_READINESS.md` when `large/` exists. */
export function prepareWorkspace(fixture: string, destination: string): Promise<void>;
/** A deterministic checklist mixing task lists and status tables. */
export function largeChecklist(shape?: { sections: number; tasks: number; rows: number }): string;
export const LARGE_SHAPE: { sections: number; tasks: number; rows: number };
