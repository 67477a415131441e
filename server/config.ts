/**
 * The server's environment, parsed once at start-up: a bad value stops the
 * server with a message that names the variable and says what it wants.
 */
import * as z from 'zod';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http/server.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './mail/settings.js';
import { DEFAULT_RETENTION, type RetentionRule } from './store/retention.js';

const DEFAULT_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173,http://localhost:8787,http://127.0.0.1:8787';

/** An unset variable and an empty one mean the same: use the default. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), z.optional(schema));

const whole = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d+$/, `wants ${what}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `wants ${what}`);

const ms = (fallback: number) => optional(whole(1, 3_600_000, 'milliseconds, from 1 to 3600000')).transform((v) => v ?? fallback);

const EnvSchema = z
  .object({
    PORT: optional(whole(0, 65535, 'a port number from 0 to 65535')).transform((v) => v ?? 8787),
    HOST: optional(z.string()).transform((v) => v ?? '127.0.0.1'),
    DATABASE_URL: optional(z.string()),
    PGLITE_DIR: optional(z.string()).transform((v) => v ?? '.data/pglite'),
    ALLOWED_ORIGINS: optional(z.string()).transform((v) =>
      (v ?? DEFAULT_ORIGINS)
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
    // The export holds every member's personal data: a short or guessable token is refused.
    ADMIN_TOKEN: optional(
      z.string().regex(/^\S{32,}$/, 'wants at least 32 characters without spaces (for example the output of `openssl rand -hex 32`)'),
    ),
    // The token's export is scoped like an organiser: to these areas, or every area when unset.
    ADMIN_TOKEN_AREAS: optional(z.string().regex(/^[^,]+(,[^,]+)*$/, 'wants a comma list of areas, like Glasgow,Edinburgh')).transform((v) =>
      v?.split(',').map((a) => a.trim()),
    ),
    // Where sign-in links point (the console's origin); never taken from a request's Host header.
    ADMIN_ORIGIN: optional(z.url({ protocol: /^https?$/, error: 'wants the origin of the admin console, like https://training.example.org' })).transform((v) =>
      v === undefined ? undefined : new URL(v).origin,
    ),
    ADMIN_SESSION_HOURS: optional(whole(1, 720, 'hours from 1 to 720')).transform((v) => v ?? 12),
    TRUSTED_PROXIES: optional(whole(0, 100, 'a whole number of proxies (0 when nothing sits in front)')).transform((v) => v ?? 0),
    HTTP_HEADERS_TIMEOUT_MS: ms(DEFAULT_HTTP_LIMITS.headersTimeoutMs),
    HTTP_REQUEST_TIMEOUT_MS: ms(DEFAULT_HTTP_LIMITS.requestTimeoutMs),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: ms(DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs),
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\/\S+$/, 'wants an smtp:// or smtps:// URL, like smtps://user:password@mail.example.org:465')),
    MAIL_FROM: optional(z.string().regex(/^[^\r\n]*@[^\r\n]*$/, 'wants a sender address, like "Training <training@example.org>"')),
    MAIL_REPLY_TO: optional(z.string().regex(/^[^\r\n]*@[^\r\n]*$/, 'wants an address people can reply to')),
    DATA_CONTROLLER: optional(z.string().regex(/^[^\r\n]{1,200}$/, 'wants the name of who processes the data, on one line')),
    PRIVACY_URL: optional(z.url({ protocol: /^https?$/, error: 'wants the https:// address of the privacy notice' })),
    HOLD_HOURS: optional(whole(1, 720, 'hours from 1 to 720')).transform((v) => v ?? DEFAULT_MAIL_SETTINGS.holdHours),
    REMINDER_HOURS: optional(whole(0, 720, 'hours from 0 (no reminder) to 720')).transform((v) => v ?? DEFAULT_MAIL_SETTINGS.reminderHours),
    HTTP_MAX_CONNECTIONS: optional(whole(1, 1_000_000, 'a whole number of connections, at least 1')).transform(
      (v) => v ?? DEFAULT_HTTP_LIMITS.maxConnections,
    ),
    // Members' data rights: personal data goes this long after the session; access needs (maybe health data) sooner.
    RETENTION_MONTHS: optional(whole(1, 120, 'months from 1 to 120')).transform((v) => v ?? DEFAULT_RETENTION.personalMonths),
    ACCESS_NEEDS_DAYS: optional(whole(1, 3650, 'days from 1 to 3650')).transform((v) => v ?? DEFAULT_RETENTION.accessNeedsDays),
  })
  .refine((env) => env.ACCESS_NEEDS_DAYS <= env.RETENTION_MONTHS * 28, {
    path: ['ACCESS_NEEDS_DAYS'],
    message: 'wants at most RETENTION_MONTHS in days (access needs go no later than the rest)',
  })
  .refine((env) => env.HTTP_HEADERS_TIMEOUT_MS <= env.HTTP_REQUEST_TIMEOUT_MS, {
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
    message: 'wants at most HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)',
  });

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  pgliteDir: string;
  allowedOrigins: string[];
  adminToken?: string;
  /** Areas the ADMIN_TOKEN's export covers; every area when unset. */
  adminTokenAreas?: string[];
  /** Origin of the sign-in links; the server's own when unset. */
  adminOrigin?: string;
  adminSessionHours: number;
  trustedProxies: number;
  limits: HttpLimits;
  /** Unset: emails wait in the outbox until it is. */
  smtpUrl?: string;
  mail: MailSettings;
  retention: RetentionRule;
}

export class ConfigError extends Error {}

/** Throws a ConfigError listing every bad variable (never its value: ADMIN_TOKEN, DATABASE_URL and SMTP_URL are secrets). */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}.`);
    throw new ConfigError(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    pgliteDir: e.PGLITE_DIR,
    allowedOrigins: e.ALLOWED_ORIGINS,
    ...(e.ADMIN_TOKEN ? { adminToken: e.ADMIN_TOKEN } : {}),
    ...(e.ADMIN_TOKEN_AREAS ? { adminTokenAreas: e.ADMIN_TOKEN_AREAS } : {}),
    ...(e.ADMIN_ORIGIN ? { adminOrigin: e.ADMIN_ORIGIN } : {}),
    adminSessionHours: e.ADMIN_SESSION_HOURS,
    trustedProxies: e.TRUSTED_PROXIES,
    limits: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}),
    mail: {
      from: e.MAIL_FROM ?? DEFAULT_MAIL_SETTINGS.from,
      ...(e.MAIL_REPLY_TO ? { replyTo: e.MAIL_REPLY_TO } : {}),
      controller: e.DATA_CONTROLLER ?? DEFAULT_MAIL_SETTINGS.controller,
      ...(e.PRIVACY_URL ? { privacyUrl: e.PRIVACY_URL } : {}),
      holdHours: e.HOLD_HOURS,
      reminderHours: e.REMINDER_HOURS,
    },
    retention: { personalMonths: e.RETENTION_MONTHS, accessNeedsDays: e.ACCESS_NEEDS_DAYS },
  };
}
