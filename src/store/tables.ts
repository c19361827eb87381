// Row shapes of the store's tables, as Kysely sees them (same on SQLite and PostgreSQL).
//
// Portable choices: times are ms since the epoch in bigint/integer columns (PostgreSQL hands bigint
// back as a string, so readers go through num()); booleans are 0/1 integers; lists and free-form
// values are JSON text.

import type { Generated } from 'kysely';

export type Int = number | string | bigint;

export interface ProcessedTable {
  key: string;
  at: number;
}

export interface UsersTable {
  key: string;
  platform: string;
  name: string | null;
  address: string | null;
  reachable: number;
  created_at: number;
  updated_at: number;
  time_zone: string | null;
}

export interface TrainersTable {
  key: string;
  added_by: string;
  added_at: number;
}

export interface SessionsTable {
  id: string;
  user_key: string;
  kind: string;
  status: string;
  items: string;
  item_count: number;
  idx: number;
  score: number | null;
  started_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface SessionAnswersTable {
  session_id: string;
  idx: number;
  answer: string;
  answered_at: number;
}

export interface CohortsTable {
  id: string;
  code: string;
  name: string;
  created_by: string;
  created_at: number;
}

/** Who may see and act on a cohort besides administrators: its creator and the trainers it was shared with. */
export interface CohortTrainersTable {
  cohort_id: string;
  trainer_key: string;
  added_by: string;
  added_at: number;
}

export interface CohortMembersTable {
  cohort_id: string;
  user_key: string;
  joined_at: number;
  /** 1 when the member shares their results by name with the cohort's trainers (/share). */
  shares_results: Generated<number>;
}

export interface FollowupsTable {
  id: string;
  cohort_id: string;
  kind: string;
  text: string;
  due_at: number;
  status: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  quiz_length: number | null;
}

export interface DeliveriesTable {
  followup_id: string;
  user_key: string;
  status: string;
  attempts: number;
  not_before: number;
  lease_until: number | null;
  leased_by: string | null;
  error: string | null;
  sent_at: number | null;
}

export interface UnansweredTable {
  id: string;
  user_key: string;
  cohort_ids: string;
  question: string;
  asked_at: number;
  handled: number;
}

/** One row per (question, cohort), so the cohort filter is an indexed lookup on both databases. */
export interface UnansweredCohortsTable {
  unanswered_id: string;
  cohort_id: string;
}

export interface InboxTable {
  id: string;
  user_key: string;
  payload: string;
  created_at: number;
}

/** A file waiting for its recipient's consent; data is base64. */
export interface PendingFilesTable {
  id: string;
  user_key: string;
  filename: string;
  mime: string;
  data: string;
  created_at: number;
}

/** The last topic of a person's conversation (JSON of qa's Topic). */
export interface ConversationTopicsTable {
  user_key: string;
  conversation: string;
  topic: string;
  updated_at: number;
}

/** What readiness probes write (nothing about anyone). */
export interface HealthTable {
  id: string;
  at: number;
}

export interface Database {
  processed: ProcessedTable;
  users: UsersTable;
  trainers: TrainersTable;
  sessions: SessionsTable;
  session_answers: SessionAnswersTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  cohort_trainers: CohortTrainersTable;
  followups: FollowupsTable;
  deliveries: DeliveriesTable;
  unanswered: UnansweredTable;
  unanswered_cohorts: UnansweredCohortsTable;
  inbox: InboxTable;
  pending_files: PendingFilesTable;
  conversation_topics: ConversationTopicsTable;
  health: HealthTable;
}

/** Every table of the store, for tests that check nothing about a person is left behind. */
export const TABLES: (keyof Database)[] = [
  'processed',
  'users',
  'trainers',
  'sessions',
  'session_answers',
  'cohorts',
  'cohort_members',
  'cohort_trainers',
  'followups',
  'deliveries',
  'unanswered',
  'unanswered_cohorts',
  'inbox',
  'pending_files',
  'conversation_topics',
  'health',
];

/** PostgreSQL returns bigint and count(*) as strings; SQLite as numbers. */
export const num = (v: Int): number => Number(v);
export const numOrUndef = (v: Int | null | undefined): number | undefined => (v === null || v === undefined ? undefined : Number(v));
export const dateOrUndef = (v: Int | null | undefined): Date | undefined => (v === null || v === undefined ? undefined : new Date(Number(v)));
