// Headless Chromium as every test and tool here starts it: Debian's build, a
// fresh profile, and no background connections (this machine's network is
// closed, and Chromium's would be refused).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A browser context with its own new profile; `options` as Playwright's.
export function launch(options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blog-chromium-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}
