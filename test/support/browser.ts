/**
 * Debian's Chromium for browser tests (playwright-core): a fresh profile per context, Vietnamese
 * locale and time zone, page errors collected; `closeBrowsers` ends them and removes the profiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const open: { ctx: BrowserContext; dir: string }[] = [];

/** Errors thrown by page scripts, "url: message", in any page of the file: each test ends by checking there were none. */
export const pageErrors: string[] = [];

/** A browser profile of its own (fresh user-data-dir), as a person on their own machine. */
export async function openPage(viewport = { width: 1366, height: 768 }): Promise<Page> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  open.push({ ctx, dir });
  // Playwright gives up on an action after 30 s; a loaded machine is slow, not broken.
  ctx.setDefaultTimeout(300_000);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

export async function closeBrowsers(): Promise<void> {
  for (const { ctx, dir } of open.splice(0)) {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens a sign-in link and waits for the role's home page. */
export async function signIn(page: Page, base: string, token: string, home: RegExp): Promise<void> {
  await page.goto(`${base}/signin#token=${token}`);
  await page.waitForURL(home);
}
