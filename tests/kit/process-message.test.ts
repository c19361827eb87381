// The adapter kit: processMessage's outcomes, in-flight tracking, redaction and the time limit.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createInFlight } from '../../adapters/kit/in-flight.js';
import { processMessage, SORRY, type MessageIo } from '../../adapters/kit/process-message.js';
import { errorSummary } from '../../adapters/kit/redact.js';
import { within } from '../../adapters/kit/timeouts.js';
import { CallTimeoutError } from '../../src/errors.js';
import type { BotCore, Incoming, Outgoing } from '../../src/core/messages.js';
import { StoreUnavailableError } from '../../src/store/errors.js';

const incoming: Incoming = { user: { platform: 'console', id: 'u1' }, conversation: { id: 'c1', type: 'direct' }, text: 'hi', deliveryId: 'console:1' };
const logger = pino({ level: 'silent' });

function io(over: Partial<MessageIo> = {}) {
  const seen = { delivered: [] as Outgoing[][], apologies: [] as string[] };
  const value: MessageIo = {
    canRedeliver: false,
    deliver: async (r) => void seen.delivered.push(r),
    apologise: async (t) => void seen.apologies.push(t),
    ...over,
  };
  return { io: value, seen };
}

const core = (handle: BotCore['handle']): BotCore => ({ handle });

describe('processMessage', () => {
  it('delivers the core replies', async () => {
    const { io: x, seen } = io();
    expect(await processMessage({ core: core(async () => [{ kind: 'text', text: 'hello' }]), logger }, incoming, x)).toBe('done');
    expect(seen.delivered).toEqual([[{ kind: 'text', text: 'hello' }]]);
    expect(seen.apologies).toEqual([]);
  });

  it('sends nothing for no replies (a redelivery the core has seen)', async () => {
    const { io: x, seen } = io();
    await processMessage({ core: core(async () => []), logger }, incoming, x);
    expect(seen.delivered).toEqual([]);
  });

  it('apologises when the core fails, with the shared text', async () => {
    const { io: x, seen } = io();
    expect(await processMessage({ core: core(async () => Promise.reject(new Error('boom'))), logger }, incoming, x)).toBe('done');
    expect(seen.apologies).toEqual([SORRY]);
  });

  it('hands a store outage back when the platform can redeliver, and apologises when it cannot', async () => {
    const down = core(async () => Promise.reject(new StoreUnavailableError(new Error('ECONNREFUSED'))));
    const redeliverable = io({ canRedeliver: true });
    expect(await processMessage({ core: down, logger }, incoming, redeliverable.io)).toBe('retry-later');
    expect(redeliverable.seen.apologies).toEqual([]);
    const acked = io();
    expect(await processMessage({ core: down, logger }, incoming, acked.io)).toBe('done');
    expect(acked.seen.apologies).toEqual([SORRY]);
  });

  it('logs a failed delivery without apologising, and survives a failed apology', async () => {
    const failing = io({ deliver: async () => Promise.reject(new Error('network')) });
    expect(await processMessage({ core: core(async () => [{ kind: 'text', text: 'x' }]), logger }, incoming, failing.io)).toBe('done');
    expect(failing.seen.apologies).toEqual([]);
    const mute = io({ apologise: async () => Promise.reject(new Error('also down')) });
    expect(await processMessage({ core: core(async () => Promise.reject(new Error('boom'))), logger }, incoming, mute.io)).toBe('done');
  });
});

describe('createInFlight', () => {
  it('drain waits for tracked work, failed or not, and for work added meanwhile', async () => {
    const inFlight = createInFlight();
    const order: string[] = [];
    let release!: () => void;
    void inFlight.track(new Promise<void>((r) => (release = r)).then(() => order.push('first')));
    void inFlight.track(Promise.reject(new Error('x'))).catch(() => undefined);
    const drained = inFlight.drain().then(() => order.push('drained'));
    void inFlight.track(new Promise<void>((r) => setTimeout(r, 20)).then(() => order.push('late')));
    release();
    await drained;
    expect(order).toEqual(['first', 'late', 'drained']);
    expect(inFlight.size).toBe(0);
  });
});

describe('errorSummary', () => {
  it('keeps name, message, status and code, and never the request', () => {
    const err = Object.assign(new Error('Forbidden'), { statusCode: 403, code: 'E', request: { headers: { authorization: 'Bearer secret' } } });
    const s = errorSummary(err);
    expect(s).toEqual({ name: 'Error', message: 'Forbidden', status: 403, code: 'E' });
    expect(JSON.stringify(s)).not.toContain('secret');
  });

  it('keeps the stack of an error that is not an HTTP error (a bug)', () => {
    expect(errorSummary(new TypeError('x is undefined')).stack).toContain('TypeError');
  });
});

describe('within', () => {
  it('rejects with a coded CallTimeoutError after the limit', async () => {
    const err = await within(new Promise(() => undefined), 20, 'The thing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallTimeoutError);
    expect(err).toMatchObject({ code: 'TIMEOUT', message: 'The thing did not answer within 20 ms' });
  });
});
