// A person's own time zone: set with /timezone, used to read and show follow-up times.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, person, fixtureRuntime } from './helpers.js';

type RT = Awaited<ReturnType<typeof fixtureRuntime>>;
let rt: RT;
beforeEach(async () => {
  rt = await fixtureRuntime({ TRAINERS: 'console:trainer', TZ: 'UTC' });
});
afterEach(async () => {
  await rt.close();
});

describe('/timezone', () => {
  it('shows the server zone until a person sets theirs, accepting any case', async () => {
    const t = person(rt, 'trainer');
    expect(allText(await t.say('/timezone'))).toMatch(/shown in UTC/);
    expect(allText(await t.say('/timezone asia/tokyo'))).toMatch(/now read and shown in Asia\/Tokyo/);
    expect(allText(await t.say('/timezone'))).toMatch(/shown in Asia\/Tokyo/);
    expect(allText(await t.say('/timezone Mars/Olympus'))).toMatch(/not a time zone I know/);
    expect((await rt.store.getUser(t.key))?.timeZone).toBe('Asia/Tokyo');
  });

  it("reads a trainer's follow-up time in the trainer's own zone", async () => {
    const t = person(rt, 'trainer');
    await t.say('/timezone Asia/Tokyo');
    const created = allText(await t.say('/cohort new Riverton'));
    const code = /Join code: (\w{6})/.exec(created)![1];
    // The test clock stands at 2026-11-27 08:00 UTC = 17:00 in Tokyo (UTC+9).
    const scheduled = allText(await t.say(`/followup ${code} tomorrow 9:00 quiz`));
    expect(scheduled).toMatch(/Sat 28 Nov 2026, 09:00 \(Asia\/Tokyo\)/);
    const [f] = await rt.store.listFollowups();
    expect(f!.dueAt.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(allText(await t.say('/timezone default'))).toMatch(/server/);
    expect(allText(await t.say('/followups'))).toMatch(/times in UTC/);
  });
});
