// Files from the bot in Teams: offered on a FileConsentCard, kept in the store until the person accepts, then
// PUT to the OneDrive upload URL Teams hands over and shown with a FileInfoCard (Teams' documented way for bots).
import { randomUUID } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Clock } from '../../src/core/adapter.js';
import type { Outgoing } from '../../src/core/messages.js';
import type { Store } from '../../src/store/types.js';
import { teamsUserId } from './parse.js';
import { clip } from './render.js';

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

/** How long an offered file waits for the person to accept it. */
const KEEP_MS = 60 * 60_000;
const UPLOAD_TIMEOUT_MS = 30_000;

type FileMessage = Extract<Outgoing, { kind: 'file' }>;

interface UploadInfo {
  contentUrl?: string;
  name?: string;
  uploadUrl?: string;
  uniqueId?: string;
  fileType?: string;
}

export interface TeamsFiles {
  /** The consent card for a file to the person this turn is with (the file waits in the store meanwhile). */
  offer(context: TurnContext, message: FileMessage): Promise<Partial<Activity>>;
  /** A fileConsent/invoke: uploads the file on accept, drops it on decline; tells the person either way. */
  onConsent(context: TurnContext): Promise<void>;
}

/** The FileConsentCard: Teams shows the file's name and size with Allow and Decline. */
export function renderFileConsent(message: FileMessage, fileId: string): Partial<Activity> {
  const context = { fileId };
  return {
    type: 'message',
    attachments: [
      {
        contentType: FILE_CONSENT,
        name: message.filename,
        content: { description: clip(message.caption ?? message.filename, 1000), sizeInBytes: message.data.length, acceptContext: context, declineContext: context },
      },
    ],
  };
}

/** The card for an uploaded file: opens it in OneDrive or downloads it. */
export function renderFileInfo(info: UploadInfo): Partial<Activity> {
  return {
    type: 'message',
    attachments: [{ contentType: FILE_INFO, contentUrl: info.contentUrl, name: info.name, content: { uniqueId: info.uniqueId, fileType: info.fileType } }],
  };
}

const text = (t: string): Partial<Activity> => ({ type: 'message', text: t, textFormat: 'plain' });

/** PUTs the bytes in one piece to a OneDrive upload session (no bot token: the URL carries its own rights). */
async function upload(url: string, data: Buffer): Promise<void> {
  // Loaded on the first upload: a server whose Teams people never accept a file does not carry undici.
  const { request } = await import('undici');
  const res = await request(url, {
    method: 'PUT',
    headers: { 'content-length': String(data.length), 'content-range': `bytes 0-${data.length - 1}/${data.length}` },
    body: data,
    headersTimeout: UPLOAD_TIMEOUT_MS,
    bodyTimeout: UPLOAD_TIMEOUT_MS,
  });
  await res.body.dump();
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`upload answered ${res.statusCode}`);
}

export function createTeamsFiles(store: Store, clock: Clock, logger: Logger): TeamsFiles {
  return {
    async offer(context, message) {
      const id = randomUUID();
      const now = clock.now();
      const userKey = `teams:${teamsUserId(context.activity.from)}`;
      await store.savePendingFile({ id, userKey, filename: message.filename, mime: message.mime, data: message.data, createdAt: now }, new Date(now.getTime() - KEEP_MS));
      return renderFileConsent(message, id);
    },

    async onConsent(context) {
      const { activity } = context;
      const value = (activity.value ?? {}) as { action?: unknown; context?: { fileId?: unknown }; uploadInfo?: UploadInfo };
      const fileId = typeof value.context?.fileId === 'string' ? value.context.fileId.slice(0, 64) : undefined;
      if (!fileId) return;
      const userKey = `teams:${teamsUserId(activity.from)}`;
      // The card has done its job either way; removing it keeps it from being pressed again (best effort).
      const removeCard = () => (activity.replyToId ? context.deleteActivity(activity.replyToId).catch(() => undefined) : undefined);
      if (value.action === 'decline') {
        await store.dropPendingFile(fileId, userKey);
        await removeCard();
        await context.sendActivity(text("OK, I won't send the file."));
        return;
      }
      const uploadUrl = value.uploadInfo?.uploadUrl;
      if (value.action !== 'accept' || typeof uploadUrl !== 'string') return;
      const file = await store.takePendingFile(fileId, userKey, new Date(clock.now().getTime() - KEEP_MS));
      if (!file) {
        await context.sendActivity(text('That file is no longer available (files wait an hour for you to accept them). Send the command again, e.g. /export CODE, for a fresh one.'));
        return;
      }
      try {
        await upload(uploadUrl, file.data);
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message } }, 'teams: file upload failed');
        await context.sendActivity(text('I could not put the file in your OneDrive just now. Please send the command again in a moment.'));
        return;
      }
      await removeCard();
      await context.sendActivity(renderFileInfo(value.uploadInfo!));
    },
  };
}
