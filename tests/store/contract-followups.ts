// The Store contract for follow-ups and deliveries: started once, each delivery leased to one worker.
import { describe, expect, it } from 'vitest';
import type { DeliveryRecord, FollowupRecord, Store } from '../../src/store/index.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const at = (ms = 0) => new Date(T0 + ms);
const MIN = 60_000;

export function followup(id: string, cohortId: string, dueAt: Date, extra: Partial<FollowupRecord> = {}): FollowupRecord {
  return { id, cohortId, kind: 'message', text: `Reminder ${id}`, dueAt, status: 'scheduled', createdBy: 'slack:T', createdAt: at(), ...extra };
}

/** A cohort `k` with `n` members (users on `platform`), and one follow-up `f` due at T0, started. */
export async function startedFollowup(store: Store, n: number, opts: { users?: boolean } = {}): Promise<void> {
  await store.createCohort({ id: 'k', code: 'BULK01', name: 'Bulk', createdBy: 'slack:T', createdAt: at() });
  for (let i = 0; i < n; i++) {
    const key = `telegram:${1000 + i}`;
    if (opts.users) await store.upsertUser({ key, platform: 'telegram' }, at());
    await store.addMember('k', key, at());
  }
  await store.createFollowup(followup('f', 'k', at()));
  expect(await store.startDueFollowups(at())).toHaveLength(1);
}

/** Runs `workers` claimers side by side until nothing is left; returns every claim made. */
export async function claimAll(stores: Store[], workers: number, now: Date, batch: number): Promise<DeliveryRecord[]> {
  const claimed: DeliveryRecord[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const store = stores[w % stores.length];
      for (;;) {
        const got = await store!.claimDeliveries(`w${w}`, now, batch, 10 * MIN);
        if (got.length === 0) return;
        claimed.push(...got);
      }
    }),
  );
  return claimed;
}

