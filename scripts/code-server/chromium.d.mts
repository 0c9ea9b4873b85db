import type { Browser } from 'playwright-core';

/** Launches Debian's Chromium headless through playwright-core. */
export function launchChromium(): Promise<Browser>;
