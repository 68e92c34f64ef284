/** A mainland mobile number shown as 138****1234. */
export function maskMobile(mobile: string | null): string | null {
  if (mobile === null) return null;
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}

/** A citizen ID number shown with its first 3 and last 4 characters. */
export function maskIdNumber(id: string | null): string | null {
  if (id === null) return null;
  return id.length > 7 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}` : '****';
}

/** A resident's contact number: a mobile as 138****1234, a landline by its area code and last 4 digits. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (/^1\d{10}$/.test(phone)) return maskMobile(phone);
  const digits = phone.replace(/\D/g, '');
  return digits.length > 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}
