import type { Page } from 'playwright-core';

/** What a person types on the public self-declaration page (labels as shown in zh-CN). */
export interface DeclarationInput {
  category: '返乡人员' | '外来人员';
  name: string;
  idNumber: string;
  phone: string;
  /** Province, city, county as the picker lists them. */
  origin: [string, string, string];
  route?: string;
  transport: string;
  transportRef?: string;
  stay: string;
  stayPlace: string;
  reason?: string;
  temperature?: string;
}

/** The public self-declaration page, /m/declare/:communityId: no account. */
export class FieldObservationDeclarePage {
  constructor(readonly page: Page) {}

  async open(communityId: string): Promise<void> {
    await this.page.goto(`/m/declare/${communityId}`);
    await this.page.locator('[data-testid="declare-page"]').waitFor();
  }

  async communityShown(): Promise<string> {
    return (await this.page.textContent('[data-testid="declare-community"]')) ?? '';
  }

  async fill(p: DeclarationInput): Promise<void> {
    const input = (field: string) => this.page.locator(`[data-testid="arrival-${field}"] input`);
    await this.page.locator('[data-testid="arrival-category"]').getByText(p.category, { exact: true }).click();
    await input('name').fill(p.name);
    await input('idNumber').fill(p.idNumber);
    await input('phone').fill(p.phone);
    await this.pickOrigin(p.origin);
    if (p.route) await input('route').fill(p.route);
    await this.page.locator('[data-testid="arrival-transport"]').getByText(p.transport, { exact: true }).click();
    if (p.transportRef) await input('transportRef').fill(p.transportRef);
    await this.page.locator('[data-testid="arrival-stayKind"]').getByText(p.stay, { exact: true }).click();
    await input('stayPlace').fill(p.stayPlace);
    if (p.reason) await input('reason').fill(p.reason);
    if (p.temperature) await input('temperature').fill(p.temperature);
  }

  async setIdNumber(text: string): Promise<void> {
    await this.page.locator('[data-testid="arrival-idNumber"] input').fill(text);
  }

  /** Province → city → county: the sheet closes by itself on the county. */
  async pickOrigin([province, city, county]: [string, string, string]): Promise<void> {
    await this.page.click('[data-testid="arrival-origin"]');
    for (const name of [province, city, county]) await this.page.locator('.adm-cascader-view-item', { hasText: name }).first().click();
    await this.page.locator('[data-testid="arrival-origin"]', { hasText: county }).waitFor();
  }

  async agree(): Promise<void> {
    await this.page.locator('[data-testid="declare-consent"]').click();
  }

  async send(): Promise<void> {
    await this.page.click('[data-testid="declare-send"]');
  }

  /** The message under a field, once shown. */
  async fieldError(field: string): Promise<string> {
    const error = this.page.locator(`[data-testid="error-${field}"]`);
    await error.waitFor();
    return (await error.textContent()) ?? '';
  }

  async hasFieldError(field: string): Promise<boolean> {
    return (await this.page.locator(`[data-testid="error-${field}"]`).count()) > 0;
  }

  /** The reference in big letters on the receipt. */
  async reference(): Promise<string> {
    const code = this.page.locator('[data-testid="declare-reference"]');
    await code.waitFor();
    return ((await code.textContent()) ?? '').trim();
  }
}
