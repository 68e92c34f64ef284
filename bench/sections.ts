import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * docs/benchmarks.md holds one section per benchmark between markers, so
 * that running one benchmark (BENCH_ONLY) rewrites its section and keeps the
 * others' last results.
 */
const TITLE = '# Benchmarks\n\n_Written by `npm run bench`; each section is rewritten by its own run. Do not edit by hand._\n';

export function writeSection(file: string, id: string, markdown: string): void {
  const start = `<!-- section:${id} -->`;
  const end = `<!-- /section:${id} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const hasSections = current.includes('<!-- section:');
  let text = hasSections ? current : `${TITLE}\n`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}
