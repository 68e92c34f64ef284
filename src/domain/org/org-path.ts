/**
 * A unit's path is its ancestors' codes and its own, e.g.
 * `/430000/4302/430211/430211003/430211003017/`. Every row of community data
 * carries such a path, so "in the user's scope" is a prefix test.
 */
export function childPath(parentPath: string | null, code: string): string {
  return `${parentPath ?? '/'}${code}/`;
}

/** Whether `path` lies at or below `prefix`. */
export function isWithin(path: string, prefix: string): boolean {
  return path.startsWith(prefix);
}

/** The root path: the whole country, the scope of the system administrator. */
export const ROOT_PATH = '/';

/** '/43/4302/430211/' → ['/43/', '/43/4302/']: the strict ancestors, top down. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** The code of the parent in a path, or null at the top: '/43/4302/' → '43'. */
export function parentCodeOfPath(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 2]! : null;
}
