import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { columnTypes } from '../dialect.ts';

/**
 * Entrances and checkpoints (出入口与卡点). An entrance's state is the latest
 * change whose time has come (planned changes are rows with a later time), so
 * nothing has to run when "sealed from 07:00" begins. Passes are signed with
 * the community's Ed25519 key; its private half is sealed like ID numbers.
 * Registrations, patrol rounds and alerts carry the community's path for the
 * usual prefix scope test; registrations keep the id the phone made.
 * Temperatures are kept in tenths of a degree (373 = 37.3 °C): exact on both databases.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const byteOrder = dialect === 'postgres' ? sql`collate "C"` : sql``;
  const path = (c: ColumnDefinitionBuilder) => c.notNull().modifyEnd(byteOrder);

  await db.schema
    .createTable('entrances')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('entrances_path').on('entrances').columns(['org_path', 'sort_order']).execute();
  await db.schema.createIndex('entrances_community_name').on('entrances').columns(['community_id', 'name']).unique().execute();

  await db.schema
    .createTable('entrance_changes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('entrance_id', 'text', (c) => c.notNull().references('entrances.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('effective_at', t.instant, (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', t.instant, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('cancelled_at', t.instant)
    .addColumn('cancelled_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('entrance_changes_entrance').on('entrance_changes').columns(['entrance_id', 'effective_at']).execute();

  await db.schema
    .createTable('entrance_assignments')
    .addColumn('entrance_id', 'text', (c) => c.notNull().references('entrances.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('assigned_by', 'text', (c) => c.references('users.id'))
    .addColumn('assigned_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('entrance_assignments_pkey', ['entrance_id', 'user_id'])
    .execute();
  await db.schema.createIndex('entrance_assignments_user').on('entrance_assignments').column('user_id').execute();

  await db.schema
    .createTable('pass_keys')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('retired_at', t.instant)
    .execute();
  await db.schema.createIndex('pass_keys_community').on('pass_keys').column('community_id').execute();

  await db.schema
    .createTable('passes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    // The holder's group: a grid worker's reads stop at their group, as for the ledger.
    .addColumn('org_path', t.path, path)
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('valid_from', t.day, (c) => c.notNull())
    .addColumn('valid_to', t.day, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', t.instant)
    .addColumn('key_id', 'text', (c) => c.notNull().references('pass_keys.id'))
    .addColumn('issued_by', 'text', (c) => c.references('users.id'))
    .addColumn('issued_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('passes_path').on('passes').columns(['org_path', 'status']).execute();
  await db.schema.createIndex('passes_household').on('passes').column('household_id').execute();
  await db.schema.createIndex('passes_resident').on('passes').column('resident_id').execute();
  await db.schema.createIndex('passes_community_status').on('passes').columns(['community_id', 'status']).execute();

  // Every status a pass has had and from when: a scan is judged by the status at its own time, even after later changes.
  await db.schema
    .createTable('pass_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('pass_id', 'text', (c) => c.notNull().references('passes.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('pass_status_changes_pass').on('pass_status_changes').columns(['pass_id', 'at']).execute();

  await db.schema
    .createTable('gate_visitors')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_sealed', 'text')
    .addColumn('id_hash', 'text')
    .addColumn('id_masked', 'text')
    .addColumn('phone_sealed', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('from_place', 'text', (c) => c.notNull())
    // How often and when last they came is read from their registrations, so a registration never has to update this row.
    .addColumn('first_seen_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gate_visitors_id_hash').on('gate_visitors').columns(['community_id', 'id_hash']).unique().execute();
  await db.schema.createIndex('gate_visitors_phone').on('gate_visitors').columns(['community_id', 'phone_hash', 'name']).execute();

  await db.schema
    .createTable('gate_passages')
    // The id is made by the phone: a registration sent twice is stored once.
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('entrance_id', 'text', (c) => c.notNull().references('entrances.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    // The Asia/Shanghai hour (0–23): hourly counts grouped the same way on both databases.
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('allowed', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('device_allowed', 'integer')
    .addColumn('pass_id', 'text', (c) => c.references('passes.id'))
    .addColumn('holder_name', 'text')
    .addColumn('holder_label', 'text')
    .addColumn('visitor_id', 'text', (c) => c.references('gate_visitors.id'))
    .addColumn('from_place', 'text')
    .addColumn('purpose', 'text')
    .addColumn('visiting', 'text')
    .addColumn('temp_tenths', 'integer')
    .addColumn('health_code', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gate_passages_community_day').on('gate_passages').columns(['community_id', 'day', 'at']).execute();
  await db.schema.createIndex('gate_passages_entrance_day').on('gate_passages').columns(['entrance_id', 'day', 'at']).execute();
  await db.schema.createIndex('gate_passages_visitor').on('gate_passages').columns(['visitor_id', 'at']).execute();

  await db.schema
    .createTable('patrol_zones')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrol_zones_community_name').on('patrol_zones').columns(['community_id', 'name']).unique().execute();

  await db.schema
    .createTable('patrol_groups')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('name', 'text', (c) => c.notNull())
    // Small lists read whole with their group: ids of zones and of member users.
    .addColumn('zone_ids', 'text', (c) => c.notNull())
    .addColumn('member_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrol_groups_community').on('patrol_groups').column('community_id').execute();

  await db.schema
    .createTable('patrol_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('group_id', 'text', (c) => c.notNull().references('patrol_groups.id'))
    .addColumn('zone_id', 'text', (c) => c.notNull().references('patrol_zones.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('started_at', t.instant, (c) => c.notNull())
    .addColumn('ended_at', t.instant, (c) => c.notNull())
    .addColumn('checked', 'integer', (c) => c.notNull())
    .addColumn('fevers', 'integer', (c) => c.notNull())
    .addColumn('readings_json', 'text', (c) => c.notNull())
    .addColumn('reminders_masks', 'integer', (c) => c.notNull())
    .addColumn('reminders_gatherings', 'integer', (c) => c.notNull())
    .addColumn('incidents', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patrol_rounds_community_day').on('patrol_rounds').columns(['community_id', 'day', 'started_at']).execute();

  await db.schema
    .createTable('gate_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('entrance_id', 'text', (c) => c.references('entrances.id'))
    .addColumn('zone_id', 'text', (c) => c.references('patrol_zones.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('temp_tenths', 'integer', (c) => c.notNull())
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('raised_at', t.instant, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('handled_at', t.instant)
    .addColumn('handled_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('gate_alerts_community').on('gate_alerts').columns(['community_id', 'raised_at']).execute();
}
