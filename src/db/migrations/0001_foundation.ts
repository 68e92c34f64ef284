import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { columnTypes } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  // Primary keys say NOT NULL explicitly: SQLite would otherwise accept a NULL text key.
  // Byte-order comparison of paths, so prefix ranges use the index (see dialect.ts).
  const pathCollation = dialect === 'postgres' ? sql`collate "C"` : sql``;

  await db.schema
    .createTable('org_units')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path', t.path, (c) => c.notNull().unique().modifyEnd(pathCollation))
    .addColumn('valid_from', t.day, (c) => c.notNull())
    .addColumn('valid_to', t.day)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_units_parent').on('org_units').columns(['parent_id', 'name']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('mobile', 'text', (c) => c.unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('disabled_at', t.instant)
    .execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('org_path', t.path, (c) => c.notNull().modifyEnd(pathCollation))
    .addColumn('valid_from', t.instant, (c) => c.notNull())
    .addColumn('valid_to', t.instant)
    .addColumn('granted_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('role_assignments_user').on('role_assignments').columns(['user_id', 'valid_to']).execute();
  await db.schema.createIndex('role_assignments_path').on('role_assignments').column('org_path').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('org_path', t.path, (c) => c.notNull().modifyEnd(pathCollation))
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_events_path_at').on('audit_events').columns(['org_path', 'at']).execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
  await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor_id', 'at']).execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('window_start', t.instant, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();

  await forbidAuditChanges(db, dialect);
}

/** The audit trail is append-only in the database itself, not only in the API. */
async function forbidAuditChanges(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER audit_events_no_${op.toLowerCase()} BEFORE ${op} ON audit_events ` +
            `BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
       FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    )
    .execute(db);
}