export function storeContractFollowups(ctx: { store: Store }): void {
  describe('follow-ups', () => {
    it('creates, lists by cohort, and cancels only before start', async () => {
      const { store } = ctx;
      await store.createCohort({ id: 'k1', code: 'AAA111', name: 'A', createdBy: 'slack:T', createdAt: at() });
      await store.createCohort({ id: 'k2', code: 'BBB222', name: 'B', createdBy: 'slack:T', createdAt: at() });
      await store.createFollowup(followup('f2', 'k1', at(2 * MIN)));
      await store.createFollowup(followup('f1', 'k1', at(MIN), { kind: 'quiz', text: '' }));
      await store.createFollowup(followup('f3', 'k2', at(MIN)));
      expect(await store.getFollowup('f1')).toEqual(followup('f1', 'k1', at(MIN), { kind: 'quiz', text: '' }));
      expect((await store.listFollowups('k1')).map((f) => f.id)).toEqual(['f1', 'f2']);
      expect((await store.listFollowups()).map((f) => f.id)).toEqual(['f1', 'f3', 'f2']);

      expect(await store.cancelFollowup('f2', at())).toBe(true);
      expect(await store.cancelFollowup('f2', at())).toBe(false);
      expect((await store.getFollowup('f2'))?.status).toBe('cancelled');
      await store.startDueFollowups(at(MIN));
      expect(await store.cancelFollowup('f1', at(MIN))).toBe(false);
      expect((await store.getFollowup('f1'))?.status).toBe('sending');
      // A cancelled follow-up never starts.
      expect(await store.startDueFollowups(at(10 * MIN))).toEqual([]);
      expect(await store.getFollowup('nope')).toBeUndefined();
    });

    it('keeps a draft out of lists and the scheduler until confirmed (as it is or as another kind), and drops a cancelled draft', async () => {
      const { store } = ctx;
      await store.createCohort({ id: 'k1', code: 'AAA111', name: 'A', createdBy: 'slack:T', createdAt: at() });
      await store.createFollowup(followup('d1', 'k1', at(MIN), { status: 'draft', text: 'Please do the readiness check' }));
      await store.createFollowup(followup('d2', 'k1', at(MIN), { status: 'draft', kind: 'quiz', text: '', quizLength: 10 }));
      await store.createFollowup(followup('d3', 'k1', at(MIN), { status: 'draft' }));
      expect(await store.listFollowups('k1')).toEqual([]);
      expect(await store.startDueFollowups(at(2 * MIN))).toEqual([]);
      expect(await store.getFollowup('d2')).toMatchObject({ status: 'draft', kind: 'quiz', quizLength: 10 });

      expect(await store.confirmFollowup('d1', at(), { kind: 'readiness' })).toBe(true);
      expect(await store.confirmFollowup('d1', at())).toBe(false);
      expect(await store.confirmFollowup('d2', at())).toBe(true);
      expect(await store.cancelFollowup('d3', at())).toBe(true);
      expect(await store.getFollowup('d3')).toBeUndefined();
      expect(await store.confirmFollowup('d3', at())).toBe(false);
      expect((await store.listFollowups('k1')).map((f) => [f.id, f.kind, f.text, f.quizLength])).toEqual([
        ['d1', 'readiness', 'Please do the readiness check', undefined],
        ['d2', 'quiz', '', 10],
      ]);
      expect((await store.startDueFollowups(at(2 * MIN))).map((f) => f.id).sort()).toEqual(['d1', 'd2']);
    });

    it('starts a follow-up at its due time, once, with one delivery per current member', async () => {
      const { store } = ctx;
      await store.createCohort({ id: 'k1', code: 'AAA111', name: 'A', createdBy: 'slack:T', createdAt: at() });
      for (const key of ['slack:U1', 'telegram:2', 'teams:3']) await store.addMember('k1', key, at());
      await store.removeMember('k1', 'teams:3');
      await store.createFollowup(followup('f1', 'k1', at(MIN)));

      expect(await store.startDueFollowups(at(MIN - 1))).toEqual([]);
      const concurrent = await Promise.all([1, 2, 3, 4].map(() => store.startDueFollowups(at(MIN))));
      const started = concurrent.flat();
      expect(started.map((f) => [f.id, f.status])).toEqual([['f1', 'sending']]);
      expect(await store.startDueFollowups(at(2 * MIN))).toEqual([]);

      const deliveries = await store.listDeliveries('f1');
      expect(deliveries).toEqual([
        { followupId: 'f1', userKey: 'slack:U1', status: 'pending', attempts: 0, notBefore: at(MIN) },
        { followupId: 'f1', userKey: 'telegram:2', status: 'pending', attempts: 0, notBefore: at(MIN) },
      ]);
      expect(await store.deliveryCounts('f1')).toEqual({ total: 2, pending: 2, sent: 0, unreachable: 0, failed: 0 });
    });

    it('never hands one delivery to two concurrent workers', async () => {
      const { store } = ctx;
      await startedFollowup(store, 300);
      const claimed = await claimAll([store], 6, at(), 25);
      const keys = claimed.map((d) => d.userKey);
      expect(keys).toHaveLength(300);
      expect(new Set(keys).size).toBe(300);
      expect(claimed.every((d) => d.attempts === 1 && d.leaseUntil?.getTime() === at(10 * MIN).getTime())).toBe(true);
      expect(await store.claimDeliveries('late', at(1), 10, MIN)).toEqual([]);
    });

    it('lets another worker take a delivery whose lease ran out, and only the holder finish it', async () => {
      const { store } = ctx;
      await startedFollowup(store, 1);
      const [d] = await store.claimDeliveries('w1', at(), 10, MIN);
      expect(d).toMatchObject({ userKey: 'telegram:1000', leasedBy: 'w1', attempts: 1, leaseUntil: at(MIN) });
      expect(await store.claimDeliveries('w2', at(MIN - 1), 10, MIN)).toEqual([]);
      const [again] = await store.claimDeliveries('w2', at(MIN), 10, MIN);
      expect(again).toMatchObject({ userKey: 'telegram:1000', leasedBy: 'w2', attempts: 2, leaseUntil: at(2 * MIN) });

      expect(await store.completeDelivery('f', 'telegram:1000', 'w1', { status: 'sent' }, at(MIN + 1))).toBe(false);
      expect(await store.retryDelivery('f', 'telegram:1000', 'w1', at(5 * MIN), 'late')).toBe(false);
      expect(await store.completeDelivery('f', 'telegram:1000', 'w2', { status: 'sent' }, at(MIN + 2))).toBe(true);
      expect(await store.completeDelivery('f', 'telegram:1000', 'w2', { status: 'failed', error: 'x' }, at(MIN + 3))).toBe(false);
      const [done] = await store.listDeliveries('f');
      expect(done).toMatchObject({ status: 'sent', sentAt: at(MIN + 2), attempts: 2 });
      expect(done!.leaseUntil).toBeUndefined();
    });

    it("renews a worker's leases while it works, so nobody else can take a delivery it still holds", async () => {
      const { store } = ctx;
      await startedFollowup(store, 3);
      const claimed = await store.claimDeliveries('w1', at(), 10, MIN);
      expect(claimed).toHaveLength(3);
      expect(await store.completeDelivery('f', 'telegram:1000', 'w1', { status: 'sent' }, at(1))).toBe(true);
      expect(await store.retryDelivery('f', 'telegram:1001', 'w1', at(1), 'handed back')).toBe(true);

      // Only what w1 still holds is renewed: not the sent one, not the one handed back.
      const renewed = await store.renewLeases('w1', at(MIN - 1), MIN);
      expect(renewed).toEqual([{ followupId: 'f', userKey: 'telegram:1002', leaseUntil: at(2 * MIN - 1) }]);
      expect(await store.renewLeases('w2', at(MIN - 1), MIN)).toEqual([]);
      // Past the first lease, another worker finds only the delivery w1 handed back.
      expect((await store.claimDeliveries('w2', at(MIN + 1), 10, MIN)).map((d) => d.userKey)).toEqual(['telegram:1001']);
      expect(await store.completeDelivery('f', 'telegram:1002', 'w1', { status: 'sent' }, at(MIN + 2))).toBe(true);

      // A lease that ran out and was taken over is no longer the first worker's to renew.
      await store.retryDelivery('f', 'telegram:1001', 'w2', at(MIN + 3), 'again');
      await store.claimDeliveries('w1', at(MIN + 3), 10, MIN);
      await store.claimDeliveries('w2', at(3 * MIN + 4), 10, MIN);
      expect(await store.renewLeases('w1', at(3 * MIN + 5), MIN)).toEqual([]);
      expect((await store.renewLeases('w2', at(3 * MIN + 5), MIN)).map((r) => r.userKey)).toEqual(['telegram:1001']);
    });

    it('retries a delivery no earlier than asked, then records outcomes and finishes the follow-up', async () => {
      const { store } = ctx;
      await startedFollowup(store, 3);
      const claimed = await store.claimDeliveries('w1', at(), 10, MIN);
      expect(claimed.map((d) => d.userKey)).toEqual(['telegram:1000', 'telegram:1001', 'telegram:1002']);
      expect(await store.retryDelivery('f', 'telegram:1000', 'w1', at(30_000), 'rate limited')).toBe(true);
      expect(await store.retryDelivery('f', 'telegram:1000', 'w1', at(30_000), 'twice')).toBe(false);
      expect(await store.completeDelivery('f', 'telegram:1001', 'w1', { status: 'unreachable', error: 'blocked' }, at(1))).toBe(true);
      expect(await store.completeDelivery('f', 'telegram:1002', 'w1', { status: 'failed', error: 'bad request' }, at(1))).toBe(true);
      expect(await store.deliveryCounts('f')).toEqual({ total: 3, pending: 1, sent: 0, unreachable: 1, failed: 1 });
      expect(await store.finishFollowups(at(2))).toEqual([]);

      expect(await store.claimDeliveries('w2', at(29_999), 10, MIN)).toEqual([]);
      const [retry] = await store.claimDeliveries('w2', at(30_000), 10, MIN);
      expect(retry).toMatchObject({ userKey: 'telegram:1000', error: 'rate limited', attempts: 2, notBefore: at(30_000) });
      expect(await store.completeDelivery('f', 'telegram:1000', 'w2', { status: 'sent' }, at(30_001))).toBe(true);
      expect(await store.deliveryCounts('f')).toEqual({ total: 3, pending: 0, sent: 1, unreachable: 1, failed: 1 });
      const finished = await store.finishFollowups(at(30_002));
      expect(finished.map((f) => [f.id, f.status])).toEqual([['f', 'done']]);
      expect(await store.finishFollowups(at(30_003))).toEqual([]);
      const byUser = Object.fromEntries((await store.listDeliveries('f')).map((d) => [d.userKey, [d.status, d.error]]));
      expect(byUser).toEqual({
        'telegram:1000': ['sent', undefined],
        'telegram:1001': ['unreachable', 'blocked'],
        'telegram:1002': ['failed', 'bad request'],
      });
    });

    it('claims only members on the platforms asked for', async () => {
      const { store } = ctx;
      await store.createCohort({ id: 'k1', code: 'AAA111', name: 'A', createdBy: 'slack:T', createdAt: at() });
      await store.upsertUser({ key: 'slack:U1', platform: 'slack' }, at());
      await store.upsertUser({ key: 'telegram:2', platform: 'telegram' }, at());
      await store.upsertUser({ key: 'console:ana', platform: 'console' }, at());
      for (const key of ['slack:U1', 'telegram:2', 'console:ana']) await store.addMember('k1', key, at());
      await store.createFollowup(followup('f1', 'k1', at()));
      await store.startDueFollowups(at());
      expect((await store.claimDeliveries('tg', at(), 10, MIN, ['telegram'])).map((d) => d.userKey)).toEqual(['telegram:2']);
      expect(await store.claimDeliveries('none', at(), 10, MIN, [])).toEqual([]);
      expect((await store.claimDeliveries('rest', at(), 10, MIN, ['slack', 'console'])).map((d) => d.userKey).sort()).toEqual(['console:ana', 'slack:U1']);
    });
  });
}
