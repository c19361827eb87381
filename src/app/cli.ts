// The `workshop-bot` command line: ask, chat, serve, start, content, manifest.
import 'dotenv/config';
import { Command, Option } from 'commander';
import { isOperatorError } from '../errors.js';
import { cacheDir, ConfigError, loadConfig, type Config } from './config.js';

function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** A public base URL for a manifest: https only (Slack and Teams call the bot only over https). */
function httpsBaseUrl(raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') throw new ConfigError(`--url: must be an https URL such as https://bot.example.org (got "${raw.slice(0, 100)}")`);
  return raw;
}


/** Known, user-facing failures print one line and exit 1; anything else is a bug and keeps its stack. */
async function guarded(run: () => Promise<number | void>): Promise<void> {
  try {
    const code = await run();
    if (typeof code === 'number') process.exitCode = code;
  } catch (err) {
    const e = err as Error;
    if (isOperatorError(err)) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
      // Whatever a failed start left open (a socket the driver still retries) must not keep the process alive.
      setTimeout(() => process.exit(1), 2000).unref();
      return;
    }
    throw err;
  }
}

const program = new Command('workshop-bot')
  .description('Chat assistant for a government training workshop: questions, quizzes, readiness checks and follow-ups')
  .showHelpAfterError();

program
  .command('ask')
  .description('answer a question (or, with --jsonl, every line of stdin)')
  .argument('[question...]', 'the question')
  .option('--json', 'print one JSON object')
  .option('--jsonl', 'read questions from stdin, one a line; print one JSON object a line')
  .action((words: string[], opts: { json?: boolean; jsonl?: boolean }) =>
    guarded(async () => {
      const c = config();
      const { runAsk } = await import('./ask.js');
      const question = words.join(' ');
      if (!question && !opts.jsonl) {
        process.stderr.write('Give a question, e.g. workshop-bot ask "What is this session about?", or use --jsonl with questions on stdin.\n');
        return 2;
      }
      return runAsk({ question, json: opts.json, jsonl: opts.jsonl, contentDir: c.CONTENT_DIR });
    }),
  );

program
  .command('chat')
  .description('talk to the bot in this terminal (the console adapter)')
  .option('--user <id>', 'who you are (your answers and results are kept under this id)', process.env.USER || 'me')
  .option('--name <name>', 'your name')
  .option('--json', 'print every outgoing message as one JSON line')
  .action((opts: { user: string; name?: string; json?: boolean }) => guarded(() => chat(config(), opts)));

async function chat(c: Config, opts: { user: string; name?: string; json?: boolean }): Promise<void> {
  const { createRuntime, dataDir } = await import('./runtime.js');
  const { createLogger } = await import('./logger.js');
  const { runConsoleChat } = await import('../../adapters/console/chat.js');
  // The chat owns the terminal: logs stay quiet unless asked for.
  const runtime = await createRuntime(c, { logger: createLogger(process.env.LOG_LEVEL ?? 'warn') });
  // With no platform server configured, this chat is the bot: it sends the console's follow-ups too.
  const { configuredPlatforms } = await import('./platforms.js');
  const standalone = !configuredPlatforms(c).length;
  if (standalone) {
    runtime.startBackground({});
    await runtime.runDueWork();
  }
  try {
    await runConsoleChat({
      bot: runtime.bot,
      inbox: runtime.consoleInbox,
      userId: opts.user,
      name: opts.name,
      json: opts.json,
      filesDir: `${dataDir(c)}/files`,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    });
    // A piped chat may end before the scheduler's next pass: send what fell due before leaving.
    if (standalone) await runtime.runDueWork();
  } finally {
    await runtime.close();
  }
}

/** Without a heap cap V8 lets the heap grow towards gigabytes before it collects in earnest. */
const HEAP_CAP_MB = 512;

