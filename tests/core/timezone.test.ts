// A person's own time zone: set with /timezone, used to read and show follow-up times.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, person, testRuntime } from './helpers.js';

type RT = Awaited<ReturnType<typeof testRuntime>>;
let rt: RT;
beforeEach(async () => {
  rt = await testRuntime({ TRAINERS: 'console:trainer', TZ: 'UTC' });
});
afterEach(async () => {
  await rt.close();
});

describe('/timezone', () => {
  it('shows the server zone until a person sets theirs, accepting any case', async () => {
    const t = person(rt, 'trainer');
    expect(allText(await t.say('/timezone'))).toMatch(/shown in UTC/);
    expect(allText(await t.say('/timezone pacific/port_moresby'))).toMatch(/now read and shown in Pacific\/Port_Moresby/);
    expect(allText(await t.say('/timezone'))).toMatch(/shown in Pacific\/Port_Moresby/);
    expect(allText(await t.say('/timezone Mars/Olympus'))).toMatch(/not a time zone I know/);
    expect((await rt.store.getUser(t.key))?.timeZone).toBe('Pacific/Port_Moresby');
  });

  it("reads a trainer's follow-up time in the trainer's own zone", async () => {
    const t = person(rt, 'trainer');
    await t.say('/timezone Pacific/Port_Moresby');
    const created = allText(await t.say('/cohort new Lae'));
    const code = /Join code: (\w{6})/.exec(created)![1];
    // The test clock stands at 2026-11-27 08:00 UTC = 18:00 in Port Moresby (UTC+10).
    const scheduled = allText(await t.say(`/followup ${code} tomorrow 9:00 quiz`));
    expect(scheduled).toMatch(/Sat 28 Nov 2026, 09:00 \(Pacific\/Port_Moresby\)/);
    const [f] = await rt.store.listFollowups();
    expect(f!.dueAt.toISOString()).toBe('2026-11-27T23:00:00.000Z');
    expect(allText(await t.say('/timezone default'))).toMatch(/server/);
    expect(allText(await t.say('/followups'))).toMatch(/times in UTC/);
  });
});
