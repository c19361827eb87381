// Teams end to end: questions, the readiness self-assessment on cards, channels, redelivery and expectReplies.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BOT, nextId, personalMessage, startTeamsHarness, visibleText, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => {
  await h?.close();
});

const QUESTION = 'What are the 3Ms of a digital utility?';

describe('Teams personal chat', () => {
  test('a question gets a cited answer, posted as a reply with a token from the token endpoint', async () => {
    const user = { id: '29:ask-1', name: 'Ana Lima' };
    const activity = personalMessage(h.connector, user, { text: QUESTION });
    const before = h.connector.calls.length;
    const res = await h.post(activity);
    expect(res.status).toBe(200);

    const calls = h.connector.calls.slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.operation).toBe('replyToActivity');
    expect(calls[0]!.conversationId).toBe(`a:personal-${user.id}`);
    expect(calls[0]!.activityId).toBe(activity.id);
    const expected = h.server.runtime.answerer.answer(QUESTION);
    expect(expected.answered).toBe(true);
    expect(calls[0]!.body.text).toBe(expected.text);
    expect(calls[0]!.body.text).toContain(expected.sources[0]!.title);
    expect(calls[0]!.body.recipient.id).toBe(user.id);

    // Outbound calls carry a bearer token the (fake) Bot Framework token service issued to this bot.
    const token = calls[0]!.authorization?.replace(/^Bearer /, '');
    expect(token && h.identity.issuedTokens.has(token)).toBe(true);

    // The person's conversation reference is kept for follow-ups.
    const stored = await h.server.runtime.store.getUser(`teams:${user.id}`);
    expect(stored?.address).toMatchObject({ serviceUrl: h.connector.url, conversation: { id: `a:personal-${user.id}` }, bot: { id: BOT.id } });
    // Not the incoming message's id: the reference is the conversation's, the same for every message in it,
    // so the next message (answered as usual) leaves the person's row as it was.
    expect(stored?.address).not.toHaveProperty('activityId');
    const second = personalMessage(h.connector, user, { text: QUESTION });
    expect((await h.post(second)).status).toBe(200);
    expect(h.connector.calls.at(-1)?.activityId).toBe(second.id);
    expect(await h.server.runtime.store.getUser(`teams:${user.id}`)).toEqual(stored);
  });

  test("keeps the person's Teams name (from.name) and follows a change of it, for trainers' exports", async () => {
    const user = { id: '29:named-1', name: 'Mere Tavita' };
    await h.server.runtime.store.createCohort({ id: 'c-teams-names', code: 'TMNAME', name: 'Names', createdBy: 'teams:x', createdAt: new Date() });
    expect((await h.post(personalMessage(h.connector, user, { text: '/join TMNAME' }))).status).toBe(200);
    expect(await h.server.runtime.store.listMembers('c-teams-names')).toMatchObject([{ key: `teams:${user.id}`, name: 'Mere Tavita' }]);
    expect((await h.post(personalMessage(h.connector, { ...user, name: 'Mere Tavita-Kila' }, { text: 'hello' }))).status).toBe(200);
    expect(await h.server.runtime.store.listMembers('c-teams-names')).toMatchObject([{ name: 'Mere Tavita-Kila' }]);
  });

  test('a readiness self-assessment done with card buttons updates each card and ends in 6/6 and a chart', async () => {
    const user = { id: '29:ready-1', name: 'Ben Okafor' };
    const start = h.connector.calls.length;
    expect((await h.post(personalMessage(h.connector, user, { text: '/readiness' }))).status).toBe(200);

    let answered = 0;
    for (let guard = 0; guard < 20; guard++) {
      const cards = h.connector.calls.slice(start).filter((c) => c.body?.attachments?.[0]?.content?.actions?.length);
      const card = cards[cards.length - 1];
      if (!card || answered === cards.length) break;
      const yes = card.body.attachments[0].content.actions.find((a: { title: string }) => a.title === 'Yes');
      expect(yes, `question ${answered + 1} offers Yes`).toBeDefined();
      // What Teams sends when the person presses a card's Action.Submit button.
      const submit = personalMessage(h.connector, user, { value: yes.data, replyToId: card.id });
      expect((await h.post(submit)).status).toBe(200);
      answered++;
      const update = h.connector.callsTo('updateActivity').find((u) => u.activityId === card.id);
      expect(update, `card ${card.id} was updated`).toBeDefined();
      expect(visibleText(update!.body)).toContain('Your answer: Yes');
      expect(update!.body.attachments[0].content.actions).toBeUndefined();
    }
    // The fixture pack has six indicators.
    expect(answered).toBe(6);

    const sent = h.connector.calls.slice(start).filter((c) => c.operation === 'replyToActivity').map((c) => c.body);
    // The result is stated in a text message of its own, not only in the chart's caption.
    const texts = sent.filter((a) => !a.attachments?.length).map(visibleText);
    expect(texts.some((t) => /^Your readiness: 6\/6 \(Advanced\)$/m.test(t))).toBe(true);
    const image = sent.flatMap((a) => a.attachments ?? []).find((a: { contentType: string }) => a.contentType === 'image/png');
    expect(image?.contentUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  test('a redelivered activity (same conversation and activity id) is answered once', async () => {
    const activity = personalMessage(h.connector, { id: '29:redeliver-1', name: 'Cy' }, { text: QUESTION });
    const before = h.connector.calls.length;
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.calls.slice(before)).toHaveLength(1);
  });

  test('deliveryMode expectReplies gets the replies in the HTTP response, not at the connector', async () => {
    const activity = personalMessage(h.connector, { id: '29:expect-1', name: 'Di' }, { text: QUESTION, deliveryMode: 'expectReplies' });
    const before = h.connector.calls.length;
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: { text?: string }[] };
    expect(body.activities.map((a) => a.text)).toEqual([h.server.runtime.answerer.answer(QUESTION).text]);
    expect(h.connector.calls.length).toBe(before);
  });

  test('installing the bot sends the welcome', async () => {
    const user = { id: '29:install-1', name: 'Eve' };
    const before = h.connector.calls.length;
    const update = personalMessage(h.connector, user, { type: 'conversationUpdate', membersAdded: [BOT] });
    expect((await h.post(update)).status).toBe(200);
    const sent = h.connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.text).toMatch(/^Hello! /);
    expect(sent[0]!.body.text).toContain('/readiness');
  });

  test('other activity types are accepted and ignored', async () => {
    const user = { id: '29:other-1', name: 'Fay' };
    const before = h.connector.calls.length;
    for (const type of ['typing', 'messageReaction', 'installationUpdate', 'event']) {
      expect((await h.post(personalMessage(h.connector, user, { type }))).status).toBe(200);
    }
    const invoke = await h.post(personalMessage(h.connector, user, { type: 'invoke', name: 'adaptiveCard/action', value: {} }));
    expect(invoke.status).toBe(200);
    expect(h.connector.calls.length).toBe(before);
  });
});

