/** Cards on a sheet of A4: two across, four down. */
export const CARDS_PER_SHEET = 8;

/** Splits cards into sheets of eight, in order; the last sheet holds what is left. */
export function sheetsOf<T>(cards: readonly T[], perSheet = CARDS_PER_SHEET): T[][] {
  const sheets: T[][] = [];
  for (let i = 0; i < cards.length; i += perSheet) sheets.push(cards.slice(i, i + perSheet));
  return sheets;
}
