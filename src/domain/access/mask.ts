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
