import { clickOption, settleAnimations } from '../support/browser.ts';
import type { Locator, Page } from 'playwright-core';

export type ObservationTab = 'overview' | 'arrivals' | 'groups' | 'checks' | 'declarations' | 'letter';

export interface ArrivalInput {
  category: 'outside' | 'returnee';
  name: string;
  idNumber: string;
  phone: string;
  /** Province, city, county as the cascader names them. */
  origin: [string, string, string];
  route?: string;
  transportKind: 'train' | 'flight' | 'vehicle' | 'bus' | 'other';
  transportRef?: string;
  stayKind: 'household' | 'workplace' | 'other';
  stayPlace?: string;
  temperature?: string;
  /** The plan: its length, and the worker responsible (by name); no plan when left out. */
  plan?: PlanInput;
}

export interface PlanInput {
  kind: 'home' | 'centralised' | 'workplace';
  /** 7 or 14 days, or until a last day picked with the picker's "in N days" preset. */
  length: '7' | '14' | { lastDayIn: 7 | 14 };
  /** Starts at the time the picker's "now" preset gives (Shanghai's clock) rather than left empty. */
  startNow?: boolean;
  worker: string;
}

/** Outside workers and returnees at a desk: figures and alerts, registration, a person's record, declarations, the letter template. */
export class ConsoleObservationPage {
  constructor(readonly page: Page) {}

  // ——— frame ———

  async openFromMenu(): Promise<void> {
    await this.page.click('[data-testid="nav-observation"]');
    await this.page.locator('[data-testid="observation-figures"][data-day]:not([data-day=""])').waitFor();
  }

  async openTab(tab: ObservationTab): Promise<void> {
    await this.page.click(`[data-testid="observation-tab-${tab}"]`);
  }

