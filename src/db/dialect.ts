import type { ColumnDataType, Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from './database.ts';

/**
 * The few places where SQLite and PostgreSQL differ, in one module.
 * Column types: PostgreSQL gets its native types (timestamptz, date), SQLite
 * stores the same values as ISO text, which sorts the same way.
 */
export function columnTypes(dialect: DialectName): { instant: ColumnDataType; day: ColumnDataType; path: ColumnDataType } {
  return dialect === 'postgres'
    ? { instant: 'timestamptz', day: 'date', path: 'text' }
    : { instant: 'text', day: 'text', path: 'text' };
}

/**
 * "`column` lies under one of `prefixes`" as index range tests:
 * path >= '/43/' AND path < '/430' ('0' follows '/' in byte order). It uses a
 * plain B-tree index on both databases (PostgreSQL's path columns are
 * COLLATE "C" for that), with no LIKE escaping and no collation surprises.
 */
export function underAny<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: Expression<string> | string,
  prefixes: readonly string[],
): Expression<SqlBool> {
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return eb.or(prefixes.map((p) => sql<SqlBool>`(${ref} >= ${p} and ${ref} < ${upperBound(p)})`));
}

function upperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
