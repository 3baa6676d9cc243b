/**
 * Accounts in the browser (`serve --accounts`, built UI, Debian Chromium): the login form comes
 * first; an account is created, its profile saved and a food logged through the UI (so its
 * writes carry the CSRF token); after logging out, a second person sees none of it; a wrong
 * password is refused; axe finds nothing serious on the form; screenshots at 1280 and 390 px.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiaryModel } from './pages/diary-page.js';
import { LoginModel } from './pages/login-page.js';
import { ProfileModel } from './pages/profile-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

describe('accounts in the browser', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-accounts-'));
    server = await startServer(join(dir, 'calcwise.db'), undefined, ['--accounts']);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers, saves a profile and logs a food; another person sees none of it', async () => {
    const login = new LoginModel(page, server.url);
    await page.goto(`${server.url}/#/`);
    await login.waitForForm();
    expect(await login.unlabelledControls()).toEqual([]);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([]);
    await login.screenshot('login-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await login.screenshot('login-390');
    expect(await login.horizontalOverflow()).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    await login.register('maria', 'a long enough password');
    // A new account has no profile: onboarding comes first.
    const profile = new ProfileModel(page, server.url);
    await profile.form().waitFor();
    await profile.fill({
      age: 66,
      sex: 'female',
      conditions: [],
      medications: ['warfarin'],
      supplements: [],
      pattern: 'omnivore',
      exclude: [],
    });
    await profile.save();
    // Saved through the API with the session's CSRF token; a new profile leads on to the diary.
    await page.waitForURL(/#\/diary$/);

    const diary = new DiaryModel(page, server.url);
    await diary.open('diary');
    await diary.searchAndPick('kale raw', /Kale, raw/);
    await diary.add(1, 'cup, chopped');
    await expect.poll(() => diary.entries().count()).toBe(1);
    await login.screenshot('accounts-diary-1280');

    await login.logout();
    await login.register('jose', 'another long password');
    await diary.open('diary');
    await expect.poll(() => diary.entries().count()).toBe(0);
    await page.goto(`${server.url}/#/profile`);
    await profile.form().waitFor();
    await expect(profile.form().getByLabel('Age (years)').inputValue()).resolves.not.toBe('66');

    await login.logout();
    await login.login('maria', 'not her password');
    await page
      .getByRole('alert')
      .filter({ hasText: 'the username or the password is wrong' })
      .waitFor();
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Logged in as maria').waitFor();
    await diary.open('diary');
    await expect.poll(() => diary.entries().count()).toBe(1);
  });
});
