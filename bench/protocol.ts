/** What bench/signups.ts and its child, bench/signup-server.ts, say to each other over IPC. */
export const BENCH_ORIGIN = 'https://bench.example.org';

export interface Ready {
  type: 'ready';
  url: string;
  /** The measured session. */
  sessionId: string;
  /** A session for the uncounted warm-up. */
  warmupSessionId: string;
  /** With BENCH_SERIES: part two of each (sessionId is part one), booked with it in one request. */
  partTwo?: { sessionId: string; warmupSessionId: string };
  /** With BENCH_SESSIONS > 1: every measured session (sessionId is the first), signups spread over them. */
  sessionIds?: string[];
}

export interface VerifiedRow {
  reference: string;
  idempotency_key: string;
  /** lower(email) */
  email: string;
  status: 'pending' | 'confirmed' | 'waitlisted' | 'expired' | 'cancelled';
  hold: 'place' | 'waitlist' | null;
  /** Waiting-list queue order. */
  position: number | null;
}

export interface Verified {
  type: 'verified';
  rows: VerifiedRow[];
  session: { capacity: number; spaces_left: number; waitlist_count: number; status: string };
  /** With BENCH_SERIES: part two's rows and counters. */
  partTwo?: { rows: VerifiedRow[]; session: Verified['session'] };
  /** With BENCH_SESSIONS > 1: each measured session's rows and counters, in Ready.sessionIds' order. */
  sessions?: { rows: VerifiedRow[]; session: Verified['session'] }[];
  /** Every request log line the server wrote during the run. */
  logs: string[];
  /** Queries run for GET requests: the public reads. */
  reads: number;
}

/** What bench/signups.ts and its GET flood child, bench/flood.ts, say to each other. */
export interface Flooding {
  type: 'flooding';
}

/** Sent once the flood has stopped (on {type: 'stop'} or its time limit). */
export interface Flooded {
  type: 'flooded';
  requests: number;
  seconds: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}
