// The Store: everything the bot keeps, behind one small async interface with SQLite and PostgreSQL backends.
import type { Platform } from '../core/messages.js';

export interface UserRecord {
  /** `platform:id` */
  key: string;
  platform: Platform;
  name?: string;
  /** What the platform needs to message this person unprompted (JSON-serialisable). */
  address?: unknown;
  /** False once the platform told us the person blocked the bot or left. */
  reachable: boolean;
  /** The person's own IANA time zone (set with /timezone); the server's TZ when absent. */
  timeZone?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A cohort member: the person, when they joined that cohort, and whether they share their results by name. */
export interface MemberRecord extends UserRecord {
  joinedAt: Date;
  /** The member lets the cohort's trainers see their results by name however few have completed (/share). */
  sharesResults: boolean;
}

export type SessionKind = 'readiness' | 'quiz';
export type SessionStatus = 'active' | 'done' | 'stopped';

/** A readiness self-assessment or a knowledge quiz, in progress or finished. */
export interface SessionRecord {
  id: string;
  userKey: string;
  kind: SessionKind;
  status: SessionStatus;
  /** Item ids in the order asked (indicator ids or quiz item ids). */
  items: string[];
  /** The index of the question now waiting for an answer (items.length when all are answered). */
  index: number;
  /** answers[i] is the answer value given to items[i], or null while unanswered. */
  answers: (string | null)[];
  /** Points when finished. */
  score?: number;
  startedAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
}

/** See Store.receive. */
export interface ReceiveInput {
  deliveryId?: string;
  user?: { key: string; platform: Platform; name?: string; address?: unknown };
  activeSessionOf?: string;
}

export interface Receipt {
  /** False when the delivery id was recorded before (a redelivery): nothing else was done. */
  fresh: boolean;
  active?: SessionRecord;
}

export interface TrainerRecord {
  key: string;
  /** Who added them ('' once that person was forgotten). */
  addedBy: string;
  addedAt: Date;
}

export interface CohortRecord {
  id: string;
  /** Join code people type: 6 upper-case letters and digits. */
  code: string;
  name: string;
  createdBy: string;
  createdAt: Date;
}

export type FollowupKind = 'message' | 'quiz' | 'readiness';
/** 'draft': written but waiting for the trainer's Yes (a guessed time or kind); it never goes out as it is. */
export type FollowupStatus = 'draft' | 'scheduled' | 'sending' | 'done' | 'cancelled';

export interface FollowupRecord {
  id: string;
  cohortId: string;
  kind: FollowupKind;
  /** The message text (kind 'message'), or an optional note sent with a quiz or re-check. */
  text: string;
  /** How many questions a quiz has (kind 'quiz'); the usual length when absent. */
  quizLength?: number;
  dueAt: Date;
  status: FollowupStatus;
  createdBy: string;
  createdAt: Date;
}

export type DeliveryStatus = 'pending' | 'sent' | 'unreachable' | 'failed';

export interface DeliveryRecord {
  followupId: string;
  userKey: string;
  status: DeliveryStatus;
  attempts: number;
  /** Not to be tried before this time (rate limits, retry-after). */
  notBefore: Date;
  /** Set while a worker holds it; another worker may take it after this time. */
  leaseUntil?: Date;
  leasedBy?: string;
  error?: string;
  sentAt?: Date;
}

export interface DeliveryCounts {
  total: number;
  pending: number;
  sent: number;
  unreachable: number;
  failed: number;
}

export interface UnansweredRecord {
  id: string;
  userKey: string;
  /** Cohorts the person belonged to when asking (empty if none). */
  cohortIds: string[];
  question: string;
  askedAt: Date;
  handled: boolean;
}

/** A file offered to a person, waiting for them to accept it (Teams asks before a bot may put a file in OneDrive). */
export interface PendingFile {
  id: string;
  /** The only person who may take it. */
  userKey: string;
  filename: string;
  mime: string;
  data: Buffer;
  createdAt: Date;
}

/** A lock from Store.tryLock. */
export interface NamedLock {
  release(): Promise<void>;
  /**
   * Resolves once the lock is no longer held: after release(), or when its database connection
   * drops (a PostgreSQL restart), after which another process may take it. Holders that must stay
   * alone (a long poller) stop when it resolves and try to take the lock again.
   */
  readonly lost: Promise<void>;
}

export interface Store {
  /** Runs pending schema migrations. Safe to call from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** True when the database takes a write (for /readyz); on SQLite also false once its files were deleted or replaced. */
  ping(): Promise<boolean>;
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Takes a named lock held until released or the process dies (a PostgreSQL advisory lock on its
   * own connection; in SQLite, one process owns the file anyway). Undefined when another holds it.
   */
  tryLock(name: string): Promise<NamedLock | undefined>;