  tabs(): Promise<string[]> {
    return this.page.locator('[data-testid^="observation-tab-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('observation-tab-', '')));
  }

  /** Waits for running animations (a dialog opening, a menu sliding) to end, for a screenshot that shows them whole. */
  async settle(): Promise<void> {
    await settleAnimations(this.page);
  }

  // ——— figures and alerts ———

  async figure(key: string): Promise<number> {
    const card = this.page.locator(`[data-testid="figure-${key}"]:not([data-value=""])`);
    await card.waitFor();
    return Number(await card.getAttribute('data-value'));
  }

  alert(name: string, kind: 'fever' | 'overdue' | 'positive'): Locator {
    return this.page.locator(`[data-testid="observation-alert"][data-name="${name}"][data-kind="${kind}"]`);
  }

  alertBadge(): Locator {
    return this.page.locator('[data-testid="observation-alert-badge"]');
  }

  // ——— registration ———

  async openRegistration(): Promise<void> {
    await this.page.click('[data-testid="arrival-new"]');
    await this.page.locator('[data-testid="arrival-form"]').waitFor();
  }

  private async pick(group: string, value: string): Promise<void> {
    await this.page.click(`[data-testid="${group}"] label:has(input[value="${value}"])`);
  }

  /** Picks the origin in the cascader, one level at a time, as a person clicks through it. */
  async pickOrigin([province, city, county]: [string, string, string]): Promise<void> {
    await this.page.click('[data-testid="origin-picker"]');
    for (const name of [province, city, county]) await this.page.locator(`.ant-cascader-menu-item[title="${name}"]`).click();
    await this.page.locator('[data-testid="origin-picker"]', { hasText: county }).waitFor();
  }

  async pickOption(testId: string, label: string): Promise<void> {
    await this.page.click(`[data-testid="${testId}"]`);
    await clickOption(this.page, `.ant-select-item-option[title="${label}"]`);
    // Closed (its fade ended) before the next click or a screenshot.
    await this.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  }

  /** Fills the registration form (without sending it). */
  async fillArrival(a: ArrivalInput): Promise<void> {
    await this.pick('arrival-category', a.category);
    await this.page.fill('[data-testid="arrival-name"]', a.name);
    await this.page.fill('[data-testid="arrival-id-number"]', a.idNumber);
    await this.page.fill('[data-testid="arrival-phone"]', a.phone);
    await this.pickOrigin(a.origin);
    if (a.route) await this.page.fill('[data-testid="arrival-route"]', a.route);
    await this.pick('arrival-transport', a.transportKind);
    if (a.transportRef) await this.page.fill('[data-testid="arrival-transport-ref"]', a.transportRef);
    await this.pick('arrival-stay-kind', a.stayKind);
    if (a.stayPlace) await this.page.fill('[data-testid="arrival-stay-place"]', a.stayPlace);
    if (a.temperature) await this.page.fill('[data-testid="arrival-temperature"]', a.temperature);
    if (a.plan) {
      await this.fillPlan(a.plan);
    } else {
      await this.page.click('[data-testid="arrival-with-plan"]');
    }
  }

  /** Fills the plan fields (of a registration, an approval or a plan added to a record). */
  async fillPlan(plan: PlanInput): Promise<void> {
    await this.pick('plan-kind', plan.kind);
    if (plan.startNow) await this.preset('plan-start', 'preset-now');
    if (typeof plan.length === 'string') {
      await this.pick('plan-length', plan.length);
    } else {
      await this.pick('plan-length', 'lastDay');
      await this.preset('plan-last-day', `preset-day-${plan.length.lastDayIn}`);
    }
    await this.pickOption('plan-worker', plan.worker);
  }

  /** Opens a date picker and takes one of the presets beside its calendar. */
  async preset(pickerTestId: string, presetTestId: string): Promise<void> {
    await this.page.click(`[data-testid="${pickerTestId}"]`);
    await this.page.locator(`.ant-picker-dropdown:visible [data-testid="${presetTestId}"]`).click();
    await this.page.locator(`.ant-picker-dropdown:visible [data-testid="${presetTestId}"]`).waitFor({ state: 'hidden' });
  }

  async submitArrival(): Promise<void> {
    await this.page.click('[data-testid="arrival-submit"]');
  }

  /** Waits until a person's record is on screen; answers its id. */
  async waitForRecord(name: string): Promise<string> {
    const record = this.page.locator(`[data-testid="arrival"][data-name="${name}"]`);
    await record.waitFor();
    return (await record.getAttribute('data-id'))!;
  }

  /** The notice of a refusal that points at a record already there (under observation, arrival registered). */
  existingNotice(): Locator {
    return this.page.locator('[data-testid="existing-record"]');
  }

  async openExisting(): Promise<void> {
    await this.page.click('[data-testid="existing-record-open"]');
  }

  detail(label: string): Locator {
    return this.page.locator('[data-testid="arrival-details"] .ant-descriptions-item', { hasText: label }).locator('.ant-descriptions-item-content');
  }

  openPlan(): Locator {
    return this.page.locator('[data-testid="plan-card"][data-open="true"]');
  }

  planDays(): Locator {
    return this.openPlan().locator('[data-testid="plan-day"]');
  }

  // ——— letter template ———

  async editTemplate(title: string, body: string, beforeSave?: () => Promise<void>): Promise<void> {
    await this.page.locator('[data-testid="letter-template"]').waitFor();
    await this.page.fill('[data-testid="template-title"]', title);
    await this.page.fill('[data-testid="template-body"]', body);
    await beforeSave?.();
    await this.page.click('[data-testid="template-save"]');
    await this.page.locator('[data-testid="letter-template"][data-default="false"] [data-testid="template-own"]').waitFor();
  }

  // ——— self-declarations ———

  declaration(name: string): Locator {
    return this.page.locator(`[data-testid="declarations"][data-status="pending"] [data-testid="declaration"][data-name="${name}"]`);
  }

  /** Approves a pending declaration with a plan; waits until it has left the queue. */
  async approveWithPlan(name: string, plan: PlanInput, beforeSubmit?: () => Promise<void>): Promise<void> {
    await this.declaration(name).locator('[data-testid="declaration-approve"]').click();
    await this.page.locator('[data-testid="approve-form"]').waitFor();
    await this.fillPlan(plan);
    await beforeSubmit?.();
    await this.page.click('[data-testid="approve-ok"]');
    await this.page.locator('[data-testid="approve-form"]').waitFor({ state: 'detached' });
    await this.declaration(name).waitFor({ state: 'detached' });
  }

  /** Opens the record from the "approved" notice. */
  async openApprovedRecord(): Promise<void> {
    await this.page.locator('[data-testid="declaration-approved"] a').click();
  }
}
