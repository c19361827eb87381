// Follow-ups and their deliveries: starting due ones exactly once, and leasing each delivery to one worker.
import { sql, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { Platform } from '../core/messages.js';
import type { Backend } from './backend.js';
import { toDelivery, toFollowup } from './rows.js';
import { num, type Database } from './tables.js';
import type { DeliveryCounts, DeliveryRecord, FollowupKind, FollowupRecord } from './types.js';

export async function createFollowup(b: Backend, f: FollowupRecord): Promise<void> {
  await b.db
    .insertInto('followups')
    .values({
      id: f.id,
      cohort_id: f.cohortId,
      kind: f.kind,
      text: f.text,
      due_at: f.dueAt.getTime(),
      status: f.status,
      quiz_length: f.quizLength ?? null,
      created_by: f.createdBy,
      created_at: f.createdAt.getTime(),
      updated_at: f.createdAt.getTime(),
    })
    .execute();
}

export async function getFollowup(b: Backend, id: string): Promise<FollowupRecord | undefined> {
  const r = await b.db.selectFrom('followups').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toFollowup(r);
}

export async function listFollowups(b: Backend, cohortId?: string): Promise<FollowupRecord[]> {
  let q = b.db.selectFrom('followups').selectAll().where('status', '<>', 'draft').orderBy('due_at').orderBy('id');
  if (cohortId !== undefined) q = q.where('cohort_id', '=', cohortId);
  return (await q.execute()).map(toFollowup);
}

export async function cancelFollowup(b: Backend, id: string, now: Date): Promise<boolean> {
  const r = await b.db
    .updateTable('followups')
    .set({ status: 'cancelled', updated_at: now.getTime() })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  if (num(r.numUpdatedRows) === 1) return true;
  // A draft was never scheduled: it goes, rather than showing in /followups as a cancelled follow-up.
  const dropped = await b.db.deleteFrom('followups').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return num(dropped.numDeletedRows) === 1;
}

export async function confirmFollowup(b: Backend, id: string, now: Date, as?: { kind: FollowupKind; quizLength?: number }): Promise<boolean> {
  const r = await b.db
    .updateTable('followups')
    .set({ status: 'scheduled', updated_at: now.getTime(), ...(as ? { kind: as.kind, quiz_length: as.quizLength ?? null } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return num(r.numUpdatedRows) === 1;
}

/**
 * The conditional UPDATE is the claim: on PostgreSQL a second caller blocks on the row lock and then
 * finds the status changed; on SQLite the IMMEDIATE transaction serialises callers.
 */
export async function startDueFollowups(b: Backend, now: Date): Promise<FollowupRecord[]> {
  const t = now.getTime();
  return b.writeTx(async (trx) => {
    const started = await trx
      .updateTable('followups')
      .set({ status: 'sending', updated_at: t })
      .where('status', '=', 'scheduled')
      .where('due_at', '<=', t)
      .returningAll()
      .execute();
    for (const f of started) {
      await trx
        .insertInto('deliveries')
        .columns(['followup_id', 'user_key', 'status', 'attempts', 'not_before'])
        .expression((eb) =>
          eb
            .selectFrom('cohort_members')
            // Casts: PostgreSQL would otherwise type bare parameters in a SELECT list as text.
            .select([
              sql<string>`cast(${f.id} as text)`.as('followup_id'),
              'user_key',
              sql<string>`cast(${'pending'} as text)`.as('status'),
              sql<number>`cast(${0} as integer)`.as('attempts'),
              sql<number>`cast(${t} as bigint)`.as('not_before'),
            ])
            .where('cohort_id', '=', f.cohort_id),
        )
        .execute();
    }
    return started.map(toFollowup).sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || (x.id < y.id ? -1 : 1));
  });
}

/**
 * Leases up to `limit` deliveries. Each lease counts as an attempt, so a delivery whose worker died
 * mid-send shows that it was tried. On PostgreSQL the rows are locked FOR UPDATE SKIP LOCKED so
 * concurrent claimers pass over each other's rows instead of waiting or taking them twice.
 */
export async function claimDeliveries(
  b: Backend,
  worker: string,
  now: Date,
  limit: number,
  leaseMs: number,
  platforms?: Platform[],
): Promise<DeliveryRecord[]> {
  if (limit <= 0 || (platforms && platforms.length === 0)) return [];
  const t = now.getTime();
  return b.writeTx(async (trx) => {
    let q = trx
      .selectFrom('deliveries as d')
      .select(['d.followup_id', 'd.user_key'])
      .where('d.status', '=', 'pending')
      .where('d.not_before', '<=', t)
      .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<=', t)]))
      .orderBy('d.not_before')
      .orderBy('d.followup_id')
      .orderBy('d.user_key')
      .limit(limit);
    if (platforms) q = q.innerJoin('users as u', 'u.key', 'd.user_key').where('u.platform', 'in', platforms);
    if (b.kind === 'postgres') q = q.forUpdate('d').skipLocked();
    const picked = await q.execute();
    if (picked.length === 0) return [];
    const rows = await trx
      .updateTable('deliveries')
      .set((eb) => ({ lease_until: t + leaseMs, leased_by: worker, attempts: eb('attempts', '+', 1) }))
      .where((eb) => eb.or(picked.map((p) => eb.and([eb('followup_id', '=', p.followup_id), eb('user_key', '=', p.user_key)]))))
      .returningAll()
      .execute();
    return rows
      .map(toDelivery)
      .sort((x, y) => x.notBefore.getTime() - y.notBefore.getTime() || cmp(x.followupId, y.followupId) || cmp(x.userKey, y.userKey));
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function completeDelivery(
  b: Backend,
  followupId: string,
  userKey: string,
  worker: string,
  outcome: { status: 'sent' | 'unreachable' | 'failed'; error?: string },
  now: Date,
): Promise<boolean> {
  const r = await b.db
    .updateTable('deliveries')
    .set({
      status: outcome.status,
      error: outcome.error ?? null,
      sent_at: outcome.status === 'sent' ? now.getTime() : null,
      lease_until: null,
    })
    .$call(heldBy(followupId, userKey, worker))
    .executeTakeFirst();
  return num(r.numUpdatedRows) === 1;
}

export async function retryDelivery(b: Backend, followupId: string, userKey: string, worker: string, notBefore: Date, error: string): Promise<boolean> {
  const r = await b.db
    .updateTable('deliveries')
    .set({ not_before: notBefore.getTime(), error, lease_until: null, leased_by: null })
    .$call(heldBy(followupId, userKey, worker))
    .executeTakeFirst();
  return num(r.numUpdatedRows) === 1;
}

/**
 * Extends the lease on every pending delivery `worker` holds, to `now + leaseMs`, and returns which those are:
 * a worker renews while it works, so a slow send never outlives its lease and is never taken over by another
 * worker while this one is alive. A delivery missing from the answer is no longer this worker's.
 */
export async function renewLeases(b: Backend, worker: string, now: Date, leaseMs: number): Promise<{ followupId: string; userKey: string; leaseUntil: Date }[]> {
  const until = now.getTime() + leaseMs;
  const rows = await b.db
    .updateTable('deliveries')
    .set({ lease_until: until })
    .where('leased_by', '=', worker)
    .where('status', '=', 'pending')
    .where('lease_until', 'is not', null)
    .returning(['followup_id', 'user_key'])
    .execute();
  return rows.map((r) => ({ followupId: r.followup_id, userKey: r.user_key, leaseUntil: new Date(until) }));
}

export async function deliveryCounts(b: Backend, followupId: string): Promise<DeliveryCounts> {
  const rows = await b.db
    .selectFrom('deliveries')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .where('followup_id', '=', followupId)
    .groupBy('status')
    .execute();
  const counts: DeliveryCounts = { total: 0, pending: 0, sent: 0, unreachable: 0, failed: 0 };
  for (const r of rows) {
    const n = num(r.n);
    counts.total += n;
    if (r.status in counts) counts[r.status as keyof DeliveryCounts] += n;
  }
  return counts;
}

export async function listDeliveries(b: Backend, followupId: string): Promise<DeliveryRecord[]> {
  const rows = await b.db.selectFrom('deliveries').selectAll().where('followup_id', '=', followupId).orderBy('user_key').execute();
  return rows.map(toDelivery);
}

export async function finishFollowups(b: Backend, now: Date): Promise<FollowupRecord[]> {
  const rows = await b.db
    .updateTable('followups')
    .set({ status: 'done', updated_at: now.getTime() })
    .where('status', '=', 'sending')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('deliveries')
            .select('deliveries.followup_id')
            .whereRef('deliveries.followup_id', '=', 'followups.id')
            .where('deliveries.status', '=', 'pending'),
        ),
      ),
    )
    .returningAll()
    .execute();
  return rows.map(toFollowup).sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || cmp(x.id, y.id));
}

/** Only the worker holding a live lease on a pending delivery may settle or return it. */
function heldBy(followupId: string, userKey: string, worker: string) {
  return (qb: UpdateQueryBuilder<Database, 'deliveries', 'deliveries', UpdateResult>) =>
    qb
      .where('followup_id', '=', followupId)
      .where('user_key', '=', userKey)
      .where('status', '=', 'pending')
      .where('leased_by', '=', worker)
      .where('lease_until', 'is not', null);
}
