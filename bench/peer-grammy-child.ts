// The peer for the Telegram webhook: the smallest grammY bot a person would write. express with grammY's own
// `webhookCallback` (secret token checked), one handler that replies with `ctx.reply`, so every update makes one
// outbound sendMessage to the Bot API (here the local fake, TELEGRAM_API_ROOT). No store, no logging, no dedupe.
// Prints one JSON line {"url"} on stdout when listening; SIGTERM closes it.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Bot, webhookCallback } from 'grammy';
import { TEST_BOT } from '../fakes/telegram-api.js';

const token = process.env.TELEGRAM_BOT_TOKEN!;
const bot = new Bot(token, {
  // Known up front, as workshop-bot's TELEGRAM_BOT_USERNAME does: no getMe at start.
  botInfo: { ...TEST_BOT, is_bot: true, id: Number(token.split(':')[0]), first_name: 'Peer', username: 'PeerBot' },
  client: { apiRoot: process.env.TELEGRAM_API_ROOT },
});
// About the size of workshop-bot's answer to the benchmark's question.
const ANSWER = process.env.PEER_ANSWER ?? 'An answer. '.repeat(50);
bot.on('message:text', (ctx) => ctx.reply(ANSWER));

const app = express();
app.use(express.json());
app.post('/telegram/webhook', webhookCallback(bot, 'express', { secretToken: process.env.TELEGRAM_WEBHOOK_SECRET }));
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
server.keepAliveTimeout = 65_000;
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
