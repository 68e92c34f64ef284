/**
 * What a search box's text can mean, read the way a field worker types it
 * with one thumb: pinyin (zsg, zhangshugen), part of a name or address in
 * Chinese, the last 4 or 6 characters of an ID number, the last 4 digits or
 * all of a phone number, a whole ID number, or digits of a house number.
 * The repository turns each meaning into an indexed test; every meaning
 * found is tried (OR).
 */
export interface ResidentQuery {
  /** Lower-case letters: a prefix of the initials or of the full pinyin. */
  pinyinPrefix?: string;
  /** Text with Chinese characters: the start of the name or of the given name (张树, 树根). */
  namePrefix?: string;
  /** The start of an address (3栋, 12号) or of its last number (401 of 3栋2单元401). */
  addressPrefix?: string;
  /** A whole ID number, normalised: matched by its keyed hash. */
  idNumber?: string;
  /** The last 6 characters of an ID number: matched by their keyed hash. */
  idTail6?: string;
  /** 4 characters: the last 4 of an ID number or of a phone (both shown in the masks anyway). */
  last4?: string;
  /** A whole phone number. */
  phone?: string;
}

const CJK = /[\u3400-\u9fff]/;

export function parseResidentQuery(text: string): ResidentQuery | null {
  const q = text.trim().replace(/\s+/g, ' ');
  if (!q) return null;
  if (/^[a-zA-Z' ]+$/.test(q)) {
    const letters = q.toLowerCase().replace(/[^a-z]/g, '');
    return letters ? { pinyinPrefix: letters } : null;
  }
  if (CJK.test(q)) return { namePrefix: q.replace(/\s/g, ''), addressPrefix: q };
  const compact = q.replace(/[\s-]/g, '');
  if (/^\d{17}[\dXx]$/.test(compact)) return { idNumber: compact.toUpperCase() };
  if (/^1\d{10}$/.test(compact)) return { phone: compact };
  if (/^0\d{9,11}$/.test(compact)) return { phone: q.replace(/\s/g, ''), addressPrefix: q };
  if (/^\d{3}[\dXx]$/.test(compact)) return { last4: compact.toUpperCase(), addressPrefix: q };
  if (/^\d{5}[\dXx]$/.test(compact)) return { idTail6: compact.toUpperCase(), addressPrefix: q };
  return { addressPrefix: q };
}
