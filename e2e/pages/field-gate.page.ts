import type { Locator, Page } from 'playwright-core';

/** A visitor as typed at the gate. */
export interface VisitorInput {
  name: string;
  idNumber?: string;
  phone?: string;
  fromPlace: string;
  purpose: string;
  visiting?: string;
  temperature: string;
  /** The colour as labelled on screen (zh-CN): 绿码… */
  healthCode?: string;
}

export interface Verdict {
  tone: string | null;
  allowed: string | null;
  reason: string | null;
  fever: string | null;
  title: string;
  text: string;
}

/** The field app's gate desk, visitor form, gate outbox and patrol screens. */
export class FieldGatePage {
  constructor(readonly page: Page) {}

  /** Opens the gate tab and sits at the entrance named `name` (choosing it if the phone has none yet). */
  async openDesk(name: string): Promise<void> {
    await this.page.click('[data-testid="tab-gate"]');
    const desk = this.page.locator(`[data-testid="gate-desk"]`);
    const choose = this.page.locator('[data-testid="gate-choose"]');
    await desk.or(choose).first().waitFor();
    if (await choose.isVisible()) {
      await this.page.locator(`[data-testid="entrance-option"][data-name="${name}"]`).click();
    } else if ((await this.page.textContent('[data-testid="entrance-name"]')) !== name) {
      await this.page.click('[data-testid="entrance-change"]');
      await this.page.locator(`.gate-sheet [data-testid="entrance-option"][data-name="${name}"]`).click();
    }
    await this.page.locator('[data-testid="entrance-name"]', { hasText: name }).waitFor();
  }

  /** Waits for a verdict other than "ready" (a new one after `previous`, when given) and reads it. */
  async verdict(previous?: string | null): Promise<Verdict> {
    const panel = this.page.locator('[data-testid="verdict"]:not([data-tone="ready"])');
    await panel.waitFor();
    if (previous !== undefined) await this.page.waitForFunction((before) => document.querySelector('[data-testid="verdict"]')?.textContent !== before, previous);
    return {
      tone: await panel.getAttribute('data-tone'),
      allowed: await panel.getAttribute('data-allowed'),
      reason: await panel.getAttribute('data-reason'),
      fever: await panel.getAttribute('data-fever'),
      title: (await panel.locator('[data-testid="verdict-title"]').textContent()) ?? '',
      text: (await panel.textContent()) ?? '',
    };
  }

  async verdictText(): Promise<string | null> {
    return this.page.locator('[data-testid="verdict"]').textContent();
  }

  /** Reads a pass from a picture file, as "from a photo" does. */
  async scanPhoto(file: string): Promise<void> {
    await this.page.setInputFiles('[data-testid="scan-photo-input"]', file);
  }

  async setScanTemperature(text: string): Promise<void> {
    await this.page.locator('[data-testid="scan-temperature"] input').fill(text);
  }

  /** Registrations waiting to upload, as the desk counts them. */
  async waiting(): Promise<number> {
    return Number(await this.page.getAttribute('[data-testid="gate-outbox-entry"]', 'data-waiting'));
  }

  async waitForWaiting(count: number): Promise<void> {
    await this.page.waitForSelector(`[data-testid="gate-outbox-entry"][data-waiting="${count}"]`, { timeout: 30_000 });
  }

  async openVisitorForm(): Promise<void> {
    await this.page.click('[data-testid="register-visitor"]');
    await this.page.waitForSelector('[data-testid="visitor-form"]');
  }

  async fillVisitor(v: VisitorInput): Promise<void> {
    if (v.idNumber) await this.page.locator('[data-testid="visitor-id"] input').fill(v.idNumber);
    if (v.phone) await this.page.locator('[data-testid="visitor-phone"] input').fill(v.phone);
    await this.page.locator('[data-testid="visitor-name"] input').fill(v.name);
    await this.page.locator('[data-testid="visitor-from"] input').fill(v.fromPlace);
    await this.page.locator('[data-testid="visitor-purpose"] input').fill(v.purpose);
    if (v.visiting) await this.page.locator('[data-testid="visitor-visiting"] input').fill(v.visiting);
    await this.setVisitorTemperature(v.temperature);
    if (v.healthCode) await this.page.locator('[data-testid="visitor-code"]').getByText(v.healthCode, { exact: true }).click();
  }

  async setVisitorTemperature(text: string): Promise<void> {
    await this.page.locator('[data-testid="visitor-temperature"] input').fill(text);
  }

  /** Saves the visitor; back on the desk, the big panel shows the registration. */
  async saveVisitor(): Promise<void> {
    await this.page.click('[data-testid="visitor-save"]');
    await this.page.waitForSelector('[data-testid="gate-desk"]');
  }

  /** Tries to save a form that must be refused: the form stays. */
  async trySaveVisitor(): Promise<void> {
    await this.page.click('[data-testid="visitor-save"]');
    await this.page.waitForSelector('[data-testid="visitor-form"]');
  }

  async openOutbox(): Promise<void> {
    await this.page.click('[data-testid="gate-outbox-entry"]');
    await this.page.waitForSelector('[data-testid="gate-outbox-head"]');
  }

  outboxItems(): Locator {
    return this.page.locator('[data-testid="gate-outbox-item"]');
  }

  alert(name: string): Locator {
    return this.page.locator(`[data-testid="alert"][data-name="${name}"]`);
  }

  async handleAlert(name: string, note: string): Promise<void> {
    await this.alert(name).locator('[data-testid="alert-handle"]').click();
    await this.page.locator('[data-testid="alert-note"] textarea:not([aria-hidden])').fill(note);
    await this.page.click('[data-testid="alert-confirm"]');
    await this.alert(name).waitFor({ state: 'detached' });
  }

  /** Opens the patrol screen from the home page's work list. */
  async openPatrol(): Promise<void> {
    await this.page.click('[data-testid="tab-home"]');
    await this.page.click('[data-testid="work-patrol"]');
    await this.page.waitForSelector('[data-testid="patrol-page"]');
  }

  async startRound(zone: string): Promise<void> {
    await this.page.locator('[data-testid="patrol-zone"]').getByText(zone, { exact: true }).click();
    await this.page.click('[data-testid="patrol-begin"]');
    await this.page.waitForSelector('[data-testid="patrol-round"]');
  }

  async addReading(temperature: string, healthCode?: string): Promise<void> {
    const before = await this.page.locator('[data-testid="patrol-reading"]').count();
    await this.page.locator('[data-testid="patrol-temperature"] input').fill(temperature);
    if (healthCode) await this.page.locator('[data-testid="patrol-code"]').getByText(healthCode, { exact: true }).click();
    await this.page.click('[data-testid="patrol-add"]');
    await this.page.locator('[data-testid="patrol-reading"]').nth(before).waitFor();
  }

  /** Taps a counter's plus button `times` times. */
  async count(counter: 'patrol-counted' | 'patrol-masks' | 'patrol-gatherings', times: number): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.locator(`[data-testid="${counter}"] .adm-stepper-plus`).click();
  }

  async finishRound(): Promise<void> {
    await this.page.click('[data-testid="patrol-finish"]');
    await this.page.locator('.adm-dialog-footer .adm-dialog-button-bold').click();
    await this.page.waitForSelector('[data-testid="patrol-start"]');
    await this.page.locator('.adm-dialog').waitFor({ state: 'detached' });
  }
}
