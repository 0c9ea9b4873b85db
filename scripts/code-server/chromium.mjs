// Launches Debian's Chromium (apt-get install chromium) through playwright-core.
// Never `playwright install`: these machines cannot download Playwright's own browser builds.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Without the background-networking flags Chromium keeps trying hosts that this machine's closed
 * network refuses.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium() {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: run bash scripts/code-server/install.sh`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
