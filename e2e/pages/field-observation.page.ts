import type { Locator, Page } from 'playwright-core';
import { settled } from '../support/browser.ts';

/** An observation plan as set in the approval sheet (labels as shown in zh-CN). */
export interface PlanChoice {
  /** "7 天" or "14 天". */
  days: string;
  testDays: string;
  testTime: string;
  worker: string;
}

/** The field app's screens for outside personnel and returnees: hub, declarations, a person, the letter, my checks, the readings' outbox. */
export class FieldObservationPage {
  constructor(readonly page: Page) {}

  /** From the home screen's tile. */
  async openFromHome(): Promise<void> {
    await this.page.click('[data-testid="work-observation"]');
    await this.page.locator('[data-testid="obs-hub"]').waitFor();
  }

  async openHub(): Promise<void> {
    await this.page.goto('/m/observation');
    await this.page.locator('[data-testid="obs-hub"]').waitFor();
  }

  /* Self-declarations */
  async openDeclarations(): Promise<void> {
    await this.page.click('[data-testid="obs-tile-declarations"]');
    await this.page.locator('[data-testid="declarations-page"]').waitFor();
  }

  declaration(reference: string): Locator {
    return this.page.locator(`[data-testid="declaration"][data-reference="${reference}"]`);
  }

  /** Approves with a plan; ends on the new person's page. */
  async approve(reference: string, plan: PlanChoice): Promise<void> {
    await this.declaration(reference).locator('[data-testid="declaration-approve"]').click();
    const sheet = this.page.locator('[data-testid="approve-sheet"]');
    await sheet.waitFor();
    await sheet.locator('[data-testid="plan-days"]').getByText(plan.days, { exact: true }).click();
    await sheet.locator('[data-testid="plan-test-days"] input').fill(plan.testDays);
    await sheet.locator('[data-testid="plan-test-time"]').fill(plan.testTime);
    await sheet.locator('[data-testid="plan-worker"]').getByText(plan.worker, { exact: true }).click();
    await sheet.locator('[data-testid="approve-confirm"]').click();
    await this.page.locator('[data-testid="arrival-view"]').waitFor();
  }

  /* A person */
  async openArrival(id: string): Promise<void> {
    await this.page.goto(`/m/observation/arrivals/${id}`);
    await this.page.locator('[data-testid="arrival-view"]').waitFor();
  }

  /** Opens the letter from the person's page and draws each stroke (points in the box's own 0–1 units) with the mouse. */
  async signLetter(strokes: readonly (readonly [number, number])[][]): Promise<void> {
    await this.page.click('[data-testid="arrival-sign-letter"]');
    // The letter as read now (the page reads it again on opening): a new text would empty the pad.
    await this.page.locator('[data-testid="letter-draft"][data-reading="false"]').waitFor();
    await this.draw(strokes);
  }

