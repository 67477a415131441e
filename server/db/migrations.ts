import type { Db } from './types.js';

/**
 * Ordered, append-only. Each statement is idempotent on its own (IF NOT EXISTS),
 * and applied versions are recorded, so later migrations can also ALTER safely.
 * Plain SQL that both PGlite and PostgreSQL 15+ accept.
 */
export const MIGRATIONS: { version: number; statements: string[] }[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE IF NOT EXISTS modules (
        id text PRIMARY KEY,
        sort_order int NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        description text NOT NULL,
        strand text NOT NULL,
        series text,
        part int,
        prerequisites text[] NOT NULL DEFAULT '{}',
        audience text[] NOT NULL DEFAULT '{}',
        duration_minutes int NOT NULL,
        tools text[] NOT NULL DEFAULT '{}'
      )`,
      `CREATE TABLE IF NOT EXISTS sessions (
        id text PRIMARY KEY,
        module_id text NOT NULL REFERENCES modules(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('online', 'in-person', 'hybrid')),
        venue_name text,
        venue_address text,
        venue_postcode text,
        area text NOT NULL,
        capacity int NOT NULL CHECK (capacity > 0),
        spaces_left int NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'full', 'cancelled')),
        waitlist boolean NOT NULL,
        waitlist_count int NOT NULL DEFAULT 0,
        trainer text,
        signup_deadline timestamptz,
        accessibility text,
        CHECK (ends_at > starts_at),
        CHECK (spaces_left >= 0 AND spaces_left <= capacity)
      )`,
      `CREATE INDEX IF NOT EXISTS sessions_starts_at ON sessions (starts_at)`,
      `CREATE TABLE IF NOT EXISTS signups (
        id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        idempotency_key text NOT NULL UNIQUE,
        request_hash text NOT NULL,
        session_id text NOT NULL REFERENCES sessions(id),
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
        position int,
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text NOT NULL,
        phone text,
        postcode text NOT NULL,
        membership text NOT NULL,
        clp text,
        access_needs text,
        consent_contact boolean NOT NULL,
        consent_marketing boolean NOT NULL,
        consent_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL
      )`,
      `CREATE UNIQUE INDEX IF NOT EXISTS signups_session_email ON signups (session_id, lower(email))`,
    ],
  },
  {
    // Double opt-in, tokens and the email outbox (issue 11).
    version: 2,
    statements: [
      `ALTER TABLE signups DROP CONSTRAINT IF EXISTS signups_status_check`,
      `ALTER TABLE signups ADD CONSTRAINT signups_status_check
         CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'expired', 'cancelled'))`,
      // What a live booking holds; null once it has expired or been cancelled.
      `ALTER TABLE signups ADD COLUMN IF NOT EXISTS hold text CHECK (hold IN ('place', 'waitlist'))`,
      `UPDATE signups SET hold = CASE status WHEN 'confirmed' THEN 'place' ELSE 'waitlist' END WHERE hold IS NULL AND status IN ('confirmed', 'waitlisted')`,
      `ALTER TABLE signups ADD COLUMN IF NOT EXISTS hold_expires_at timestamptz`,
      `ALTER TABLE signups ADD COLUMN IF NOT EXISTS return_url text`,
      `ALTER TABLE signups ADD COLUMN IF NOT EXISTS privacy_url text`,
      `ALTER TABLE signups ADD COLUMN IF NOT EXISTS consent_version text`,
      `ALTER TABLE signups ADD COLUMN IF NOT EXISTS confirmed_at timestamptz`,
      `ALTER TABLE signups ADD COLUMN IF NOT EXISTS ended_at timestamptz`,
      // Consent is given when the owner of the address confirms, not when anyone types it in.
      `ALTER TABLE signups ALTER COLUMN consent_at DROP NOT NULL`,
      // position is now the waiting-list queue order (a per-session sequence); the live position is counted.
      // One live booking per address and session; an expired or cancelled one may sign up again.
      `DROP INDEX IF EXISTS signups_session_email`,
      `CREATE UNIQUE INDEX IF NOT EXISTS signups_session_email_live ON signups (session_id, lower(email))
         WHERE status IN ('pending', 'confirmed', 'waitlisted')`,
      `CREATE INDEX IF NOT EXISTS signups_pending_expiry ON signups (hold_expires_at) WHERE status = 'pending'`,
      `CREATE INDEX IF NOT EXISTS signups_queue ON signups (session_id, position) WHERE hold = 'waitlist'`,
      // Every accepted request, for replays: the answer depends on no one's booking, so neither does its record.
      `CREATE TABLE IF NOT EXISTS signup_requests (
        idempotency_key text PRIMARY KEY,
        request_hash text NOT NULL,
        session_id text NOT NULL,
        hold text NOT NULL,
        hold_expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL
      )`,
      // Only SHA-256 hashes: a database leak gives no working links.
      `CREATE TABLE IF NOT EXISTS booking_tokens (
        hash text PRIMARY KEY,
        signup_id int NOT NULL REFERENCES signups(id),
        purpose text NOT NULL CHECK (purpose IN ('confirm', 'manage')),
        created_at timestamptz NOT NULL,
        used_at timestamptz
      )`,
      `CREATE TABLE IF NOT EXISTS outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        signup_id int REFERENCES signups(id),
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text,
        html_body text,
        ics text,
        due_at timestamptz NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_error text,
        sent_at timestamptz,
        failed_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL
      )`,
      `CREATE INDEX IF NOT EXISTS outbox_due ON outbox (due_at, id) WHERE sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL`,
      `CREATE INDEX IF NOT EXISTS outbox_signup ON outbox (signup_id)`,
    ],
  },
  {
    // Organiser accounts, passwordless sign-in, sessions and the audit log (issue 12).
    version: 3,
    statements: [
      // areas: an organiser's scope (at least one); an admin sees everything and keeps none.
      `CREATE TABLE IF NOT EXISTS organisers (
        id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'organiser')),
        areas text[] NOT NULL DEFAULT '{}',
        disabled_at timestamptz,
        created_at timestamptz NOT NULL,
        CHECK (role = 'admin' OR cardinality(areas) > 0)
      )`,
      `CREATE UNIQUE INDEX IF NOT EXISTS organisers_email ON organisers (lower(email))`,
      // Hashes only, like booking_tokens: a database leak signs nobody in.
      `CREATE TABLE IF NOT EXISTS organiser_sign_in_tokens (
        hash text PRIMARY KEY,
        organiser_id int NOT NULL REFERENCES organisers(id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`,
      // id is the SHA-256 of the cookie's 256 random bits; csrf_token is useless without the cookie.
      `CREATE TABLE IF NOT EXISTS organiser_sessions (
        id text PRIMARY KEY,
        organiser_id int NOT NULL REFERENCES organisers(id),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL
      )`,
      `CREATE INDEX IF NOT EXISTS organiser_sessions_organiser ON organiser_sessions (organiser_id)`,
      // detail holds ids and counts only, never personal data.
      `CREATE TABLE IF NOT EXISTS audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        detail jsonb NOT NULL DEFAULT '{}'
      )`,
      `CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at)`,
    ],
  },
  {
    // The organisers' admin API (issue 12): publishing, optimistic versions, attendance.
    version: 4,
    statements: [
      // Existing (seeded) sessions stay visible; the admin API creates new ones unpublished.
      `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS published boolean NOT NULL DEFAULT true`,
      // Bumped by every admin edit: If-Match against it turns a concurrent edit into a conflict.
      `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS version int NOT NULL DEFAULT 1`,
      `ALTER TABLE modules ADD COLUMN IF NOT EXISTS version int NOT NULL DEFAULT 1`,
      `ALTER TABLE signups ADD COLUMN IF NOT EXISTS attended_at timestamptz`,
      `CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor, id)`,
    ],
  },
  {
    // Content in several languages (issue 13): modules' and sessions' text in Gaelic and Welsh as the
    // contract's `translations` object ({} for none), and the language each member signed up in, for
    // their emails. Existing signups were all made on English pages.
    version: 5,
    statements: [
      `ALTER TABLE modules ADD COLUMN IF NOT EXISTS translations jsonb NOT NULL DEFAULT '{}'::jsonb`,
      `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS translations jsonb NOT NULL DEFAULT '{}'::jsonb`,
      `ALTER TABLE signups ADD COLUMN IF NOT EXISTS locale text NOT NULL DEFAULT 'en-GB'`,
    ],
  },
  {
    // Joining details (issue 14): an online or hybrid session's link and instructions, shown only to
    // confirmed members (their booking and emails). Columns of their own, which no public read selects.
    version: 6,
    statements: [
      `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS joining_url text`,
      `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS joining_instructions text`,
    ],
  },
  {
    // Structured access features (issue 14): known values only (ACCESS_FEATURES; a new feature needs a
    // migration that widens the check), and a GIN index for ?access=, which asks for sessions having all.
    version: 7,
    statements: [
      `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS access_features text[] NOT NULL DEFAULT '{}'
         CONSTRAINT sessions_access_features_known CHECK (access_features <@ ARRAY['step-free', 'hearing-loop', 'bsl', 'captions',
           'quiet-room', 'accessible-toilets', 'childcare', 'parking', 'public-transport']::text[])`,
      `CREATE INDEX IF NOT EXISTS sessions_access_features ON sessions USING gin (access_features)`,
    ],
  },
  {
    // A series in one signup (issue 14): one request makes a signup per session, all sharing its
    // idempotency key, which is how a series' places are confirmed and expire together. The key is
    // unique per session instead of per signup; the request remembers the series' other sessions.
    version: 9,
    statements: [
      `ALTER TABLE signups DROP CONSTRAINT IF EXISTS signups_idempotency_key_key`,
      `CREATE UNIQUE INDEX IF NOT EXISTS signups_request_session ON signups (idempotency_key, session_id)`,
      `ALTER TABLE signup_requests ADD COLUMN IF NOT EXISTS also_session_ids text[] NOT NULL DEFAULT '{}'`,
    ],
  },
  {
    // "My Mobilise pathway" (issue 14): a private link in every member email. Keyed by the member's
    // address as signups compare it (lower(email)); only SHA-256 hashes of the links, like booking_tokens.
    // Erased with the member (data-rights.ts), and by retention once no signup of theirs is left.
    version: 8,
    statements: [
      `CREATE TABLE IF NOT EXISTS pathway_tokens (
        hash text PRIMARY KEY,
        email_key text NOT NULL,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz
      )`,
      `CREATE INDEX IF NOT EXISTS pathway_tokens_email ON pathway_tokens (email_key)`,
      // The pathway a member chose; without a row, the one that fits what they have taken.
      `CREATE TABLE IF NOT EXISTS pathway_choices (
        email_key text PRIMARY KEY,
        audience text NOT NULL CHECK (audience IN ('new-activists', 'activists', 'candidates', 'role-holders')),
        chosen_at timestamptz NOT NULL
      )`,
      // A member's signups across sessions, for their pathway.
      `CREATE INDEX IF NOT EXISTS signups_email_key ON signups (lower(email))`,
    ],
  },
  {
    // Tools as data (issue 14): a module's tools become the contract's fixed list by proper name (what
    // was free text keeps only the programme's tools, spelt right: "mosaic" becomes "Mosaic"), and each
    // module gains its "before you come" checklist and "after the session" next step.
    version: 11,
    statements: [
      `ALTER TABLE modules ADD COLUMN IF NOT EXISTS before_you_come text[] NOT NULL DEFAULT '{}'`,
      `ALTER TABLE modules ADD COLUMN IF NOT EXISTS after_session text`,
      `UPDATE modules SET tools = ARRAY(
         SELECT known.name FROM unnest(tools) WITH ORDINALITY AS t(name, n)
           JOIN unnest(ARRAY['Contact Creator', 'Doorstep App', 'Dialogue', 'Organise', 'Insight', 'Mosaic']) AS known(name) ON lower(known.name) = lower(t.name)
          ORDER BY t.n)`,
    ],
  },
  {
    // "Ask for this module near me" (issue 14): a request counts once its address confirms it (only the
    // link's SHA-256 is kept); one live request per module, area (any case) and address; closed once its
    // member is emailed about a published session. Its emails point at it, so erasure and retention find them.
    version: 10,
    statements: [
      `CREATE TABLE IF NOT EXISTS module_requests (
        id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        module_id text NOT NULL REFERENCES modules(id),
        area text NOT NULL,
        email text NOT NULL,
        locale text NOT NULL,
        return_url text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'open', 'notified')),
        token_hash text UNIQUE,
        token_expires_at timestamptz,
        consent_version text,
        created_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        notified_at timestamptz,
        notified_session_id text
      )`,
      `CREATE UNIQUE INDEX IF NOT EXISTS module_requests_live ON module_requests (module_id, lower(area), lower(email)) WHERE status <> 'notified'`,
      `CREATE INDEX IF NOT EXISTS module_requests_open ON module_requests (module_id, lower(area)) WHERE status = 'open'`,
      `ALTER TABLE outbox ADD COLUMN IF NOT EXISTS module_request_id int REFERENCES module_requests(id) ON DELETE SET NULL`,
      `CREATE INDEX IF NOT EXISTS outbox_module_request ON outbox (module_request_id) WHERE module_request_id IS NOT NULL`,
    ],
  },
  {
    // An email waiting in the outbox (~6 KB: text and HTML) is stored as written, not compressed: PostgreSQL
    // compresses a row's values once the row passes ~2 KB, and a signup writes its email in the statement
    // that holds the session's row lock (store/signup-hold.ts). A row past a page still goes to TOAST; the
    // bodies are cleared once sent (mail/worker.ts), so the space is the unsent emails' only.
    version: 12,
    statements: [`ALTER TABLE outbox SET (toast_tuple_target = 8160)`],
  },
];

/** Brings the schema up to date. Serialised by an advisory lock so two servers starting together do not race. */
export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(8787001)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const sql of migration.statements) await tx.query(sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
    }
  });
}
