// Teams people are known by their Microsoft Entra object id (what trainers can look up), not the bot-scoped "29:" id.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { personalMessage, startTeamsHarness, visibleText, type TeamsHarness } from './harness.js';

const AAD = '8D2F1C3E-4B5A-4C6D-9E7F-0A1B2C3D4E5F';
const KEY = `teams:${AAD.toLowerCase()}`;

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ TRAINERS: `teams:${AAD}` });
});
afterAll(async () => {
  await h?.close();
});

describe('Teams identity', () => {
  test('a trainer named in TRAINERS as teams:<Entra object id> is a trainer in Teams', async () => {
    const trainer = { id: '29:1qQ8bA-trainer', name: 'Tala Trainer' };
    const before = h.connector.calls.length;
    const res = await h.post(personalMessage(h.connector, trainer, { from: { ...trainer, aadObjectId: AAD }, text: '/cohort new Riverton 2027' }));
    expect(res.status).toBe(200);
    const [reply] = h.connector.calls.slice(before);
    expect(visibleText(reply!.body)).toMatch(/Cohort "Riverton 2027" created\. Join code: [A-Z0-9]{6}/);
    // The person's row, address and cohorts are under the object id; the reference keeps the 29: id to write back.
    const stored = await h.server.runtime.store.getUser(KEY);
    expect(stored?.name).toBe('Tala Trainer');
    expect(stored?.address).toMatchObject({ user: { id: trainer.id } });
    expect((await h.server.runtime.store.listCohorts()).map((c) => c.createdBy)).toEqual([KEY]);
    expect(await h.server.runtime.store.getUser(`teams:${trainer.id}`)).toBeUndefined();
  });

  test('someone else with the trainer’s name is not a trainer', async () => {
    const other = { id: '29:1qQ8bA-other', name: 'Tala Trainer' };
    const before = h.connector.calls.length;
    await h.post(personalMessage(h.connector, other, { from: { ...other, aadObjectId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }, text: '/cohorts' }));
    expect(visibleText(h.connector.calls.slice(before)[0]!.body)).toMatch(/for workshop trainers only/);
  });
});
