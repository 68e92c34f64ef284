import type { Locator, Page } from 'playwright-core';

/** A newly found person, as typed at the door. */
export interface ArrivalInput {
  name: string;
  idNumber: string;
  /** The category and relation as labelled on screen (zh-CN). */
  category: string;
  relation: string;
}

/** The field app's search, household, visit form, outbox and round pages. */
export class FieldScreeningPage {
  constructor(readonly page: Page) {}

  /** Opens the search tab and waits until the ledger is on the phone. */
  async openSearch(): Promise<void> {
    await this.page.click('[data-testid="tab-search"]');
    await this.page.waitForSelector('[data-testid="search-hint"]');
  }

  async search(text: string): Promise<void> {
    await this.page.locator('[data-testid="ledger-search"] input').fill(text);
  }

  /** The search hits of one household (waits for at least one). */
  async hitsOf(householdId: string): Promise<Locator> {
    const hits = this.page.locator(`[data-testid="search-hit"][data-household="${householdId}"]`);
    await hits.first().waitFor();
    return hits;
  }

  async householdAddress(): Promise<string> {
    return (await this.page.locator('[data-testid="household-address"]').textContent()) ?? '';
  }

  /** The status of the household in its (only) open round: none, waiting, refused, visited. */
  async roundStatus(): Promise<string | null> {
    return this.page.locator('[data-testid="household-round"] [data-testid="visit-status"]').getAttribute('data-status');
  }

  async waitForRoundStatus(status: string): Promise<void> {
    await this.page.waitForSelector(`[data-testid="household-round"] [data-testid="visit-status"][data-status="${status}"]`);
  }

  async startVisit(): Promise<void> {
    await this.page.click('[data-testid="record-visit"]');
    await this.page.waitForSelector('[data-testid="visit-form"]');
  }

  /** Unticks someone who is out (everyone is ticked to begin with). */
  async markAway(name: string): Promise<void> {
    await this.page.locator('[data-testid="present-member"]', { hasText: name }).click();
  }

  async toggleSymptom(label: string): Promise<void> {
    await this.page.locator('[data-testid="visit-symptoms"]').getByText(label, { exact: true }).click();
  }

  async addArrival(a: ArrivalInput): Promise<void> {
    const index = await this.page.locator('[data-testid="arrival"]').count();
    await this.page.click('[data-testid="add-arrival"]');
    const card = this.page.locator('[data-testid="arrival"]').nth(index);
    await card.locator('[data-testid="arrival-name"] input').fill(a.name);
    await card.locator('[data-testid="arrival-id"] input').fill(a.idNumber);
    await card.locator('[data-testid="arrival-id-ok"]').waitFor();
    await card.locator('[data-testid="arrival-category"]').getByText(a.category, { exact: true }).click();
    await card.locator('[data-testid="arrival-relation"]').getByText(a.relation, { exact: true }).click();
  }

  /** Saves the visit; the app goes back to the household, which lists it as waiting. */
  async saveVisit(): Promise<void> {
    await this.page.click('[data-testid="save-visit"]');
    await this.page.waitForSelector('[data-testid="household-address"]');
  }

  async openOutbox(): Promise<void> {
    await this.page.click('[data-testid="tab-screening"]');
    await this.page.click('[data-testid="outbox-entry"] .adm-list-item');
    await this.page.waitForSelector('[data-testid="outbox-head"]');
  }

  outboxItems(): Locator {
    return this.page.locator('[data-testid="outbox-item"]');
  }

  async openRound(): Promise<void> {
    await this.page.click('[data-testid="tab-screening"]');
    await this.page.click('[data-testid="round-item"]');
    await this.page.waitForSelector('[data-testid="round-households"]');
  }

  async roundHouseholdStatus(householdId: string): Promise<string | null> {
    return this.page.locator(`[data-testid="round-household"][data-household="${householdId}"]`).getAttribute('data-status');
  }
}
