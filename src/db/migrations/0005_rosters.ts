import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { columnTypes } from '../dialect.ts';

/**
 * Work teams, volunteers, areas, duty rosters and the morning briefing
 * (工作队、志愿者、片区、排班、晨会). Memberships and area assignments carry
 * their first and end days (Asia/Shanghai; the end day is the first day off),
 * so the team or the area of any past day is a query. Shifts keep clock
 * times as text ("24:00" ends the day). A person's duties are unique per
 * checkpoint, day and shift; "not in two places at once" is checked by the
 * service across checkpoints. Alerts for an unstaffed shift are unique per
 * shift, so several server processes raise one.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const byteOrder = dialect === 'postgres' ? sql`collate "C"` : sql``;
  const path = (c: ColumnDefinitionBuilder) => c.notNull().modifyEnd(byteOrder);

  await db.schema
    .createTable('sending_orgs')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sending_orgs_unit_name').on('sending_orgs').columns(['unit_id', 'name']).unique().execute();

  await db.schema
    .createTable('work_teams')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('sending_org_id', 'text', (c) => c.notNull().references('sending_orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_day', t.day, (c) => c.notNull())
    .addColumn('to_day', t.day)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_teams_community_name').on('work_teams').columns(['community_id', 'name']).unique().execute();
  await db.schema.createIndex('work_teams_path').on('work_teams').column('org_path').execute();

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().references('work_teams.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('from_day', t.day, (c) => c.notNull())
    .addColumn('to_day', t.day)
    // A replacement: the member this one replaced, and why; the replaced member's row keeps the same reason as its end.
    .addColumn('replaces_id', 'text', (c) => c.references('team_members.id'))
    .addColumn('reason', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('ended_by', 'text', (c) => c.references('users.id'))
    .addColumn('ended_at', t.instant)
    .execute();
  await db.schema.createIndex('team_members_team').on('team_members').columns(['team_id', 'from_day']).execute();
  await db.schema.createIndex('team_members_user').on('team_members').column('user_id').execute();

  await db.schema
    .createTable('volunteer_signups')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mobile_sealed', 'text', (c) => c.notNull())
    .addColumn('mobile_hash', 'text', (c) => c.notNull())
    .addColumn('mobile_masked', 'text', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('consent_at', t.instant, (c) => c.notNull())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', t.instant)
    .addColumn('note', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('role', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_signups_queue').on('volunteer_signups').columns(['community_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('volunteer_signups_reference').on('volunteer_signups').column('reference').unique().execute();
  await db.schema.createIndex('volunteer_signups_ip').on('volunteer_signups').columns(['ip_hash', 'created_at']).execute();
  await db.schema.createIndex('volunteer_signups_mobile').on('volunteer_signups').columns(['community_id', 'mobile_hash']).execute();

  await db.schema
    .createTable('area_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('from_day', t.day, (c) => c.notNull())
    .addColumn('to_day', t.day)
    .addColumn('assigned_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('ended_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('area_assignments_community').on('area_assignments').columns(['community_id', 'from_day']).execute();
  await db.schema.createIndex('area_assignments_user').on('area_assignments').column('user_id').execute();

  await db.schema
    .createTable('checkpoint_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('entrance_id', 'text', (c) => c.notNull().references('entrances.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('minimum', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkpoint_shifts_entrance').on('checkpoint_shifts').columns(['entrance_id', 'sort_order']).execute();

  await db.schema
    .createTable('duties')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('entrance_id', 'text', (c) => c.notNull().references('entrances.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duties_shift_person').on('duties').columns(['entrance_id', 'day', 'start_time', 'user_id']).unique().execute();
  await db.schema.createIndex('duties_community_day').on('duties').columns(['community_id', 'day']).execute();
  await db.schema.createIndex('duties_user_day').on('duties').columns(['user_id', 'day']).execute();
  // The sweep every minute finds the communities keeping rosters today across the whole database.
  await db.schema.createIndex('duties_day').on('duties').columns(['day', 'community_id']).execute();

  await db.schema
    .createTable('duty_swaps')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('duty_id', 'text', (c) => c.notNull().references('duties.id'))
    .addColumn('counter_duty_id', 'text', (c) => c.references('duties.id'))
    .addColumn('from_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('to_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', t.instant, (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', t.instant)
    .addColumn('note', 'text')
    // The swapped duties' shifts as they were, so the record stays readable after the duties change hands.
    .addColumn('shift_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_swaps_community').on('duty_swaps').columns(['community_id', 'status', 'requested_at']).execute();
  await db.schema.createIndex('duty_swaps_users').on('duty_swaps').columns(['from_user_id', 'to_user_id']).execute();

  await db.schema
    .createTable('duty_check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('entrance_id', 'text', (c) => c.notNull().references('entrances.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('duty_id', 'text', (c) => c.notNull().references('duties.id'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('received_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_check_ins_duty').on('duty_check_ins').columns(['duty_id', 'at']).execute();
  await db.schema.createIndex('duty_check_ins_entrance').on('duty_check_ins').columns(['entrance_id', 'at']).execute();

  await db.schema
    .createTable('duty_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('entrance_id', 'text', (c) => c.notNull().references('entrances.id'))
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('minimum', 'integer', (c) => c.notNull())
    .addColumn('checked_in', 'integer', (c) => c.notNull())
    .addColumn('raised_at', t.instant, (c) => c.notNull())
    .addColumn('handled_at', t.instant)
    .addColumn('handled_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('duty_alerts_shift').on('duty_alerts').columns(['entrance_id', 'day', 'start_time']).unique().execute();
  await db.schema.createIndex('duty_alerts_community').on('duty_alerts').columns(['community_id', 'raised_at']).execute();

  await db.schema
    .createTable('briefings')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('written_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('briefings_community_day').on('briefings').columns(['community_id', 'day']).unique().execute();

  await db.schema
    .createTable('briefing_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('group_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('done_at', t.instant)
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('done_note', 'text')
    // The id the phone gave the tick: a tick sent again is "already stored".
    .addColumn('done_tick_id', 'text')
    .addColumn('cancelled_at', t.instant)
    .execute();
  await db.schema.createIndex('briefing_tasks_community_day').on('briefing_tasks').columns(['community_id', 'day']).execute();
  await db.schema.createIndex('briefing_tasks_tick').on('briefing_tasks').column('done_tick_id').unique().execute();

  await db.schema
    .createTable('briefing_task_assignees')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('briefing_tasks.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('team_id', 'text', (c) => c.references('work_teams.id'))
    .execute();
  await db.schema.createIndex('briefing_task_assignees_task').on('briefing_task_assignees').column('task_id').execute();
  await db.schema.createIndex('briefing_task_assignees_user').on('briefing_task_assignees').column('user_id').execute();
  await db.schema.createIndex('briefing_task_assignees_team').on('briefing_task_assignees').column('team_id').execute();

  await db.schema
    .createTable('hazards')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, path)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.references('users.id'))
    .addColumn('reported_at', t.instant, (c) => c.notNull())
    .addColumn('closed_at', t.instant)
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('hazards_community').on('hazards').columns(['community_id', 'reported_at']).execute();

  await db.schema
    .createTable('hazard_updates')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazards.id'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hazard_updates_hazard').on('hazard_updates').columns(['hazard_id', 'at']).execute();
}
