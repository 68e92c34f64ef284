/**
 * A commitment letter (承诺书) is the community's template with the person's
 * details filled in. Placeholders: {name}, {idNumber} (masked), {community},
 * {date}. What was filled in is what is signed and kept.
 */
export interface LetterValues {
  name: string;
  idNumber: string;
  community: string;
  date: string;
}

export function fillLetter(template: string, values: LetterValues): string {
  return template.replace(/\{(name|idNumber|community|date)\}/g, (_m, key: keyof LetterValues) => values[key]);
}
