import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { columnTypes } from '../dialect.ts';

/**
 * Outside personnel and returnees, and their observation (外来人员 / 返乡人员,
 * 健康观察). ID numbers and phones are sealed with a lookup hash and a masked
 * copy, as in the ledger. A plan's checks are rows made when the plan is
 * made, so lists of due and overdue checks are index reads. A signed
 * commitment letter can be neither changed nor deleted: the database refuses
 * it (a trigger), whatever code runs. Self-declarations keep what the person
 * typed sealed until staff approve it.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const byteOrder = dialect === 'postgres' ? sql`collate "C"` : sql``;
  const path = (c: ColumnDefinitionBuilder) => c.notNull().modifyEnd(byteOrder);

  await db.schema
    .createTable('arrival_groups')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('origin_code', 'text', (c) => c.notNull())
    .addColumn('origin_text', 'text', (c) => c.notNull())
    .addColumn('route', 'text')
    .addColumn('arrived_on', t.day, (c) => c.notNull())
    .addColumn('transport_kind', 'text', (c) => c.notNull())
    .addColumn('transport_ref', 'text')
    .addColumn('stay_kind', 'text', (c) => c.notNull())
    .addColumn('stay_place', 'text')
    .addColumn('employer', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('arrival_groups_path').on('arrival_groups').columns(['org_path', 'created_at']).execute();

  await db.schema
    .createTable('self_declarations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** Everything the person typed, sealed: shown to reviewers masked, unsealed into the ledger on approval. */
    .addColumn('payload_sealed', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('origin_text', 'text', (c) => c.notNull())
    .addColumn('arrived_on', t.day, (c) => c.notNull())
    .addColumn('repeats', 'integer', (c) => c.notNull())
    .addColumn('received_at', t.instant, (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', t.instant)
    .addColumn('review_note', 'text')
    .addColumn('arrival_id', 'text')
    .execute();
  await db.schema.createIndex('self_declarations_queue').on('self_declarations').columns(['community_id', 'status', 'received_at']).execute();
  await db.schema.createIndex('self_declarations_person').on('self_declarations').columns(['community_id', 'id_hash', 'status']).execute();
  await db.schema.createIndex('self_declarations_reference').on('self_declarations').column('reference').unique().execute();

  /** Every public declaration attempt, accepted or not: the per-address and per-community limits count these. */
  await db.schema
    .createTable('declaration_attempts')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('declaration_attempts_ip').on('declaration_attempts').columns(['ip_hash', 'at']).execute();
  await db.schema.createIndex('declaration_attempts_community').on('declaration_attempts').columns(['community_id', 'at']).execute();

  await db.schema
    .createTable('arrivals')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_sealed', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('phone_sealed', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('origin_code', 'text', (c) => c.notNull())
    .addColumn('origin_text', 'text', (c) => c.notNull())
    .addColumn('route', 'text')
    .addColumn('arrived_on', t.day, (c) => c.notNull())
    .addColumn('transport_kind', 'text', (c) => c.notNull())
    .addColumn('transport_ref', 'text')
    .addColumn('stay_kind', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('stay_place', 'text')
    .addColumn('employer', 'text')
    .addColumn('reason', 'text')
    .addColumn('symptoms', 'text')
    .addColumn('temp_tenths', 'integer')
    .addColumn('last_test_on', t.day)
    .addColumn('group_id', 'text', (c) => c.references('arrival_groups.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('declaration_id', 'text', (c) => c.references('self_declarations.id'))
    .addColumn('registered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('registered_day', t.day, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('arrivals_path_day').on('arrivals').columns(['org_path', 'registered_day']).execute();
  await db.schema.createIndex('arrivals_person').on('arrivals').columns(['community_id', 'id_hash']).execute();
  await db.schema.createIndex('arrivals_group').on('arrivals').column('group_id').execute();

  await db.schema
    .createTable('letter_templates')
    .addColumn('community_id', 'text', (c) => c.primaryKey().notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('commitment_letters')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('arrival_id', 'text', (c) => c.notNull().references('arrivals.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('signed_at', t.instant, (c) => c.notNull())
    .addColumn('witnessed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitment_letters_arrival').on('commitment_letters').column('arrival_id').unique().execute();
  if (dialect === 'sqlite') {
    await sql`create trigger commitment_letters_no_update before update on commitment_letters
      begin select raise(abort, 'commitment letters are unchangeable'); end`.execute(db);
    await sql`create trigger commitment_letters_no_delete before delete on commitment_letters
      begin select raise(abort, 'commitment letters are unchangeable'); end`.execute(db);
  } else {
    await sql`create function commitment_letters_unchangeable() returns trigger language plpgsql as $$
      begin raise exception 'commitment letters are unchangeable'; end $$`.execute(db);
    await sql`create trigger commitment_letters_frozen before update or delete on commitment_letters
      for each row execute function commitment_letters_unchangeable()`.execute(db);
  }

  await db.schema
    .createTable('observation_plans')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('arrival_id', 'text', (c) => c.notNull().references('arrivals.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    /** The person's ID number lookup hash (the arrival's): one open observation per person and community. */
    .addColumn('person_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('start_at', t.instant, (c) => c.notNull())
    .addColumn('start_day', t.day, (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('release_day', t.day, (c) => c.notNull())
    .addColumn('temperature_times', 'text', (c) => c.notNull())
    .addColumn('test_days', 'text', (c) => c.notNull())
    .addColumn('test_time', 'text', (c) => c.notNull())
    .addColumn('worker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('released_at', t.instant)
    .addColumn('released_day', t.day)
    .addColumn('released_by', 'text', (c) => c.references('users.id'))
    .addColumn('release_outcome', 'text')
    .addColumn('release_note', 'text')
    .execute();
  await db.schema.createIndex('observation_plans_arrival').on('observation_plans').column('arrival_id').execute();
  await db.schema.createIndex('observation_plans_path').on('observation_plans').columns(['org_path', 'start_day']).execute();
  // The rule "one open observation per person" held by the database, so two registrations at once cannot both pass.
  await db.schema.createIndex('observation_plans_open_person').on('observation_plans').columns(['community_id', 'person_hash']).unique()
    .where(sql.ref('released_at'), 'is', null).execute();

  await db.schema
    .createTable('observation_checks')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('observation_plans.id'))
    .addColumn('arrival_id', 'text', (c) => c.notNull().references('arrivals.id'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('org_path', t.path, path)
    .addColumn('worker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('day_number', 'integer', (c) => c.notNull())
    .addColumn('due_at', t.instant, (c) => c.notNull())
    .addColumn('overdue_at', t.instant, (c) => c.notNull())
    /** 1 once released early: the checks after it are no longer due. */
    .addColumn('cancelled', 'integer', (c) => c.notNull())
    .addColumn('overdue_alerted', 'integer', (c) => c.notNull())
    .addColumn('reading_id', 'text')
    .addColumn('done_at', t.instant)
    .addColumn('temp_tenths', 'integer')
    .addColumn('test_result', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', t.instant)
    .execute();
  await db.schema.createIndex('observation_checks_worker').on('observation_checks').columns(['worker_id', 'day']).execute();
  await db.schema.createIndex('observation_checks_path').on('observation_checks').columns(['org_path', 'day']).execute();
  await db.schema.createIndex('observation_checks_plan').on('observation_checks').columns(['plan_id', 'due_at']).execute();
  await db.schema.createIndex('observation_checks_arrival').on('observation_checks').columns(['arrival_id', 'due_at']).execute();
  await db.schema.createIndex('observation_checks_sweep').on('observation_checks').columns(['overdue_alerted', 'overdue_at']).execute();
  await db.schema.createIndex('observation_checks_reading').on('observation_checks').column('reading_id').unique().execute();

  await db.schema
    .createTable('observation_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('arrival_id', 'text', (c) => c.notNull().references('arrivals.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('observation_plans.id'))
    .addColumn('check_id', 'text', (c) => c.references('observation_checks.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('temp_tenths', 'integer')
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('raised_at', t.instant, (c) => c.notNull())
    .addColumn('handled_at', t.instant)
    .addColumn('handled_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('observation_alerts_community').on('observation_alerts').columns(['community_id', 'raised_at']).execute();
  // One overdue alert per check, however many processes sweep at once.
  await db.schema.createIndex('observation_alerts_check_kind').on('observation_alerts').columns(['check_id', 'kind']).unique().execute();
}
