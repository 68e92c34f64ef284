import { join } from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { clickOption, SHOTS, settleAnimations } from '../support/browser.ts';
import { E2E_PASSWORD } from '../support/global-setup.ts';
import { ConsolePage } from './console.page.ts';

/** The teams pages at a desk (work teams, volunteers, areas, the briefing): antd's pickers as a person uses them. */

/** 中路社区's id, from the secretary's own role. */
export async function zhonglu(api: APIRequestContext): Promise<string> {
  const me = (await (await api.get('/api/auth/me')).json()) as { roles: { unit: { id: string; name: string } }[] };
  return me.roles.find((r) => r.unit.name === '中路社区')!.unit.id;
}

/** A person of the community by display name, as the teams pages list them. */
export async function personId(api: APIRequestContext, communityId: string, name: string): Promise<string> {
  const people = (await (await api.get(`/api/teams/people?communityId=${communityId}`)).json()) as { userId: string; name: string }[];
  return people.find((p) => p.name === name)!.userId;
}

export async function signInAtZhonglu(page: Page, username: string): Promise<void> {
  const console_ = new ConsolePage(page);
  await console_.signIn(username, E2E_PASSWORD);
  await console_.seeScope('中路社区');
}

/** Types a day into an antd date picker and confirms it. */
export async function typeDay(page: Page, testId: string, day: string): Promise<void> {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/** Opens a select, searches when asked, and picks the option matching `option` in the open dropdown. */
export async function pick(page: Page, testId: string, option: string, search?: string): Promise<void> {
  await page.click(`[data-testid="${testId}"]`);
  if (search) await page.keyboard.type(search);
  await clickOption(page, option);
}

/** What is on screen at the window's size once animations end: a dialog as the user sees it. */
export async function viewShot(page: Page, name: string): Promise<void> {
  await settleAnimations(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}
