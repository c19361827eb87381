// The Store contract: one suite every backend must pass (SQLite file, SQLite memory, PostgreSQL).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SqlStore, type Store } from '../../src/store/index.js';
import { TABLES } from '../../src/store/tables.js';
import { migrations } from '../../src/store/migrations.js';
import { createConsoleInbox } from '../../adapters/console/inbox.js';
import { text } from '../../src/core/messages.js';

const MIGRATION_COUNT = Object.keys(migrations).length;
import { storeContractFollowups } from './contract-followups.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
/** A fixed clock: `at(ms)` is T0 plus ms. */
export const at = (ms = 0) => new Date(T0 + ms);

export interface ContractContext {
  store: Store;
}

/** Defines the vitest suites; `makeStore` returns a new, empty, not yet migrated store each call. */
export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  describe(name, () => {
    const ctx = {} as ContractContext;
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
      await store.migrate();
      ctx.store = store;
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps a person\'s time zone until cleared', async () => {
      await store.upsertUser({ key: 'telegram:5', platform: 'telegram', name: 'Kila' }, at());
      expect((await store.getUser('telegram:5'))?.timeZone).toBeUndefined();
      await store.setTimeZone('telegram:5', 'Pacific/Port_Moresby', at(1));
      await store.upsertUser({ key: 'telegram:5', platform: 'telegram', name: 'Kila' }, at(2));
      expect((await store.getUser('telegram:5'))?.timeZone).toBe('Pacific/Port_Moresby');
      await store.setTimeZone('telegram:5', undefined, at(3));
      expect((await store.getUser('telegram:5'))?.timeZone).toBeUndefined();
    });

    it('answers ping and migrates a second time without change', async () => {
      expect(await store.ping()).toBe(true);
      await store.upsertUser({ key: 'slack:U1', platform: 'slack', name: 'Ana' }, at());
      await store.migrate();
      expect((await store.getUser('slack:U1'))?.name).toBe('Ana');
      const db = (store as SqlStore).db;
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from kysely_migration`.execute(db);
      expect(Number(rows[0]!.n)).toBe(MIGRATION_COUNT);
    });

    it('forgets a processed key, so the same delivery counts as new again', async () => {
      expect(await store.markProcessed('telegram:update:9', at())).toBe(true);
      await store.forgetProcessed('telegram:update:9');
      await store.forgetProcessed('telegram:update:never-seen');
      expect(await store.markProcessed('telegram:update:9', at(1))).toBe(true);
      expect(await store.markProcessed('telegram:update:9', at(2))).toBe(false);
    });

    it('records a processed key once and prunes old ones', async () => {
      expect(await store.markProcessed('telegram:update:1', at())).toBe(true);
      expect(await store.markProcessed('telegram:update:1', at(5))).toBe(false);
      expect(await store.markProcessed('telegram:update:2', at(1000))).toBe(true);
      expect(await store.pruneProcessed(at(500))).toBe(1);
      expect(await store.markProcessed('telegram:update:1', at(2000))).toBe(true);
      expect(await store.markProcessed('telegram:update:2', at(2000))).toBe(false);
      const twice = await Promise.all([store.markProcessed('slack:event:E1', at()), store.markProcessed('slack:event:E1', at())]);
      expect(twice.sort()).toEqual([false, true]);
    });

    it('receives a message in one step: the delivery once, the person\'s row, their active session', async () => {
      const ana = { key: 'teams:29:r', platform: 'teams' as const, name: 'Ana', address: { conversation: { id: 'c1' } } };
      expect(await store.receive({ deliveryId: 'teams:act:1', user: ana, activeSessionOf: ana.key }, at())).toEqual({ fresh: true });
      expect(await store.getUser(ana.key)).toMatchObject({ name: 'Ana', address: { conversation: { id: 'c1' } }, reachable: true, createdAt: at() });
      // A redelivery does nothing else: the row keeps its time, nothing is read.
      await store.createSession({ id: 'r1', userKey: ana.key, kind: 'quiz', items: ['q1', 'q2'] }, at(5));
      expect(await store.receive({ deliveryId: 'teams:act:1', user: { ...ana, name: 'Other' }, activeSessionOf: ana.key }, at(10))).toEqual({ fresh: false });
      expect(await store.getUser(ana.key)).toMatchObject({ name: 'Ana', updatedAt: at() });
      expect(await store.markProcessed('teams:act:1', at(11))).toBe(false);
      // As upsertUser: a name or address left out keeps what was known; writing marks the person reachable.
      await store.recordAnswer('r1', 0, 'b', at(15));
      await store.setReachable(ana.key, false, at(16));
      const second = await store.receive({ deliveryId: 'teams:act:2', user: { key: ana.key, platform: 'teams' }, activeSessionOf: ana.key }, at(20));
      expect(second).toMatchObject({ fresh: true, active: { id: 'r1', index: 1, answers: ['b', null], status: 'active' } });
      expect(await store.getUser(ana.key)).toMatchObject({ name: 'Ana', address: { conversation: { id: 'c1' } }, reachable: true, updatedAt: at(20) });
      expect(await store.markProcessed('teams:act:2', at(21))).toBe(false);
      // Without a delivery id, user or session it reads and writes only what it is given.
      expect(await store.receive({ activeSessionOf: 'teams:nobody' }, at(30))).toEqual({ fresh: true });
      expect(await store.receive({}, at(30))).toEqual({ fresh: true });
      expect(await store.getUser('teams:nobody')).toBeUndefined();
      // The same delivery at the same moment: one of them is fresh.
      const twice = await Promise.all([1, 2].map(() => store.receive({ deliveryId: 'slack:event:R1', user: ana }, at(40))));
      expect(twice.map((r) => r.fresh).sort()).toEqual([false, true]);
    });

    it('handles many messages at once as if one after another, a bad write failing alone', async () => {
      // What a busy webhook does: receipts and topics of many messages asked for in the same moment (SQLite
      // commits them together: src/store/sqlite-hot.ts).
      const person = (k: number) => ({ key: `telegram:${9100 + k}`, platform: 'telegram' as const, name: `P${k}`, address: { chatId: 9100 + k } });
      const receipts = Array.from({ length: 12 }, (_, k) => store.receive({ deliveryId: `telegram:burst:${k % 10}`, user: person(k % 10), activeSessionOf: person(k % 10).key }, at(k)));
      const topics = [store.setTopic('telegram:9101', 'c', { question: 'first' }, at(1)), store.setTopic('telegram:9101', 'c', { question: 'second' }, at(2))];
      // An address that cannot be stored (JSON has no BigInt): that receipt fails, the others in its moment do not.
      const bad = store.receive({ deliveryId: 'telegram:burst:bad', user: { key: 'telegram:9199', platform: 'telegram', address: { n: 1n } } }, at(3));
      const settled = await Promise.allSettled([...receipts, ...topics, bad]);
      expect(settled.at(-1)!.status).toBe('rejected');
      expect(settled.slice(0, -1).every((s) => s.status === 'fulfilled')).toBe(true);
      const fresh = (await Promise.all(receipts)).map((r) => r.fresh);
      // Deliveries 0 and 1 came twice: one of each pair is fresh, the other not (which one is the database's
      // order of commits: PostgreSQL runs them on several connections), and every other delivery is fresh.
      expect(fresh.slice(2, 10)).toEqual(Array<boolean>(8).fill(true));
      for (const k of [0, 1]) expect([fresh[k], fresh[k + 10]].sort()).toEqual([false, true]);
      expect(await store.getTopic('telegram:9101', 'c', at(0))).toEqual({ question: 'second' });
      expect(await store.getUser('telegram:9105')).toMatchObject({ name: 'P5', address: { chatId: 9105 } });
      expect(await store.markProcessed('telegram:burst:9', at(10))).toBe(false);
    });

    it('never lets an older topic replace a newer one, whatever order the writes land in', async () => {
      await store.setTopic('slack:U7', 'D7', { question: 'newer' }, at(200));
      await store.setTopic('slack:U7', 'D7', { question: 'older' }, at(100));
      expect(await store.getTopic('slack:U7', 'D7', at(150))).toEqual({ question: 'newer' });
    });

    it('keeps a conversation\'s topic, the last one set, within its time', async () => {
      await store.setTopic('slack:U1', 'D1', { doc: 'a', terms: ['x'] }, at());
      await store.setTopic('slack:U1', 'D1', { doc: 'b' }, at(100));
      expect(await store.getTopic('slack:U1', 'D1', at(50))).toEqual({ doc: 'b' });
      expect(await store.getTopic('slack:U1', 'D1', at(101))).toBeUndefined();
      expect(await store.getTopic('slack:U1', 'D2', at())).toBeUndefined();
    });

    it('upserts people, keeping the address and name when a later message has none', async () => {
      await store.upsertUser({ key: 'teams:29:a', platform: 'teams', name: 'Bo', address: { conversation: { id: 'c1' }, serviceUrl: 'http://x' } }, at());
      await store.upsertUser({ key: 'teams:29:a', platform: 'teams' }, at(1000));
      let u = await store.getUser('teams:29:a');
      expect(u).toMatchObject({ key: 'teams:29:a', platform: 'teams', name: 'Bo', reachable: true });
      expect(u?.address).toEqual({ conversation: { id: 'c1' }, serviceUrl: 'http://x' });
      expect(u?.createdAt).toEqual(at());
      expect(u?.updatedAt).toEqual(at(1000));

      await store.upsertUser({ key: 'teams:29:a', platform: 'teams', name: 'Bo B.', address: { conversation: { id: 'c2' } } }, at(2000));
      u = await store.getUser('teams:29:a');
      expect(u?.name).toBe('Bo B.');
      expect(u?.address).toEqual({ conversation: { id: 'c2' } });
      expect(await store.getUser('teams:nobody')).toBeUndefined();
    });

    it('marks a person unreachable, and reachable again when they write', async () => {
      await store.upsertUser({ key: 'telegram:7', platform: 'telegram', address: { chatId: 7 } }, at());
      await store.setReachable('telegram:7', false, at(10));
      expect((await store.getUser('telegram:7'))?.reachable).toBe(false);
      await store.upsertUser({ key: 'telegram:7', platform: 'telegram' }, at(20));
      expect((await store.getUser('telegram:7'))?.reachable).toBe(true);
      await store.setReachable('telegram:unknown', false, at(30));
      expect(await store.getUser('telegram:unknown')).toBeUndefined();
    });

    it('adds trainers once and lists them in the order added', async () => {
      await store.addTrainer('slack:U2', 'slack:U1', at(10));
      await store.addTrainer('telegram:5', 'slack:U1', at(20));
      await store.addTrainer('slack:U2', 'telegram:5', at(30));
      expect(await store.isTrainer('slack:U2')).toBe(true);
      expect(await store.isTrainer('slack:U9')).toBe(false);
      expect(await store.listTrainers()).toEqual(['slack:U2', 'telegram:5']);
    });

    describe('sessions', () => {
      it('creates an active session and records answers in order', async () => {
        const s = await store.createSession({ id: 's1', userKey: 'console:ana', kind: 'readiness', items: ['i1', 'i2', 'i3'] }, at());
        expect(s).toMatchObject({ id: 's1', status: 'active', index: 0, answers: [null, null, null], items: ['i1', 'i2', 'i3'] });
        expect(s.startedAt).toEqual(at());
        const a = await store.recordAnswer('s1', 0, '3', at(100));
        expect(a).toMatchObject({ index: 1, answers: ['3', null, null] });
        expect(a?.updatedAt).toEqual(at(100));
        expect(await store.recordAnswer('s1', 0, '4', at(200))).toBeUndefined();
        expect(await store.recordAnswer('s1', 2, '4', at(200))).toBeUndefined();
        await store.recordAnswer('s1', 1, '1', at(300));
        const last = await store.recordAnswer('s1', 2, '2', at(400));
        expect(last).toMatchObject({ index: 3, answers: ['3', '1', '2'], status: 'active' });
        expect(await store.recordAnswer('s1', 3, 'x', at(500))).toBeUndefined();
        expect((await store.getActiveSession('console:ana'))?.id).toBe('s1');
      });

      it('counts the same answer delivered twice at once only once', async () => {
        await store.createSession({ id: 's1', userKey: 'slack:U1', kind: 'quiz', items: ['q1', 'q2'] }, at());
        const results = await Promise.all([store.recordAnswer('s1', 0, 'b', at(1)), store.recordAnswer('s1', 0, 'b', at(1))]);
        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
        const s = await store.getSession('s1');
        expect(s).toMatchObject({ index: 1, answers: ['b', null] });
      });

      it('stops the previous active session when a new one starts', async () => {
        await store.createSession({ id: 's1', userKey: 'slack:U1', kind: 'quiz', items: ['q1'] }, at());
        await store.createSession({ id: 's2', userKey: 'slack:U1', kind: 'readiness', items: ['i1'] }, at(10));
        expect((await store.getSession('s1'))?.status).toBe('stopped');
        expect((await store.getActiveSession('slack:U1'))?.id).toBe('s2');
        expect(await store.recordAnswer('s1', 0, 'a', at(20))).toBeUndefined();
        await store.stopSession('s2', at(30));
        expect(await store.getActiveSession('slack:U1')).toBeUndefined();
        expect(await store.recordAnswer('s2', 0, '1', at(40))).toBeUndefined();
      });

      it('leaves one active session when two start at the same moment', async () => {
        const ids = ['x1', 'x2', 'x3', 'x4', 'x5'];
        await Promise.all(ids.map((id) => store.createSession({ id, userKey: 'slack:U1', kind: 'quiz', items: ['q1'] }, at())));
        const statuses = (await store.listSessions('slack:U1')).map((s) => s.status).sort();
        expect(statuses).toEqual(['active', 'stopped', 'stopped', 'stopped', 'stopped']);
      });

      it('finishes sessions and lists them oldest first, by person and kind', async () => {
        await store.createSession({ id: 'a1', userKey: 'slack:A', kind: 'readiness', items: ['i1'] }, at(0));
        await store.recordAnswer('a1', 0, '2', at(1));
        await store.finishSession('a1', 2.5, at(2));
        await store.createSession({ id: 'a2', userKey: 'slack:A', kind: 'quiz', items: ['q1'] }, at(10));
        await store.createSession({ id: 'b1', userKey: 'slack:B', kind: 'readiness', items: ['i1'] }, at(5));
        await store.finishSession('b1', 0, at(6));
        await store.createSession({ id: 'c1', userKey: 'slack:C', kind: 'readiness', items: ['i1'] }, at(7));

        const a1 = await store.getSession('a1');
        expect(a1).toMatchObject({ status: 'done', score: 2.5, answers: ['2'] });
        expect(a1?.finishedAt).toEqual(at(2));
        expect(await store.getActiveSession('slack:A')).toMatchObject({ id: 'a2' });
        expect((await store.listSessions('slack:A')).map((s) => s.id)).toEqual(['a1', 'a2']);
        expect((await store.listSessions('slack:A', 'quiz')).map((s) => s.id)).toEqual(['a2']);
        const done = await store.listFinishedSessions(['slack:A', 'slack:B', 'slack:C'], 'readiness');
        expect(done.map((s) => [s.id, s.score])).toEqual([
          ['a1', 2.5],
          ['b1', 0],
        ]);
        expect(await store.listFinishedSessions([], 'readiness')).toEqual([]);
        expect(await store.getSession('nope')).toBeUndefined();
      });
    });

    describe('cohorts', () => {
      it('creates cohorts, finds them by code, and keeps membership', async () => {
        await store.createCohort({ id: 'k1', code: 'ABC123', name: 'Morning group', createdBy: 'slack:T', createdAt: at() });
        await store.createCohort({ id: 'k2', code: 'XYZ789', name: 'Afternoon', createdBy: 'slack:T', createdAt: at(10) });
        await expect(store.createCohort({ id: 'k3', code: 'ABC123', name: 'Dup', createdBy: 'slack:T', createdAt: at(20) })).rejects.toThrow();
        expect(await store.getCohortByCode('ABC123')).toMatchObject({ id: 'k1', name: 'Morning group', createdBy: 'slack:T', createdAt: at() });
        expect(await store.getCohortByCode('NOPE00')).toBeUndefined();
        expect((await store.getCohort('k2'))?.code).toBe('XYZ789');
        expect((await store.listCohorts()).map((c) => c.id)).toEqual(['k1', 'k2']);

        await store.upsertUser({ key: 'telegram:1', platform: 'telegram', name: 'One' }, at());
        await store.upsertUser({ key: 'slack:U2', platform: 'slack', name: 'Two' }, at());
        expect(await store.addMember('k1', 'telegram:1', at(1))).toBe(true);
        expect(await store.addMember('k1', 'telegram:1', at(2))).toBe(false);
        expect(await store.addMember('k1', 'slack:U2', at(3))).toBe(true);
        expect(await store.addMember('k2', 'slack:U2', at(4))).toBe(true);
        expect((await store.listMembers('k1')).map((u) => u.name)).toEqual(['One', 'Two']);
        // When each joined this cohort, not when they were first seen (the second join of telegram:1 changed nothing).
        expect((await store.listMembers('k1')).map((u) => u.joinedAt)).toEqual([at(1), at(3)]);
        expect((await store.listMembers('k2')).map((u) => u.joinedAt)).toEqual([at(4)]);
        // Sharing results is per membership, off until the member turns it on.
        expect((await store.listMembers('k1')).map((u) => u.sharesResults)).toEqual([false, false]);
        expect(await store.setSharesResults('k1', 'slack:U2', true)).toBe(true);
        expect(await store.setSharesResults('k1', 'slack:NOBODY', true)).toBe(false);
        expect((await store.listMembers('k1')).map((u) => u.sharesResults)).toEqual([false, true]);
        expect((await store.listMembers('k2')).map((u) => u.sharesResults)).toEqual([false]);
        expect((await store.cohortsOf('slack:U2')).map((c) => c.id)).toEqual(['k1', 'k2']);
        expect(await store.removeMember('k1', 'slack:U2')).toBe(true);
        expect(await store.removeMember('k1', 'slack:U2')).toBe(false);
        expect((await store.listMembers('k1')).map((u) => u.key)).toEqual(['telegram:1']);
        expect((await store.cohortsOf('slack:U2')).map((c) => c.id)).toEqual(['k2']);
      });
    });

    describe('cohort trainers', () => {
      it('makes the creator a trainer of the cohort, shares it once, and lists each side', async () => {
        await store.createCohort({ id: 'k1', code: 'OWN001', name: 'Ana’s', createdBy: 'console:ana', createdAt: at() });
        await store.createCohort({ id: 'k2', code: 'OWN002', name: 'Ben’s', createdBy: 'console:ben', createdAt: at(10) });
        await store.createCohort({ id: 'k3', code: 'OWN003', name: 'Nobody’s', createdBy: '', createdAt: at(20) });
        expect(await store.listCohortTrainers('k1')).toEqual(['console:ana']);
        expect(await store.listCohortTrainers('k3')).toEqual([]);
        expect(await store.addCohortTrainer('k1', 'console:ben', 'console:ana', at(30))).toBe(true);
        expect(await store.addCohortTrainer('k1', 'console:ben', 'console:ana', at(40))).toBe(false);
        expect(await store.listCohortTrainers('k1')).toEqual(['console:ana', 'console:ben']);
        expect((await store.cohortsOfTrainer('console:ben')).map((c) => c.id)).toEqual(['k1', 'k2']);
        expect((await store.cohortsOfTrainer('console:ana')).map((c) => c.code)).toEqual(['OWN001']);
        expect(await store.cohortsOfTrainer('console:nobody')).toEqual([]);
      });

      it('removes a run-time trainer with every cohort they were a trainer of', async () => {
        await store.addTrainer('console:ben', 'console:ana', at(5));
        expect(await store.getTrainer('console:ben')).toEqual({ key: 'console:ben', addedBy: 'console:ana', addedAt: at(5) });
        expect(await store.getTrainer('console:nobody')).toBeUndefined();
        await store.createCohort({ id: 'k1', code: 'OWN001', name: 'Ana’s', createdBy: 'console:ana', createdAt: at() });
        await store.createCohort({ id: 'k2', code: 'OWN002', name: 'Ben’s', createdBy: 'console:ben', createdAt: at(10) });
        await store.addCohortTrainer('k1', 'console:ben', 'console:ana', at(30));
        expect(await store.removeTrainer('console:ben')).toBe(true);
        expect(await store.removeTrainer('console:ben')).toBe(false);
        expect(await store.isTrainer('console:ben')).toBe(false);
        expect(await store.cohortsOfTrainer('console:ben')).toEqual([]);
        expect(await store.listCohortTrainers('k1')).toEqual(['console:ana']);
        // The cohort itself stays, for its members and the administrators.
        expect((await store.getCohort('k2'))?.name).toBe('Ben’s');
      });
    });

    storeContractFollowups(ctx);

    describe('unanswered questions', () => {
      it('lists open questions, by cohort, and marks them handled', async () => {
        await store.logUnanswered({ id: 'q1', userKey: 'slack:A', cohortIds: ['k1', 'k2'], question: 'What is GovStack?', askedAt: at(1) });
        await store.logUnanswered({ id: 'q2', userKey: 'slack:B', cohortIds: [], question: 'Lunch?', askedAt: at(2) });
        await store.logUnanswered({ id: 'q3', userKey: 'slack:C', cohortIds: ['k2'], question: 'OSI index?', askedAt: at(3) });
        expect((await store.listUnanswered()).map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
        expect(await store.listUnanswered({ cohortId: 'k1' })).toEqual([
          { id: 'q1', userKey: 'slack:A', cohortIds: ['k1', 'k2'], question: 'What is GovStack?', askedAt: at(1), handled: false },
        ]);
        expect((await store.listUnanswered({ cohortId: 'k2' })).map((q) => q.id)).toEqual(['q1', 'q3']);
        expect((await store.listUnanswered({ cohortIds: ['k1', 'k2'] })).map((q) => q.id)).toEqual(['q1', 'q3']);
        expect((await store.listUnanswered({ cohortIds: ['k1'] })).map((q) => q.id)).toEqual(['q1']);
        expect(await store.listUnanswered({ cohortIds: [] })).toEqual([]);
        expect(await store.markUnansweredHandled('q1')).toBe(true);
        expect(await store.markUnansweredHandled('q1')).toBe(false);
        expect(await store.markUnansweredHandled('nope')).toBe(false);
        expect((await store.listUnanswered({ cohortId: 'k2' })).map((q) => q.id)).toEqual(['q3']);
        const all = await store.listUnanswered({ cohortId: 'k2', includeHandled: true });
        expect(all.map((q) => [q.id, q.handled])).toEqual([
          ['q1', true],
          ['q3', false],
        ]);
      });
    });

    // The console adapter keeps its inbox in the store's database: its table, on every backend.
    describe('the console inbox (adapters/console/inbox.ts)', () => {
      const clockAt = (ms: number) => ({ now: () => at(ms) });

      it('hands over waiting messages oldest first, once', async () => {
        const db = (store as SqlStore).db;
        await createConsoleInbox(db, clockAt(20)).push('console:ana', [text('second')]);
        await createConsoleInbox(db, clockAt(10)).push('console:ana', [text('first')]);
        const png = Buffer.from('hi');
        await createConsoleInbox(db, clockAt(5)).push('console:bo', [{ kind: 'image', png, alt: 'chart', filename: 'c.png' }]);
        expect(await createConsoleInbox(db, clockAt(30)).take('console:ana')).toEqual([[text('first')], [text('second')]]);
        expect(await createConsoleInbox(db, clockAt(30)).take('console:ana')).toEqual([]);
        expect(await createConsoleInbox(db, clockAt(30)).take('console:bo')).toEqual([[{ kind: 'image', png, alt: 'chart', filename: 'c.png' }]]);
      });

      it('hands each message to only one of two readers at once', async () => {
        const inbox = createConsoleInbox((store as SqlStore).db, clockAt(0));
        for (let i = 0; i < 5; i++) await inbox.push('console:ana', [text(`m${i}`)]);
        const [a, b] = await Promise.all([inbox.take('console:ana'), inbox.take('console:ana')]);
        expect([...a, ...b].flat().map((m) => (m.kind === 'text' ? m.text : '')).sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
      });
    });

    describe('conversation topics', () => {
      it('keeps the last topic per person and conversation, and not once it is too old', async () => {
        await store.setTopic('telegram:1', 'c1', { question: 'first', refs: ['u:a'] }, at(0));
        await store.setTopic('telegram:1', 'c1', { question: 'second', refs: ['u:b', 'u:c'] }, at(10));
        await store.setTopic('telegram:1', 'c2', { question: 'elsewhere', refs: [] }, at(10));
        expect(await store.getTopic('telegram:1', 'c1', at(0))).toEqual({ question: 'second', refs: ['u:b', 'u:c'] });
        expect(await store.getTopic('telegram:1', 'c2', at(0))).toEqual({ question: 'elsewhere', refs: [] });
        expect(await store.getTopic('telegram:2', 'c1', at(0))).toBeUndefined();
        expect(await store.getTopic('telegram:1', 'c1', at(11))).toBeUndefined();
      });
    });

    describe('files waiting for consent', () => {
      const file = (id: string, userKey: string, ms: number) => ({ id, userKey, filename: `${id}.csv`, mime: 'text/csv', data: Buffer.from(`name\n${id}\n`), createdAt: at(ms) });

      it('hands a file only to its recipient, once, and not after it expired', async () => {
        await store.savePendingFile(file('f1', 'teams:a', 0), at(-3600_000));
        await store.savePendingFile(file('f2', 'teams:a', 10), at(-3600_000));
        expect(await store.takePendingFile('f1', 'teams:b', at(-3600_000))).toBeUndefined();
        const taken = await store.takePendingFile('f1', 'teams:a', at(-3600_000));
        expect(taken).toEqual(file('f1', 'teams:a', 0));
        expect(await store.takePendingFile('f1', 'teams:a', at(-3600_000))).toBeUndefined();
        const twice = await Promise.all([store.takePendingFile('f2', 'teams:a', at()), store.takePendingFile('f2', 'teams:a', at())]);
        expect(twice.filter(Boolean)).toHaveLength(1);
        await store.savePendingFile(file('f3', 'teams:a', 20), at(-3600_000));
        expect(await store.takePendingFile('f3', 'teams:a', at(21))).toBeUndefined(); // older than `since`
      });

      it('drops declined files, and expired ones when another is saved', async () => {
        await store.savePendingFile(file('old', 'teams:a', 0), at(-3600_000));
        await store.savePendingFile(file('f4', 'teams:a', 10), at(-3600_000));
        await store.dropPendingFile('f4', 'teams:b');
        await store.dropPendingFile('f4', 'teams:a');
        await store.savePendingFile(file('new', 'teams:a', 3600_000 + 5), at(5));
        const rows = await (store as SqlStore).db.selectFrom('pending_files').select('id').execute();
        expect(rows.map((r) => r.id)).toEqual(['new']);
      });
    });

    describe('forgetting a person', () => {
      it('leaves no row in any table that mentions them, and keeps everyone else', async () => {
        const x = 'telegram:4242';
        const y = 'slack:UOTHER';
        for (const key of [x, y]) {
          const platform = key.startsWith('slack') ? 'slack' : 'telegram';
          await store.upsertUser({ key, platform, name: key, address: { chat: key } }, at());
        }
        await store.addTrainer(x, y, at());
        await store.addTrainer(y, x, at(1));
        await store.createCohort({ id: 'k1', code: 'FORGET', name: 'Group', createdBy: x, createdAt: at() });
        await store.addCohortTrainer('k1', y, x, at(1));
        await store.addMember('k1', x, at());
        await store.addMember('k1', y, at());
        await store.createSession({ id: 'sx', userKey: x, kind: 'quiz', items: ['q1', 'q2'] }, at());
        await store.recordAnswer('sx', 0, 'a', at(1));
        await store.createSession({ id: 'sy', userKey: y, kind: 'quiz', items: ['q1'] }, at());
        await store.recordAnswer('sy', 0, 'b', at(1));
        await store.createFollowup({ id: 'f1', cohortId: 'k1', kind: 'message', text: 'Hello', dueAt: at(10), status: 'scheduled', createdBy: x, createdAt: at() });
        await store.startDueFollowups(at(10));
        await store.logUnanswered({ id: 'ux', userKey: x, cohortIds: ['k1'], question: 'mine?', askedAt: at(2) });
        await store.logUnanswered({ id: 'uy', userKey: y, cohortIds: ['k1'], question: 'theirs?', askedAt: at(3) });
        const inbox = createConsoleInbox((store as SqlStore).db, { now: () => at(4) });
        await inbox.push(x, [text('hi, ix')]);
        await inbox.push(y, [text('hi, iy')]);
        await store.setTopic(x, 'chat-x', { question: 'what is sx about?', refs: ['u:one'] }, at(4));
        await store.setTopic(y, 'chat-y', { question: 'theirs', refs: ['u:two'] }, at(4));
        // An export waiting for y's consent that lists x among the members.
        await store.savePendingFile({ id: 'py', userKey: y, filename: 'export.csv', mime: 'text/csv', data: Buffer.from(`name\n${x}\n`), createdAt: at(5) }, at(0));

        await store.forgetUser(x);

        const db = (store as SqlStore).db;
        const mentions = [x, 'sx', 'ux', 'ix'];
        for (const table of TABLES) {
          const rows = await db.selectFrom(table).selectAll().execute();
          for (const row of rows) {
            const text = Object.values(row).map(String);
            for (const m of mentions) expect(text, `${table} still mentions ${m}`).not.toContain(m);
            expect(JSON.stringify(row), `${table} still mentions ${x}`).not.toContain(x);
          }
        }
        expect(await store.getUser(x)).toBeUndefined();
        expect(await store.isTrainer(x)).toBe(false);
        expect(await store.getUser(y)).toBeDefined();
        expect(await store.isTrainer(y)).toBe(true);
        expect((await store.listMembers('k1')).map((u) => u.key)).toEqual([y]);
        expect((await store.getSession('sy'))?.answers).toEqual(['b']);
        expect((await store.listDeliveries('f1')).map((d) => d.userKey)).toEqual([y]);
        expect((await store.listUnanswered()).map((u) => u.id)).toEqual(['uy']);
        expect(await inbox.take(y)).toHaveLength(1);
        expect(await store.getTopic(y, 'chat-y', at(0))).toEqual({ question: 'theirs', refs: ['u:two'] });
        expect(await store.takePendingFile('py', y, at(0))).toBeUndefined();
        // The group and its follow-up stay for the others, without the forgotten creator.
        expect((await store.getCohort('k1'))?.createdBy).toBe('');
        expect((await store.getFollowup('f1'))?.createdBy).toBe('');
        expect(await store.listCohortTrainers('k1')).toEqual([y]);
      });
    });

    describe('named locks', () => {
      it('gives a lock to one holder until it is released', async () => {
        const a = await store.tryLock('telegram-poller');
        expect(a).toBeDefined();
        expect(await store.tryLock('telegram-poller')).toBeUndefined();
        const other = await store.tryLock('slack-socket');
        expect(other).toBeDefined();
        await a!.release();
        await a!.release();
        const b = await store.tryLock('telegram-poller');
        expect(b).toBeDefined();
        await b!.release();
        await other!.release();
      });
    });
  });
}
