// Headless Chromium from the system (never a downloaded browser), with the flags this machine needs.
// Playwright's launch() starts it on a fresh, temporary --user-data-dir of its own and removes it on close.
import { chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function withBrowser(work) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}