  /** Draws each stroke in the signature box of the letter page. */
  async draw(strokes: readonly (readonly [number, number])[][]): Promise<void> {
    const pad = this.page.locator('[data-testid="signature-pad"]');
    await pad.waitFor();
    // In the middle of the screen, clear of the save bar stuck to the bottom.
    await pad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settled(pad);
    for (const stroke of strokes) {
      const box = (await pad.boundingBox())!;
      const [first, ...rest] = stroke;
      await this.page.mouse.move(box.x + first![0] * box.width, box.y + first![1] * box.height);
      await this.page.mouse.down();
      for (const [x, y] of rest) await this.page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 4 });
      await this.page.mouse.up();
    }
  }

  async strokesDrawn(): Promise<number> {
    return Number(await this.page.getAttribute('[data-testid="signature-pad"]', 'data-strokes'));
  }

  /** The letter's text as shown for signing. */
  async letterText(): Promise<string> {
    return (await this.page.textContent('[data-testid="letter-draft"]')) ?? '';
  }

  async confirmSignature(): Promise<void> {
    await this.page.click('[data-testid="letter-confirm"]');
    await this.page.locator('[data-testid="letter-signature"]').waitFor();
  }

  async release(outcome: '期满解除' | '转出', note: string): Promise<void> {
    await this.page.click('[data-testid="arrival-release"]');
    const sheet = this.page.locator('[data-testid="release-sheet"]');
    await sheet.waitFor();
    await sheet.locator('[data-testid="release-outcome"]').getByText(outcome, { exact: true }).click();
    await sheet.locator('[data-testid="release-note"] textarea').fill(note);
    await sheet.locator('[data-testid="release-confirm"]').click();
    await this.page.locator('[data-testid="plan-released"]').waitFor();
  }

  /* Alerts */
  alert(name: string, kind: string): Locator {
    return this.page.locator(`[data-testid="obs-alert"][data-name="${name}"][data-kind="${kind}"]`);
  }

  /* My checks */
  async openChecks(): Promise<void> {
    await this.page.goto('/m/observation/checks');
    await this.page.locator('[data-testid="check-list"], [data-testid="checks-empty"]').first().waitFor();
  }

  row(checkId: string): Locator {
    return this.page.locator(`[data-testid="check-row"][data-check="${checkId}"]`);
  }

  async waitForRowState(checkId: string, state: string): Promise<void> {
    await this.page.locator(`[data-testid="check-row"][data-check="${checkId}"][data-state="${state}"]`).waitFor({ timeout: 30_000 });
  }

  /** Taps the row and records a temperature or a test result; back on the list. */
  async record(checkId: string, value: { temperature: string } | { testResult: '阴性' | '阳性' | '待出结果' }): Promise<void> {
    await this.row(checkId).click();
    await this.page.locator('[data-testid="reading-form"]').waitFor();
    if ('temperature' in value) await this.page.locator('[data-testid="record-temperature"] input').fill(value.temperature);
    else await this.page.locator('[data-testid="record-test-result"]').getByText(value.testResult, { exact: true }).click();
    await this.page.click('[data-testid="record-save"]');
    await this.page.locator('[data-testid="check-list"]').waitFor();
  }

  async showTab(tab: 'due' | 'overdue' | 'done'): Promise<void> {
    await this.page.click(`[data-testid="checks-tab-${tab}"]`);
    await this.page.locator(`[data-testid="check-list"][data-list="${tab}"], [data-testid="checks-empty"]`).first().waitFor();
  }

  /** Opens a reading waiting on the phone from its row, corrects the temperature and saves it; back on the list. Gives the value it had. */
  async correctWaiting(checkId: string, temperature: string): Promise<string> {
    await this.row(checkId).click();
    await this.page.locator('[data-testid="record-waiting"]').waitFor();
    const before = (await this.page.textContent('[data-testid="record-waiting-value"]')) ?? '';
    await this.page.click('[data-testid="record-edit"]');
    await this.page.locator('[data-testid="reading-form"][data-kept="waiting"]').waitFor();
    await this.page.locator('[data-testid="record-temperature"] input').fill(temperature);
    await this.page.click('[data-testid="record-save"]');
    await this.page.locator('[data-testid="check-list"]').waitFor();
    return before;
  }

  /* The readings' outbox */
  async openOutbox(): Promise<void> {
    await this.page.click('[data-testid="obs-outbox-line"]');
    await this.page.locator('[data-testid="obs-outbox"]').waitFor();
  }

  outboxItems(): Locator {
    return this.page.locator('[data-testid="obs-outbox-item"]');
  }

  /** Discards an item of the outbox, confirming in the dialog; it leaves the list. */
  async discard(item: Locator): Promise<void> {
    await item.locator('[data-testid="obs-outbox-discard"]').click();
    await this.page.locator('.adm-dialog-footer .adm-dialog-button', { hasText: '放弃' }).click();
    await item.waitFor({ state: 'detached' });
  }
}
