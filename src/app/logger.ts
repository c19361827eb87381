// Structured logs (pino): secrets and people's message texts are redacted.
import pino, { type Logger } from 'pino';

export const REDACT_PATHS = [
  'token', '*.token', 'password', '*.password', 'secret', '*.secret', 'authorization', '*.authorization',
  'req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]', 'req.headers["x-slack-signature"]',
  'headers.authorization', 'text', '*.text', 'question', '*.question',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'workshop-bot' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination ?? pino.destination({ fd: 2, sync: false }),
  );
}