async function serve(c: Config, opts: { healthOnly?: boolean } = {}): Promise<number | void> {
  const { configuredPlatforms } = await import('./platforms.js');
  if (!configuredPlatforms(c).length && !opts.healthOnly) {
    process.stderr.write(
      'No platform is configured: set TELEGRAM_BOT_TOKEN, SLACK_BOT_TOKEN (with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN) or MicrosoftAppId ' +
        '(see README: Configuration), or run `serve --health-only` to serve only /healthz and /readyz.\n',
    );
    return 1;
  }
  const { startServer } = await import('./server.js');
  const server = await startServer(c);
  const platforms = server.adapters.map((a) => a.platform).join(', ') || 'none (health checks only)';
  process.stdout.write(`workshop-bot listening on ${server.listening} · platforms: ${platforms}\n`);
  const { getHeapStatistics } = await import('node:v8');
  const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 1048576);
  if (heapLimitMb > HEAP_CAP_MB) {
    server.runtime.logger.warn(
      { heapLimitMb },
      'started without a heap cap: memory may grow to several hundred MB before the garbage collector catches up; ' +
        'start node with --max-old-space-size=128 --max-semi-space-size=4 --v8-pool-size=1 --heap-growing-percent=100 as npm start does (README: Deployment)',
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.runtime.logger.info({ signal }, 'shutting down');
    await server.close();
    server.runtime.logger.flush?.();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

program
  .command('serve')
  .description('serve every configured platform on one HTTP server (PORT)')
  .option('--health-only', 'with no platform configured, serve only /healthz and /readyz (and run the follow-up scheduler) instead of refusing to start')
  .action((opts: { healthOnly?: boolean }) => guarded(() => serve(config(), opts)));

/** Where the console chat keeps its data, as the person starting it would look for it. */
const dataPlace = (c: Config): string =>
  c.DATABASE_URL && !c.DATABASE_URL.startsWith('sqlite:') ? 'the PostgreSQL database of DATABASE_URL' : (c.DATABASE_URL?.slice('sqlite:'.length) ?? c.DATA_DIR ?? './data');

program
  .command('start')
  .description('serve the configured platforms, or open the console chat when none is configured')
  .action(() =>
    guarded(async () => {
      const c = config();
      const { configuredPlatforms } = await import('./platforms.js');
      if (configuredPlatforms(c).length) return serve(c);
      process.stderr.write(
        `No platform is configured, so here is the console chat (data in ${dataPlace(c)}).\n` +
          'To serve Slack, Teams or Telegram, set their variables (see README: Configuration) and run npm start again.\n\n',
      );
      return chat(c, { user: process.env.USER || 'me' });
    }),
  );

const content = program.command('content').description('check, import or index the workshop content');
content
  .command('check')
  .description('validate the content folder (CONTENT_DIR or ./content): errors exit 1; warnings are advice')
  .option('--dir <path>', 'content folder')
  .option('--json', 'print { dir, ok, summary, errors, warnings } with each problem as { file, item, index, field, message }')
  .action((opts: { dir?: string; json?: boolean }) =>
    guarded(async () => {
      const c = config();
      const { defaultContentDir } = await import('../content/load.js');
      const { checkPack, checkJson, formatCheck } = await import('../authoring/check.js');
      const report = checkPack(opts.dir ?? c.CONTENT_DIR ?? defaultContentDir(), cacheDir(c));
      process.stdout.write(opts.json ? checkJson(report) : formatCheck(report));
      return report.ok ? 0 : 1;
    }),
  );
content
  .command('import')
  .description("draft a content pack from a trainer's slides (.pptx, .pdf, .md), ready to check and edit")
  .argument('<files...>', 'slide files, read in this order')
  .requiredOption('--out <dir>', 'folder for the pack (new or empty)')
  .option('--force', 'write into a folder that is not empty (its pack files are replaced)')
  .action((files: string[], opts: { out: string; force?: boolean }) =>
    guarded(async () => {
      const c = config();
      const { runImport } = await import('../authoring/import/run.js');
      const { formatImportReport } = await import('../authoring/import/report.js');
      const result = await runImport({ files, out: opts.out, force: opts.force, cacheDir: cacheDir(c) });
      process.stdout.write(formatImportReport(result));
    }),
  );
content
  .command('build-index')
  .description('build the search index ahead of time (npm run build does this)')
  .option('--quiet', 'print nothing on success')
  .action((opts: { quiet?: boolean }) =>
    guarded(async () => {
      const c = config();
      const { loadContent, defaultContentDir } = await import('../content/load.js');
      const { buildIndexCache } = await import('../qa/search-index.js');
      const file = buildIndexCache(loadContent(c.CONTENT_DIR ?? defaultContentDir()), cacheDir(c));
      if (!opts.quiet) process.stdout.write(`index written to ${file}\n`);
    }),
  );

/** The command menu for the manifests, from the command registry and the content pack (CONTENT_DIR). */
async function packMenu() {
  const { loadContent, defaultContentDir } = await import('../content/load.js');
  const { commandMenu } = await import('./commands.js');
  return commandMenu(loadContent(config().CONTENT_DIR ?? defaultContentDir()));
}

const manifest = program.command('manifest').description('app manifests for the platforms');
manifest
  .command('slack')
  .description('print a Slack app manifest (JSON) for the given public base URL')
  .requiredOption('--url <base>', 'public base URL of this server, e.g. https://bot.example.org')
  .action((opts: { url: string }) =>
    guarded(async () => {
      const baseUrl = httpsBaseUrl(opts.url);
      const { slackManifest } = await import('../../adapters/slack/index.js');
      process.stdout.write(`${JSON.stringify(slackManifest(baseUrl, { menu: await packMenu() }), null, 2)}\n`);
    }),
  );
manifest
  .command('teams')
  .description('write a Teams app package (manifest.json and two icons, zipped)')
  .addOption(new Option('--app-id <id>', 'Microsoft App ID (default: MicrosoftAppId)'))
  .option('--url <base>', 'public base URL of this server')
  .option('--out <file>', 'where to write the zip', 'workshop-bot-teams.zip')
  .action((opts: { appId?: string; url?: string; out: string }) =>
    guarded(async () => {
      const c = config();
      const baseUrl = opts.url === undefined ? undefined : httpsBaseUrl(opts.url);
      const appId = opts.appId ?? c.MicrosoftAppId;
      if (!appId) {
        process.stderr.write('Give the Microsoft App ID with --app-id or MicrosoftAppId.\n');
        return 2;
      }
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
        const from = opts.appId ? '--app-id' : 'MicrosoftAppId';
        process.stderr.write(`${from}: the Azure Bot's Microsoft App ID is a GUID such as 00000000-0000-0000-0000-000000000000 (got "${appId.slice(0, 60)}").\n`);
        return 1;
      }
      const { buildTeamsAppPackage } = await import('../../adapters/teams/index.js');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(opts.out, await buildTeamsAppPackage({ appId, baseUrl, menu: await packMenu() }));
      process.stdout.write(`Teams app package written to ${opts.out}\n`);
    }),
  );

await program.parseAsync(process.argv);
