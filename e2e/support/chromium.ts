import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** Whether browser tests can run here; under CI a missing Chromium is an error, not a skip. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (IN_CI) throw new Error(`Chromium is required under CI (${CHROMIUM}): apt-get install -y chromium fonts-wqy-microhei`);
  return false;
}
