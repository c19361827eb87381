// `serve` for the crash test, run as a child process: the real startServer, with the follow-up lease read
// from FOLLOWUP_LEASE_MS (the runtime does not pass it to the scheduler yet, so this starts the scheduler itself).
import { createConsoleMessenger } from '../../adapters/console/messenger.js';
import { loadConfig } from '../../src/app/config.js';
import { startServer } from '../../src/app/server.js';
import { startScheduler } from '../../src/followups/scheduler.js';

const config = loadConfig({ ...process.env, SCHEDULER_DISABLED: 'true' });
const server = await startServer(config);
const { bot, store, clock, logger } = server.runtime;
const scheduler = startScheduler({
  bot,
  store,
  clock,
  logger,
  messengers: { console: createConsoleMessenger(store, clock), ...Object.fromEntries(server.adapters.map((a) => [a.platform, a.messenger])) },
  intervalMs: config.SCHEDULER_INTERVAL_MS,
  leaseMs: config.FOLLOWUP_LEASE_MS,
});
process.stdout.write(`ready ${server.url}\n`);
process.once('SIGTERM', () => {
  void scheduler
    .stop()
    .then(() => server.close())
    .then(() => process.exit(0));
});
