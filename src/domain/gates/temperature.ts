/** 37.3 °C and above is a fever (发热) that must be reported at once. */
export const FEVER_FROM = 37.3;
/** Outside this range a reading is a misreading (a cold forehead, a gun pointed at the sky): measure again. */
export const PLAUSIBLE_MIN = 34.0;
export const PLAUSIBLE_MAX = 43.0;

export function isFever(celsius: number): boolean {
  // Compared in tenths: 37.3 typed or read as 37.29999 is still a fever.
  return Math.round(celsius * 10) >= Math.round(FEVER_FROM * 10);
}

export function isPlausibleTemperature(celsius: number): boolean {
  const tenths = Math.round(celsius * 10);
  return Number.isFinite(celsius) && tenths >= PLAUSIBLE_MIN * 10 && tenths <= PLAUSIBLE_MAX * 10;
}

/** A reading kept to one decimal, as the thermometer shows it. */
export function toTenths(celsius: number): number {
  return Math.round(celsius * 10);
}
