// The Store over Kysely: one implementation of every method, for both SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import type { Platform } from '../core/messages.js';
import type { Backend } from './backend.js';
import { isUniqueViolation } from './backend.js';
import * as followups from './followups.js';
import { runMigrations } from './migrations.js';
import { toCohort, toJson, toSession, toUnanswered, toUser } from './rows.js';
import { num, type Database, type SessionsTable } from './tables.js';
import type {
  CohortRecord,
  DeliveryCounts,
  DeliveryRecord,
  FollowupKind,
  FollowupRecord,
  MemberRecord,
  PendingFile,
  Receipt,
  ReceiveInput,
  SessionKind,
  SessionRecord,
  Store,
  TrainerRecord,
  UnansweredRecord,
  UserRecord,
} from './types.js';
import type { Selectable } from 'kysely';

/** Written over a forgotten person's key where a row must stay (a cohort or follow-up they created). */
const FORGOTTEN = '';

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The Kysely instance, for tests that inspect every table directly. */
  readonly db: Kysely<Database>;

  constructor(private readonly b: Backend) {
    this.kind = b.kind;
    this.db = b.db;
  }

  /** The PostgreSQL schema the tables are in (undefined on SQLite). */
  get schema(): string | undefined {
    return this.b.schema;
  }

  async migrate(): Promise<void> {
    await this.b.migrateWith(async (db, schema) => {
      await runMigrations(db as Kysely<unknown>, schema);
    });
  }
  close = () => this.b.close();
  ping = () => this.b.ping();
  tryLock = (name: string) => this.b.tryLock(name);

  async markProcessed(key: string, now: Date): Promise<boolean> {
    const r = await this.db
      .insertInto('processed')
      .values({ key, at: now.getTime() })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return num(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async receive(input: ReceiveInput, now: Date): Promise<Receipt> {
    // SQLite: one transaction of statements prepared once (the hot path of every message).
    if (this.b.receive) return this.b.receive(input, now);
    // PostgreSQL: the dedupe first (nothing more for a redelivery), then the row and the session read side by
    // side on two pooled connections: two round trips of latency instead of three.
    if (input.deliveryId !== undefined && !(await this.markProcessed(input.deliveryId, now))) return { fresh: false };
    const [, active] = await Promise.all([
      input.user ? this.upsertUser(input.user, now) : undefined,
      input.activeSessionOf !== undefined ? this.getActiveSession(input.activeSessionOf) : undefined,
    ]);
    return active ? { fresh: true, active } : { fresh: true };
  }

  async pruneProcessed(before: Date): Promise<number> {
    const r = await this.db.deleteFrom('processed').where('at', '<', before.getTime()).executeTakeFirst();
    return num(r.numDeletedRows);
  }

  async forgetProcessed(key: string): Promise<void> {
    await this.db.deleteFrom('processed').where('key', '=', key).execute();
  }

  async upsertUser(user: { key: string; platform: Platform; name?: string; address?: unknown }, now: Date): Promise<void> {
    const t = now.getTime();
    const address = toJson(user.address);
    await this.db
      .insertInto('users')
      .values({ key: user.key, platform: user.platform, name: user.name ?? null, address, reachable: 1, created_at: t, updated_at: t })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          platform: user.platform,
          reachable: 1,
          updated_at: t,
          // Omitted fields keep what we knew: a message without an address must not erase it.
          ...(user.name !== undefined ? { name: user.name } : {}),
          ...(address !== null ? { address } : {}),
        }),
      )
      .execute();
  }

  async getUser(key: string): Promise<UserRecord | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('key', '=', key).executeTakeFirst();
    return r && toUser(r);
  }

  async setReachable(key: string, reachable: boolean, now: Date): Promise<void> {
    await this.db.updateTable('users').set({ reachable: reachable ? 1 : 0, updated_at: now.getTime() }).where('key', '=', key).execute();
  }

  async setTimeZone(key: string, timeZone: string | undefined, now: Date): Promise<void> {
    await this.db.updateTable('users').set({ time_zone: timeZone ?? null, updated_at: now.getTime() }).where('key', '=', key).execute();
  }

  async forgetUser(key: string): Promise<void> {
    await this.b.writeTx(async (trx) => {
      const sessions = trx.selectFrom('sessions').select('id').where('user_key', '=', key);
      await trx.deleteFrom('session_answers').where('session_id', 'in', sessions).execute();
      await trx.deleteFrom('sessions').where('user_key', '=', key).execute();
      const questions = trx.selectFrom('unanswered').select('id').where('user_key', '=', key);
      await trx.deleteFrom('unanswered_cohorts').where('unanswered_id', 'in', questions).execute();
      await trx.deleteFrom('unanswered').where('user_key', '=', key).execute();
      await trx.deleteFrom('cohort_members').where('user_key', '=', key).execute();
      await trx.deleteFrom('deliveries').where('user_key', '=', key).execute();
      // The console adapter's inbox (adapters/console/inbox.ts): its table is the store's to erase from.
      await trx.deleteFrom('inbox').where('user_key', '=', key).execute();
      await trx.deleteFrom('conversation_topics').where('user_key', '=', key).execute();
      await trx.deleteFrom('trainers').where('key', '=', key).execute();
      await trx.deleteFrom('cohort_trainers').where('trainer_key', '=', key).execute();
      // Cohorts and follow-ups belong to their members too; keep them, drop the name of who made them.
      await trx.updateTable('trainers').set({ added_by: FORGOTTEN }).where('added_by', '=', key).execute();
      await trx.updateTable('cohort_trainers').set({ added_by: FORGOTTEN }).where('added_by', '=', key).execute();
      await trx.updateTable('cohorts').set({ created_by: FORGOTTEN }).where('created_by', '=', key).execute();
      await trx.updateTable('followups').set({ created_by: FORGOTTEN }).where('created_by', '=', key).execute();
      await trx.deleteFrom('users').where('key', '=', key).execute();
      // A waiting export may name the person among other members; it cannot be searched, so all go (a trainer
      // who still wants one sends the command again).
      await trx.deleteFrom('pending_files').execute();
    });
    await this.b.scrub();
  }

  async addTrainer(key: string, addedBy: string, now: Date): Promise<void> {
    await this.db
      .insertInto('trainers')
      .values({ key, added_by: addedBy, added_at: now.getTime() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  async isTrainer(key: string): Promise<boolean> {
    return (await this.db.selectFrom('trainers').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
  }

  async listTrainers(): Promise<string[]> {
    const rows = await this.db.selectFrom('trainers').select('key').orderBy('added_at').orderBy('key').execute();
    return rows.map((r) => r.key);
  }

  async getTrainer(key: string): Promise<TrainerRecord | undefined> {
    const r = await this.db.selectFrom('trainers').selectAll().where('key', '=', key).executeTakeFirst();
    return r && { key: r.key, addedBy: r.added_by, addedAt: new Date(num(r.added_at)) };
  }

  async removeTrainer(key: string): Promise<boolean> {
    return this.b.writeTx(async (trx) => {
      await trx.deleteFrom('cohort_trainers').where('trainer_key', '=', key).execute();
      const r = await trx.deleteFrom('trainers').where('key', '=', key).executeTakeFirst();
      return num(r.numDeletedRows) === 1;
    });
  }

  async createSession(s: Pick<SessionRecord, 'id' | 'userKey' | 'kind' | 'items'>, now: Date): Promise<SessionRecord> {
    const t = now.getTime();
    const attempt = () =>
      this.b.writeTx(async (trx) => {
        await trx
          .updateTable('sessions')
          .set({ status: 'stopped', updated_at: t })
          .where('user_key', '=', s.userKey)
          .where('status', '=', 'active')
          .execute();
        await trx
          .insertInto('sessions')
          .values({ id: s.id, user_key: s.userKey, kind: s.kind, status: 'active', items: JSON.stringify(s.items), item_count: s.items.length, idx: 0, started_at: t, updated_at: t })
          .execute();
      });
    // Sessions started at the same moment on PostgreSQL: the unique "one active" index stops all but
    // one insert; trying again then stops the winner. Each round has a winner, so a few tries suffice.
    for (let tries = 1; ; tries++) {
      try {
        await attempt();
        break;
      } catch (err) {
        if (tries >= 5 || !isUniqueViolation(err) || (await this.getSession(s.id))) throw err;
      }
    }
    return (await this.getSession(s.id))!;
  }

  private async withAnswers(db: Kysely<Database>, rows: Selectable<SessionsTable>[]): Promise<SessionRecord[]> {
    if (rows.length === 0) return [];
    const answers = await db
      .selectFrom('session_answers')
      .select(['session_id', 'idx', 'answer'])
      .where(
        'session_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) =>
      toSession(
        r,
        answers.filter((a) => a.session_id === r.id),
      ),
    );
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    if (this.b.getSession) return this.b.getSession(id);
    const rows = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).execute();
    return (await this.withAnswers(this.db, rows))[0];
  }

  async getActiveSession(userKey: string): Promise<SessionRecord | undefined> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('user_key', '=', userKey).where('status', '=', 'active').execute();
    return (await this.withAnswers(this.db, rows))[0];
  }

  /** The guarded UPDATE is what makes a duplicate delivery count once: only one caller moves idx. */
  async recordAnswer(sessionId: string, index: number, answer: string, now: Date): Promise<SessionRecord | undefined> {
    if (this.b.recordAnswer) return this.b.recordAnswer(sessionId, index, answer, now);
    const t = now.getTime();
    return this.b.writeTx(async (trx) => {
      const moved = await trx
        .updateTable('sessions')
        .set((eb) => ({ idx: eb('idx', '+', 1), updated_at: t }))
        .where('id', '=', sessionId)
        .where('idx', '=', index)
        .where('status', '=', 'active')
        .where('idx', '<', (eb) => eb.ref('item_count'))
        .executeTakeFirst();
      if (num(moved.numUpdatedRows) !== 1) return undefined;
      await trx.insertInto('session_answers').values({ session_id: sessionId, idx: index, answer, answered_at: t }).execute();
      const rows = await trx.selectFrom('sessions').selectAll().where('id', '=', sessionId).execute();
      return (await this.withAnswers(trx, rows))[0];
    });
  }

  async finishSession(sessionId: string, score: number, now: Date): Promise<void> {
    const t = now.getTime();
    await this.db
      .updateTable('sessions')
      .set({ status: 'done', score, finished_at: t, updated_at: t })
      .where('id', '=', sessionId)
      .where('status', '=', 'active')
      .execute();
  }

  async stopSession(sessionId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ status: 'stopped', updated_at: now.getTime() })
      .where('id', '=', sessionId)
      .where('status', '=', 'active')
      .execute();
  }

  async listSessions(userKey: string, kind?: SessionKind): Promise<SessionRecord[]> {
    let q = this.db.selectFrom('sessions').selectAll().where('user_key', '=', userKey).orderBy('started_at').orderBy('id');
    if (kind) q = q.where('kind', '=', kind);
    return this.withAnswers(this.db, await q.execute());
  }

  async listFinishedSessions(userKeys: string[], kind: SessionKind): Promise<SessionRecord[]> {
    const out: SessionRecord[] = [];
    // Chunks keep each statement well under both databases' bound-parameter limits.
    for (let i = 0; i < userKeys.length; i += 500) {
      const rows = await this.db
        .selectFrom('sessions')
        .selectAll()
        .where('user_key', 'in', userKeys.slice(i, i + 500))
        .where('kind', '=', kind)
        .where('status', '=', 'done')
        .execute();
      out.push(...(await this.withAnswers(this.db, rows)));
    }
    return out.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async createCohort(c: CohortRecord): Promise<void> {
    const t = c.createdAt.getTime();
    await this.b.writeTx(async (trx) => {
      await trx.insertInto('cohorts').values({ id: c.id, code: c.code, name: c.name, created_by: c.createdBy, created_at: t }).execute();
      if (c.createdBy) await trx.insertInto('cohort_trainers').values({ cohort_id: c.id, trainer_key: c.createdBy, added_by: c.createdBy, added_at: t }).execute();
    });
  }

  async addCohortTrainer(cohortId: string, trainerKey: string, addedBy: string, now: Date): Promise<boolean> {
    const r = await this.db
      .insertInto('cohort_trainers')
      .values({ cohort_id: cohortId, trainer_key: trainerKey, added_by: addedBy, added_at: now.getTime() })
      .onConflict((oc) => oc.columns(['cohort_id', 'trainer_key']).doNothing())
      .executeTakeFirst();
    return num(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async listCohortTrainers(cohortId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('cohort_trainers').select('trainer_key').where('cohort_id', '=', cohortId).orderBy('added_at').orderBy('trainer_key').execute();
    return rows.map((r) => r.trainer_key);
  }

  async cohortsOfTrainer(trainerKey: string): Promise<CohortRecord[]> {
    const rows = await this.db
      .selectFrom('cohort_trainers as t')
      .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
      .selectAll('c')
      .where('t.trainer_key', '=', trainerKey)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute();
    return rows.map(toCohort);
  }

  async getCohortByCode(code: string): Promise<CohortRecord | undefined> {
    const r = await this.db.selectFrom('cohorts').selectAll().where('code', '=', code).executeTakeFirst();
    return r && toCohort(r);
  }

  async getCohort(id: string): Promise<CohortRecord | undefined> {
    const r = await this.db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toCohort(r);
  }

  async listCohorts(): Promise<CohortRecord[]> {
    return (await this.db.selectFrom('cohorts').selectAll().orderBy('created_at').orderBy('id').execute()).map(toCohort);
  }

  async addMember(cohortId: string, userKey: string, now: Date): Promise<boolean> {
    const r = await this.db
      .insertInto('cohort_members')
      .values({ cohort_id: cohortId, user_key: userKey, joined_at: now.getTime() })
      .onConflict((oc) => oc.columns(['cohort_id', 'user_key']).doNothing())
      .executeTakeFirst();
    return num(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async removeMember(cohortId: string, userKey: string): Promise<boolean> {
    const r = await this.db.deleteFrom('cohort_members').where('cohort_id', '=', cohortId).where('user_key', '=', userKey).executeTakeFirst();
    return num(r.numDeletedRows) === 1;
  }

  async listMembers(cohortId: string): Promise<MemberRecord[]> {
    const rows = await this.db
      .selectFrom('cohort_members as m')
      .innerJoin('users as u', 'u.key', 'm.user_key')
      .selectAll('u')
      .select(['m.joined_at', 'm.shares_results'])
      .where('m.cohort_id', '=', cohortId)
      .orderBy('m.joined_at')
      .orderBy('u.key')
      .execute();
    return rows.map(({ joined_at, shares_results, ...u }) => ({ ...toUser(u), joinedAt: new Date(num(joined_at)), sharesResults: num(shares_results) === 1 }));
  }

  async setSharesResults(cohortId: string, userKey: string, shares: boolean): Promise<boolean> {
    const r = await this.db
      .updateTable('cohort_members')
      .set({ shares_results: shares ? 1 : 0 })
      .where('cohort_id', '=', cohortId)
      .where('user_key', '=', userKey)
      .executeTakeFirst();
    return num(r.numUpdatedRows) === 1;
  }

  async cohortsOf(userKey: string): Promise<CohortRecord[]> {
    const rows = await this.db
      .selectFrom('cohort_members as m')
      .innerJoin('cohorts as c', 'c.id', 'm.cohort_id')
      .selectAll('c')
      .where('m.user_key', '=', userKey)
      .orderBy('m.joined_at')
      .orderBy('c.id')
      .execute();
    return rows.map(toCohort);
  }

  createFollowup = (f: FollowupRecord) => followups.createFollowup(this.b, f);
  getFollowup = (id: string) => followups.getFollowup(this.b, id);
  listFollowups = (cohortId?: string) => followups.listFollowups(this.b, cohortId);
  cancelFollowup = (id: string, now: Date) => followups.cancelFollowup(this.b, id, now);
  confirmFollowup = (id: string, now: Date, as?: { kind: FollowupKind; quizLength?: number }) => followups.confirmFollowup(this.b, id, now, as);
  startDueFollowups = (now: Date) => followups.startDueFollowups(this.b, now);
  claimDeliveries = (worker: string, now: Date, limit: number, leaseMs: number, platforms?: Platform[]): Promise<DeliveryRecord[]> =>
    followups.claimDeliveries(this.b, worker, now, limit, leaseMs, platforms);
  completeDelivery = (followupId: string, userKey: string, worker: string, outcome: { status: 'sent' | 'unreachable' | 'failed'; error?: string }, now: Date) =>
    followups.completeDelivery(this.b, followupId, userKey, worker, outcome, now);
  retryDelivery = (followupId: string, userKey: string, worker: string, notBefore: Date, error: string) =>
    followups.retryDelivery(this.b, followupId, userKey, worker, notBefore, error);
  renewLeases = (worker: string, now: Date, leaseMs: number) => followups.renewLeases(this.b, worker, now, leaseMs);
  deliveryCounts = (followupId: string): Promise<DeliveryCounts> => followups.deliveryCounts(this.b, followupId);
  listDeliveries = (followupId: string) => followups.listDeliveries(this.b, followupId);
  finishFollowups = (now: Date) => followups.finishFollowups(this.b, now);

  async logUnanswered(e: Omit<UnansweredRecord, 'handled'>): Promise<void> {
    const cohortIds = [...new Set(e.cohortIds)];
    await this.b.writeTx(async (trx) => {
      await trx
        .insertInto('unanswered')
        .values({ id: e.id, user_key: e.userKey, cohort_ids: JSON.stringify(cohortIds), question: e.question, asked_at: e.askedAt.getTime(), handled: 0 })
        .execute();
      if (cohortIds.length) {
        await trx
          .insertInto('unanswered_cohorts')
          .values(cohortIds.map((c) => ({ unanswered_id: e.id, cohort_id: c })))
          .execute();
      }
    });
  }

  async listUnanswered(opts: { cohortId?: string; cohortIds?: readonly string[]; includeHandled?: boolean } = {}): Promise<UnansweredRecord[]> {
    let q = this.db.selectFrom('unanswered').selectAll().orderBy('asked_at').orderBy('id');
    if (!opts.includeHandled) q = q.where('handled', '=', 0);
    const cohorts = opts.cohortId !== undefined ? [opts.cohortId] : opts.cohortIds;
    if (cohorts !== undefined) {
      if (cohorts.length === 0) return [];
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('unanswered_cohorts')
            .select('unanswered_cohorts.unanswered_id')
            .whereRef('unanswered_cohorts.unanswered_id', '=', 'unanswered.id')
            .where('unanswered_cohorts.cohort_id', 'in', [...cohorts]),
        ),
      );
    }
    return (await q.execute()).map(toUnanswered);
  }

  async markUnansweredHandled(id: string): Promise<boolean> {
    const r = await this.db.updateTable('unanswered').set({ handled: 1 }).where('id', '=', id).where('handled', '=', 0).executeTakeFirst();
    return num(r.numUpdatedRows) === 1;
  }

  async savePendingFile(f: PendingFile, expireBefore: Date): Promise<void> {
    await this.b.writeTx(async (trx) => {
      await trx.deleteFrom('pending_files').where('created_at', '<', expireBefore.getTime()).execute();
      await trx
        .insertInto('pending_files')
        .values({ id: f.id, user_key: f.userKey, filename: f.filename, mime: f.mime, data: f.data.toString('base64'), created_at: f.createdAt.getTime() })
        .execute();
    });
  }

  /** DELETE ... RETURNING: a consent delivered twice (or to two processes) uploads the file once. */
  async takePendingFile(id: string, userKey: string, since: Date): Promise<PendingFile | undefined> {
    const r = await this.db.deleteFrom('pending_files').where('id', '=', id).where('user_key', '=', userKey).returningAll().executeTakeFirst();
    if (!r || num(r.created_at) < since.getTime()) return undefined;
    return { id: r.id, userKey: r.user_key, filename: r.filename, mime: r.mime, data: Buffer.from(r.data, 'base64'), createdAt: new Date(num(r.created_at)) };
  }

  async dropPendingFile(id: string, userKey: string): Promise<void> {
    await this.db.deleteFrom('pending_files').where('id', '=', id).where('user_key', '=', userKey).execute();
  }

  async getTopic(userKey: string, conversation: string, since: Date): Promise<unknown | undefined> {
    const row = await this.db
      .selectFrom('conversation_topics')
      .select('topic')
      .where('user_key', '=', userKey)
      .where('conversation', '=', conversation)
      .where('updated_at', '>=', since.getTime())
      .executeTakeFirst();
    if (!row) return undefined;
    try {
      return JSON.parse(row.topic) as unknown;
    } catch {
      return undefined;
    }
  }

  async setTopic(userKey: string, conversation: string, topic: unknown, now: Date): Promise<void> {
    if (this.b.setTopic) return this.b.setTopic(userKey, conversation, JSON.stringify(topic), now.getTime());
    const values = { user_key: userKey, conversation, topic: JSON.stringify(topic), updated_at: now.getTime() };
    await this.db
      .insertInto('conversation_topics')
      .values(values)
      // An older topic never replaces a newer one: two messages of one conversation answered at once may commit
      // in either order (on PostgreSQL each takes its own pooled connection).
      .onConflict((oc) =>
        oc
          .columns(['user_key', 'conversation'])
          .doUpdateSet({ topic: values.topic, updated_at: values.updated_at })
          .where('conversation_topics.updated_at', '<=', values.updated_at),
      )
      .execute();
  }
}