  // Deduplication of redelivered updates.
  /** Records `key`; true the first time, false for any later call with the same key. */
  markProcessed(key: string, now: Date): Promise<boolean>;
  /**
   * What taking in one message needs from the store, as one step (on SQLite one transaction of statements
   * prepared once): records `deliveryId` as markProcessed does (`fresh` false: delivered before, and nothing else
   * is written or read); refreshes `user` as upsertUser does, when given; reads the active session of
   * `activeSessionOf`, when given.
   */
  receive(input: ReceiveInput, now: Date): Promise<Receipt>;
  /** Drops records older than `before`. */
  pruneProcessed(before: Date): Promise<number>;
  /** Drops the record of `key`, so a delivery that could not be handled is handled when the platform sends it again. */
  forgetProcessed(key: string): Promise<void>;

  // People.
  /** Creates or refreshes a person; keeps the old address when none is given; marks reachable. */
  upsertUser(user: { key: string; platform: Platform; name?: string; address?: unknown }, now: Date): Promise<void>;
  getUser(key: string): Promise<UserRecord | undefined>;
  setReachable(key: string, reachable: boolean, now: Date): Promise<void>;
  /** Sets (or, with undefined, clears) the person's time zone. */
  setTimeZone(key: string, timeZone: string | undefined, now: Date): Promise<void>;
  /**
   * Erases every row about the person: sessions, answers, memberships, deliveries, questions, the console's inbox; and every
   * file waiting for consent, since an export offered to a trainer may list the person among others.
   */
  forgetUser(key: string): Promise<void>;

  // Trainers added at run time (the TRAINERS and ADMINS variables name the first ones).
  addTrainer(key: string, addedBy: string, now: Date): Promise<void>;
  isTrainer(key: string): Promise<boolean>;
  listTrainers(): Promise<string[]>;
  getTrainer(key: string): Promise<TrainerRecord | undefined>;
  /** Removes a run-time trainer and every cohort they were a trainer of; true if they were one. */
  removeTrainer(key: string): Promise<boolean>;

  // Readiness self-assessments and knowledge quizzes.
  /** Creates an active session; any other active session of the person becomes 'stopped'. */
  createSession(session: Pick<SessionRecord, 'id' | 'userKey' | 'kind' | 'items'>, now: Date): Promise<SessionRecord>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  getActiveSession(userKey: string): Promise<SessionRecord | undefined>;
  /**
   * Records the answer to question `index` only if it is still the current question of an active
   * session, and moves to the next; atomic, so an answer delivered twice counts once.
   * Returns the updated session, or undefined when the answer was stale.
   */
  recordAnswer(sessionId: string, index: number, answer: string, now: Date): Promise<SessionRecord | undefined>;
  finishSession(sessionId: string, score: number, now: Date): Promise<void>;
  stopSession(sessionId: string, now: Date): Promise<void>;
  /** The person's sessions, oldest first. */
  listSessions(userKey: string, kind?: SessionKind): Promise<SessionRecord[]>;
  /** Finished sessions of many people (reports), oldest first. */
  listFinishedSessions(userKeys: string[], kind: SessionKind): Promise<SessionRecord[]>;

  // Cohorts.
  /** Creates a cohort with its creator as its first trainer. */
  createCohort(cohort: CohortRecord): Promise<void>;
  getCohortByCode(code: string): Promise<CohortRecord | undefined>;
  getCohort(id: string): Promise<CohortRecord | undefined>;
  listCohorts(): Promise<CohortRecord[]>;
  /** True when the person was not a member before. */
  addMember(cohortId: string, userKey: string, now: Date): Promise<boolean>;
  /** True when the person was a member. */
  removeMember(cohortId: string, userKey: string): Promise<boolean>;
  /** Records whether a member shares their results by name with the cohort's trainers; true when they are a member. */
  setSharesResults(cohortId: string, userKey: string, shares: boolean): Promise<boolean>;
  /** The members, in the order they joined. */
  listMembers(cohortId: string): Promise<MemberRecord[]>;
  cohortsOf(userKey: string): Promise<CohortRecord[]>;
  /** Makes `trainerKey` a trainer of the cohort (createCohort does it for the creator); true if new. */
  addCohortTrainer(cohortId: string, trainerKey: string, addedBy: string, now: Date): Promise<boolean>;
  /** The trainers of a cohort, in the order they were added. */
  listCohortTrainers(cohortId: string): Promise<string[]>;
  /** The cohorts `trainerKey` is a trainer of, oldest first. */
  cohortsOfTrainer(trainerKey: string): Promise<CohortRecord[]>;

