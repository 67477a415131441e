import type { Db } from './types.js';

/**
 * Ordered, append-only. Each statement is idempotent on its own (IF NOT EXISTS),
 * and applied versions are recorded, so later migrations can also ALTER safely.
 * Plain SQL that both PGlite and PostgreSQL 15+ accept.
 */
const MIGRATIONS: { version: number; statements: string[] }[] = [
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
