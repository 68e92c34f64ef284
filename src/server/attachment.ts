export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet download: the right type and a file name browsers keep, in Chinese too. */
export function attachment(name: string) {
  return { 'content-type': XLSX, 'content-disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}` };
}