  // Follow-ups and their delivery, claimed by exactly one worker.
  createFollowup(followup: FollowupRecord): Promise<void>;
  getFollowup(id: string): Promise<FollowupRecord | undefined>;
  listFollowups(cohortId?: string): Promise<FollowupRecord[]>;
  /** Cancels a follow-up that has not started going out (a draft is dropped); true if it did. */
  cancelFollowup(id: string, now: Date): Promise<boolean>;
  /**
   * Schedules a draft, as it is or `as` another kind; true if it was a draft. `listFollowups` and the scheduler
   * see a draft only once confirmed.
   */
  confirmFollowup(id: string, now: Date, as?: { kind: FollowupKind; quizLength?: number }): Promise<boolean>;
  /**
   * Moves every follow-up due at `now` from 'scheduled' to 'sending' and creates one pending
   * delivery per current member, in one transaction; returns the follow-ups it started.
   * Exactly one caller starts each follow-up.
   */
  startDueFollowups(now: Date): Promise<FollowupRecord[]>;
  /**
   * Leases up to `limit` deliveries that are pending, not before `now`, and not leased by a live
   * lease (row locks with SKIP LOCKED on PostgreSQL). `platforms` restricts to members on those.
   */
  claimDeliveries(worker: string, now: Date, limit: number, leaseMs: number, platforms?: Platform[]): Promise<DeliveryRecord[]>;
  /** Final outcome of one delivery; only the worker holding the lease may set it. */
  completeDelivery(followupId: string, userKey: string, worker: string, outcome: { status: 'sent' | 'unreachable' | 'failed'; error?: string }, now: Date): Promise<boolean>;
  /** Puts a leased delivery back to pending, not to be tried before `notBefore`. */
  retryDelivery(followupId: string, userKey: string, worker: string, notBefore: Date, error: string): Promise<boolean>;
  /**
   * Extends to `now + leaseMs` the lease of every pending delivery `worker` holds, and returns them; one
   * missing from the answer has been completed, handed back or taken over and is no longer the worker's.
   */
  renewLeases(worker: string, now: Date, leaseMs: number): Promise<{ followupId: string; userKey: string; leaseUntil: Date }[]>;
  deliveryCounts(followupId: string): Promise<DeliveryCounts>;
  listDeliveries(followupId: string): Promise<DeliveryRecord[]>;
  /** Marks 'sending' follow-ups with no pending deliveries as 'done'; returns them. */
  finishFollowups(now: Date): Promise<FollowupRecord[]>;

  // Questions the bot could not answer.
  logUnanswered(entry: Omit<UnansweredRecord, 'handled'>): Promise<void>;
  /** Open questions (or all, with includeHandled), of one cohort, of any of `cohortIds`, or of everyone. */
  listUnanswered(opts?: { cohortId?: string; cohortIds?: readonly string[]; includeHandled?: boolean }): Promise<UnansweredRecord[]>;
  markUnansweredHandled(id: string): Promise<boolean>;

  // Files waiting for their recipient's consent.
  /** Keeps a file for its recipient; files created before `expireBefore` are dropped. */
  savePendingFile(file: PendingFile, expireBefore: Date): Promise<void>;
  /** Returns and removes the file if it is `userKey`'s and was created at or after `since`; a second call finds nothing. */
  takePendingFile(id: string, userKey: string, since: Date): Promise<PendingFile | undefined>;
  /** Drops the file without returning it (declined). */
  dropPendingFile(id: string, userKey: string): Promise<void>;

  // What the last answer in a conversation was about (for follow-up questions).
  /** The topic stored for the person in this conversation, if not older than `since`. */
  getTopic(userKey: string, conversation: string, since: Date): Promise<unknown | undefined>;
  setTopic(userKey: string, conversation: string, topic: unknown, now: Date): Promise<void>;
}
