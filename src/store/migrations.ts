// Schema migrations, written once with Kysely's schema builder so the same code runs on SQLite and PostgreSQL.
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

// Append new migrations; never edit one that has shipped (the name is what the migrator records).
export const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('processed')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('processed_at').on('processed').column('at').execute();

      await db.schema
        .createTable('users')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('address', 'text')
        .addColumn('reachable', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('trainers')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('item_count', 'integer', (c) => c.notNull())
        .addColumn('idx', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('score', 'double precision')
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').columns(['user_key', 'started_at']).execute();
      // At most one active session per person, even when two processes start one at the same moment.
      await db.schema
        .createIndex('sessions_one_active')
        .on('sessions')
        .column('user_key')
        .unique()
        .where(sql.ref('status'), '=', 'active')
        .execute();

      await db.schema
        .createTable('session_answers')
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('session_answers_pk', ['session_id', 'idx'])
        .execute();

      await db.schema
        .createTable('cohorts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('cohort_members')
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('cohort_members_pk', ['cohort_id', 'user_key'])
        .execute();
      await db.schema.createIndex('cohort_members_user').on('cohort_members').column('user_key').execute();

      await db.schema
        .createTable('followups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('followups_due').on('followups').columns(['status', 'due_at']).execute();

      await db.schema
        .createTable('deliveries')
        .addColumn('followup_id', 'text', (c) => c.notNull().references('followups.id').onDelete('cascade'))
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('not_before', 'bigint', (c) => c.notNull())
        .addColumn('lease_until', 'bigint')
        .addColumn('leased_by', 'text')
        .addColumn('error', 'text')
        .addColumn('sent_at', 'bigint')
        .addPrimaryKeyConstraint('deliveries_pk', ['followup_id', 'user_key'])
        .execute();
      await db.schema.createIndex('deliveries_claim').on('deliveries').columns(['status', 'not_before']).execute();
      await db.schema.createIndex('deliveries_user').on('deliveries').column('user_key').execute();

      await db.schema
        .createTable('unanswered')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('cohort_ids', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('asked_at', 'bigint', (c) => c.notNull())
        .addColumn('handled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('unanswered_user').on('unanswered').column('user_key').execute();
      await db.schema
        .createTable('unanswered_cohorts')
        .addColumn('unanswered_id', 'text', (c) => c.notNull().references('unanswered.id').onDelete('cascade'))
        .addColumn('cohort_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('unanswered_cohorts_pk', ['unanswered_id', 'cohort_id'])
        .execute();
      await db.schema.createIndex('unanswered_cohorts_cohort').on('unanswered_cohorts').column('cohort_id').execute();

      await db.schema
        .createTable('inbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('inbox_user').on('inbox').columns(['user_key', 'created_at']).execute();
    },
  },
  '0002_user_time_zone': {
    async up(db: Kysely<unknown>) {
      // A trainer's own time zone for follow-up times (null: the server's TZ).
      await db.schema.alterTable('users').addColumn('time_zone', 'text').execute();
    },
  },
  '0003_security_cohort_owners': {
    async up(db: Kysely<unknown>) {
      // The trainers who may see and act on a cohort: whoever created it, and those they shared it with.
      await db.schema
        .createTable('cohort_trainers')
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
        .addColumn('trainer_key', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('cohort_trainers_pk', ['cohort_id', 'trainer_key'])
        .execute();
      await db.schema.createIndex('cohort_trainers_trainer').on('cohort_trainers').column('trainer_key').execute();
      // Existing cohorts belong to the trainer who made them (unless that person has since been forgotten).
      await sql`insert into cohort_trainers (cohort_id, trainer_key, added_by, added_at)
        select id, created_by, created_by, created_at from cohorts where created_by <> ''`.execute(db);
    },
  },
  '0003_security_pending_files': {
    async up(db: Kysely<unknown>) {
      // Files offered to a person that wait for their consent before they are sent (Teams' FileConsentCard):
      // whichever process the consent reaches uploads them. Kept for an hour at most.
      await db.schema
        .createTable('pending_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pending_files_created').on('pending_files').column('created_at').execute();
    },
  },
  '0004_conversation_topics': {
    async up(db: Kysely<unknown>) {
      // What a person's last answer in a conversation was about, so "tell me more" and "and X?" work after a
      // restart and whichever process gets the next message.
      await db.schema
        .createTable('conversation_topics')
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('conversation', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('conversation_topics_pk', ['user_key', 'conversation'])
        .execute();
      await db.schema.createIndex('conversation_topics_updated').on('conversation_topics').column('updated_at').execute();
    },
  },
  '0005_reliability_leases_and_health': {
    async up(db: Kysely<unknown>) {
      // Workers renew the leases they hold while they send (Store.renewLeases finds them by leased_by).
      await db.schema.createIndex('deliveries_leased_by').on('deliveries').column('leased_by').execute();
      // Readiness writes here (Store.ping): a store that cannot write is not ready, even if it still reads.
      await db.schema
        .createTable('health')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '0006_experience_followup_quiz_length': {
    async up(db: Kysely<unknown>) {
      // "/followup CODE friday 3pm quiz 10": how many questions the quiz has (null: the usual length).
      await db.schema.alterTable('followups').addColumn('quiz_length', 'integer').execute();
    },
  },
  '0006_experience_member_consent': {
    async up(db: Kysely<unknown>) {
      // A member who lets the cohort's trainers see their results by name before 5 members have completed (/share).
      await db.schema
        .alterTable('cohort_members')
        .addColumn('shares_results', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class MigrationError extends Error {
  readonly code = 'MIGRATION_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/**
 * Brings the schema up to date. On PostgreSQL Kysely's migrator holds a session advisory lock while it
 * runs (and tolerates a racing creation of its own bookkeeping tables), so two processes starting at
 * once run each migration exactly once; `migrationTableSchema` pins its bookkeeping to our schema,
 * because its existence check otherwise matches a kysely_migration table in any schema.
 */
export async function runMigrations(db: Kysely<unknown>, migrationTableSchema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const msg = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Database migration ${failed ?? ''} failed: ${msg}`.replace('  ', ' '), { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
