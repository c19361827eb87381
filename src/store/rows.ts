// Turns database rows into the records of the Store interface (dates, JSON, 0/1 booleans).
import type { Selectable } from 'kysely';
import type { Platform } from '../core/messages.js';
import type {
  CohortRecord,
  DeliveryRecord,
  DeliveryStatus,
  FollowupKind,
  FollowupRecord,
  FollowupStatus,
  SessionKind,
  SessionRecord,
  SessionStatus,
  UnansweredRecord,
  UserRecord,
} from './types.js';
import type { CohortsTable, DeliveriesTable, FollowupsTable, SessionsTable, UnansweredTable, UsersTable } from './tables.js';
import { dateOrUndef, num, numOrUndef } from './tables.js';

const date = (v: number | string) => new Date(num(v));

export const toJson = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const fromJson = (v: string | null): unknown => (v === null ? undefined : JSON.parse(v));

export function toUser(r: Selectable<UsersTable>): UserRecord {
  const u: UserRecord = {
    key: r.key,
    platform: r.platform as Platform,
    reachable: num(r.reachable) === 1,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
  if (r.name !== null) u.name = r.name;
  if (r.address !== null) u.address = fromJson(r.address);
  if (r.time_zone) u.timeZone = r.time_zone;
  return u;
}

export function toSession(r: Selectable<SessionsTable>, answered: { idx: number; answer: string }[]): SessionRecord {
  const items = JSON.parse(r.items) as string[];
  const answers: (string | null)[] = items.map(() => null);
  for (const a of answered) answers[num(a.idx)] = a.answer;
  const s: SessionRecord = {
    id: r.id,
    userKey: r.user_key,
    kind: r.kind as SessionKind,
    status: r.status as SessionStatus,
    items,
    index: num(r.idx),
    answers,
    startedAt: date(r.started_at),
    updatedAt: date(r.updated_at),
  };
  if (r.score !== null) s.score = Number(r.score);
  const finished = dateOrUndef(r.finished_at);
  if (finished) s.finishedAt = finished;
  return s;
}

export function toCohort(r: Selectable<CohortsTable>): CohortRecord {
  return { id: r.id, code: r.code, name: r.name, createdBy: r.created_by, createdAt: date(r.created_at) };
}

export function toFollowup(r: Selectable<FollowupsTable>): FollowupRecord {
  const f: FollowupRecord = {
    id: r.id,
    cohortId: r.cohort_id,
    kind: r.kind as FollowupKind,
    text: r.text,
    dueAt: date(r.due_at),
    status: r.status as FollowupStatus,
    createdBy: r.created_by,
    createdAt: date(r.created_at),
  };
  const length = numOrUndef(r.quiz_length);
  if (length !== undefined) f.quizLength = length;
  return f;
}

export function toDelivery(r: Selectable<DeliveriesTable>): DeliveryRecord {
  const d: DeliveryRecord = {
    followupId: r.followup_id,
    userKey: r.user_key,
    status: r.status as DeliveryStatus,
    attempts: num(r.attempts),
    notBefore: date(r.not_before),
  };
  const lease = numOrUndef(r.lease_until);
  if (lease !== undefined) d.leaseUntil = new Date(lease);
  if (r.leased_by !== null) d.leasedBy = r.leased_by;
  if (r.error !== null) d.error = r.error;
  const sent = dateOrUndef(r.sent_at);
  if (sent) d.sentAt = sent;
  return d;
}

export function toUnanswered(r: Selectable<UnansweredTable>): UnansweredRecord {
  return {
    id: r.id,
    userKey: r.user_key,
    cohortIds: JSON.parse(r.cohort_ids) as string[],
    question: r.question,
    askedAt: date(r.asked_at),
    handled: num(r.handled) === 1,
  };
}
