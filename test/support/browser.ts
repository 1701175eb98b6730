/**
 * Debian's Chromium for browser tests (playwright-core): a fresh profile per context, Vietnamese
 * locale and time zone, page errors collected; `closeBrowsers` ends them and removes the profiles.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { codeSentTo, emailsTo } from './inbox.ts';
import { localEnv } from './local.ts';

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

/**
 * The WCAG 2.1 A/AA violations axe-core finds on the page as it stands, "rule: target" each. axe
 * runs through the DevTools protocol (page.evaluate), so the pages' strict CSP stays on.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = (await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) })))",
  )) as { id: string; targets: string[] }[];
  return result.flatMap((v) => v.targets.map((t) => `${v.id}: ${t}`));
}

/** Signs in on /signin with the address and the code that arrives for it in the (emulated) mailbox. */
export async function signInByCode(page: Page, email: string): Promise<void> {
  // Sign-in codes sent before (the invitation to the same address is not one).
  const before = (await emailsTo(email)).filter((e) => e.subject.includes('Mã đăng nhập')).length;
  await page.goto(`${localEnv().PUBLIC_URL}/signin`);
  await page.getByLabel('Địa chỉ thư điện tử').fill(email);
  await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
  await expect.poll(() => page.locator('#code-sent').textContent()).toContain(email);
  const code = await codeSentTo(email, before);
  await page.getByLabel('Mã đăng nhập (6 chữ số)').fill(code);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}
