import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.ts';
import { columnTypes } from '../dialect.ts';

/**
 * The household ledger (台账) and door-to-door screening rounds (摸排).
 *
 * Every row carries the path of the residential group or grid it belongs to,
 * so scope checks are index range tests with no join. Membership of a
 * household and typed categories have periods (valid_from inclusive,
 * valid_to exclusive): the figures of any past day are counted from them.
 * ID numbers are sealed (AES-GCM); only a keyed hash, the masked form and the
 * last 4 characters (shown in the mask anyway) are stored in the clear.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  // Byte-order comparison, so prefix ranges use the index (see dialect.ts).
  const byteOrder = dialect === 'postgres' ? sql`collate "C"` : sql``;

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, (c) => c.notNull().modifyEnd(byteOrder))
    .addColumn('address', 'text', (c) => c.notNull().modifyEnd(byteOrder))
    // The address's last number (401 of 3栋2单元401, 12 of 12号): found by its start, like the address itself.
    .addColumn('address_number', 'text', (c) => c.notNull().modifyEnd(byteOrder))
    .addColumn('head_id', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // One household record per address of a group: concurrent registrations at a new address meet here.
  await db.schema.createIndex('households_group_address').on('households').columns(['group_id', 'address']).unique().execute();
  // With the address columns, a search of a street's addresses reads this index alone, not the rows.
  await db.schema.createIndex('households_path').on('households').columns(['org_path', 'address', 'address_number']).execute();
  await db.schema.createIndex('households_address').on('households').columns(['address', 'org_path']).execute();
  await db.schema.createIndex('households_number').on('households').columns(['address_number', 'org_path']).execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, (c) => c.notNull().modifyEnd(byteOrder))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('relation', 'text')
    .addColumn('name', 'text', (c) => c.notNull().modifyEnd(byteOrder))
    // The name without its first character (the given name, for one-character surnames): "树根" finds 张树根 by an index.
    .addColumn('name_rest', 'text', (c) => c.notNull().modifyEnd(byteOrder))
    .addColumn('name_initials', 'text', (c) => c.notNull().modifyEnd(byteOrder))
    .addColumn('name_pinyin', 'text', (c) => c.notNull().modifyEnd(byteOrder))
    .addColumn('id_sealed', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text', (c) => c.notNull().unique())
    .addColumn('id_tail6_hash', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('id_last4', 'text', (c) => c.notNull())
    .addColumn('birth_date', t.day, (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('phone_last4', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_since', t.day, (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residents_path').on('residents').columns(['org_path', 'name_pinyin']).execute();
  await db.schema.createIndex('residents_initials').on('residents').columns(['name_initials', 'org_path']).execute();
  await db.schema.createIndex('residents_pinyin').on('residents').columns(['name_pinyin', 'org_path']).execute();
  await db.schema.createIndex('residents_name').on('residents').columns(['name', 'org_path']).execute();
  await db.schema.createIndex('residents_name_rest').on('residents').columns(['name_rest', 'org_path']).execute();
  await db.schema.createIndex('residents_id_last4').on('residents').columns(['id_last4', 'org_path']).execute();
  await db.schema.createIndex('residents_id_tail6').on('residents').columns(['id_tail6_hash', 'org_path']).execute();
  await db.schema.createIndex('residents_phone').on('residents').columns(['phone', 'org_path']).execute();
  await db.schema.createIndex('residents_phone_last4').on('residents').columns(['phone_last4', 'org_path']).execute();
  await db.schema.createIndex('residents_household').on('residents').column('household_id').execute();
  await db.schema.createIndex('residents_birth').on('residents').columns(['community_id', 'birth_date', 'name']).execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('org_path', t.path, (c) => c.notNull().modifyEnd(byteOrder))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('valid_from', t.day, (c) => c.notNull())
    .addColumn('valid_to', t.day)
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema.createIndex('memberships_resident').on('memberships').columns(['resident_id', 'valid_from']).execute();
  await db.schema.createIndex('memberships_household').on('memberships').columns(['household_id', 'valid_from']).execute();
  await db.schema.createIndex('memberships_path').on('memberships').columns(['org_path', 'valid_from']).execute();

  await db.schema
    .createTable('resident_categories')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('level', 'integer')
    .addColumn('valid_from', t.day, (c) => c.notNull())
    .addColumn('valid_to', t.day)
    .addColumn('visit_id', 'text')
    .execute();
  await db.schema.createIndex('resident_categories_resident').on('resident_categories').columns(['resident_id', 'category']).execute();
  await db.schema.createIndex('resident_categories_visit').on('resident_categories').column('visit_id').execute();

  await db.schema
    .createTable('screening_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, (c) => c.notNull().modifyEnd(byteOrder))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', t.day, (c) => c.notNull())
    .addColumn('ends_on', t.day)
    .addColumn('closed_at', t.instant)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_rounds_path').on('screening_rounds').columns(['org_path', 'starts_on']).execute();

  await db.schema
    .createTable('screening_round_groups')
    .addColumn('round_id', 'text', (c) => c.notNull().references('screening_rounds.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', t.path, (c) => c.notNull().modifyEnd(byteOrder))
    .addPrimaryKeyConstraint('screening_round_groups_pkey', ['round_id', 'group_id'])
    .execute();

  await db.schema
    .createTable('screening_visits')
    // The id is made by the phone: a visit sent twice is stored once.
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('screening_rounds.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('org_path', t.path, (c) => c.notNull().modifyEnd(byteOrder))
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('visited_at', t.instant, (c) => c.notNull())
    .addColumn('day', t.day, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('present_json', 'text', (c) => c.notNull())
    .addColumn('health_json', 'text', (c) => c.notNull())
    .addColumn('needs', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_visits_round').on('screening_visits').columns(['round_id', 'household_id']).execute();
  await db.schema.createIndex('screening_visits_path').on('screening_visits').columns(['org_path', 'day']).execute();
}