describe('Teams channels', () => {
  const channel = { id: '19:general@thread.tacv2;messageid=1700', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' };
  const user = { id: '29:chan-1', name: 'Gil' };

  test('a channel message without a mention is ignored', async () => {
    const before = h.connector.calls.length;
    const res = await h.post(personalMessage(h.connector, user, { conversation: channel, text: QUESTION }));
    expect(res.status).toBe(200);
    expect(h.connector.calls.length).toBe(before);
  });

  test('with a mention it is answered, the mention stripped', async () => {
    const before = h.connector.calls.length;
    const activity = personalMessage(h.connector, user, {
      conversation: channel,
      text: `<at>${BOT.name}</at> ${QUESTION}`,
      entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
    });
    expect((await h.post(activity)).status).toBe(200);
    const sent = h.connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.conversationId).toBe(channel.id);
    expect(sent[0]!.body.text).toBe(h.server.runtime.answerer.answer(QUESTION).text);
  });

  test('a mentioned command works too (it only parses as a command once the mention is gone)', async () => {
    const before = h.connector.calls.length;
    const activity = personalMessage(h.connector, user, {
      id: nextId(),
      conversation: channel,
      text: `<at>${BOT.name}</at> /help`,
      entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
    });
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.calls.slice(before).map((c) => c.body.text)).toEqual([expect.stringContaining('/readiness')]);
  });
});

describe('bad requests', () => {
  const url = () => `${h.server.url}/api/messages`;

  test('malformed JSON, a non-object body and an oversized body get a 4xx, not a crash', async () => {
    const token = await h.identity.channelToken({ appId: BOT.id.slice(3), serviceUrl: h.connector.url });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const before = h.connector.calls.length;
    expect((await fetch(url(), { method: 'POST', headers, body: '{"type":' })).status).toBe(400);
    expect((await fetch(url(), { method: 'POST', headers, body: '"hello"' })).status).toBe(400);
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });
    expect((await fetch(url(), { method: 'POST', headers, body: big })).status).toBe(413);
    const res = await fetch(url(), { method: 'POST', headers, body: '{"type":' });
    expect(await res.text()).not.toMatch(/at .*\.js/);
    expect(h.connector.calls.length).toBe(before);
    // The server is still serving.
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
  });
});
