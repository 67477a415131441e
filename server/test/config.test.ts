import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.js';
import { DEFAULT_HTTP_LIMITS } from '../http/server.js';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const GOOD_TOKEN = 'a'.repeat(32);

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
}

/** Runs server/main.ts until it exits or says it is listening (then stops it); returns what it printed. */
async function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mobilise-config-'));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, NODE_TEST_CONTEXT: undefined, DATABASE_URL: '', PGLITE_DIR: join(dir, 'pglite'), PORT: '0', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    if (stdout.includes('Mobilise API on')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  await rm(dir, { recursive: true, force: true });
  return { code, stdout, stderr };
}

describe('server configuration', () => {
  it('defaults every variable, treating an empty one as unset', () => {
    const config = loadConfig({ PORT: '', ADMIN_TOKEN: '' });
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.adminToken, undefined);
    assert.equal(config.trustedProxies, 0);
    assert.deepEqual(config.limits, DEFAULT_HTTP_LIMITS);
  });

  it('reads the HTTP timeouts and connection cap', () => {
    const config = loadConfig({
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
      HTTP_MAX_CONNECTIONS: '50',
    });
    assert.deepEqual(config.limits, { headersTimeoutMs: 2000, requestTimeoutMs: 4000, keepAliveTimeoutMs: 1000, maxConnections: 50 });
  });

  it('refuses bad values, naming each variable and what it wants', () => {
    assert.match(configError({ HTTP_REQUEST_TIMEOUT_MS: '30s' }), /HTTP_REQUEST_TIMEOUT_MS wants milliseconds/);
    assert.match(configError({ HTTP_MAX_CONNECTIONS: '0' }), /HTTP_MAX_CONNECTIONS wants a whole number of connections/);
    assert.match(configError({ HTTP_HEADERS_TIMEOUT_MS: '9000', HTTP_REQUEST_TIMEOUT_MS: '5000' }), /HTTP_HEADERS_TIMEOUT_MS wants at most HTTP_REQUEST_TIMEOUT_MS/);
    assert.match(configError({ TRUSTED_PROXIES: '-1' }), /TRUSTED_PROXIES wants a whole number/);
    const both = configError({ PORT: 'eighty', TRUSTED_PROXIES: 'x' });
    assert.match(both, /PORT/);
    assert.match(both, /TRUSTED_PROXIES/);
  });

  it('requires an ADMIN_TOKEN of at least 32 characters, without echoing it', () => {
    for (const token of ['secret', 'a'.repeat(31), `${'a'.repeat(20)} ${'b'.repeat(20)}`]) {
      const message = configError({ ADMIN_TOKEN: token });
      assert.match(message, /ADMIN_TOKEN wants at least 32 characters/);
      assert.ok(!message.includes(token), 'the token is not printed');
    }
    assert.equal(loadConfig({ ADMIN_TOKEN: GOOD_TOKEN }).adminToken, GOOD_TOKEN);
  });

  it('main.ts stops at start-up with a short ADMIN_TOKEN, saying why on stderr', async () => {
    const { code, stdout, stderr } = await runMain({ ADMIN_TOKEN: 'hunter2-is-not-enough' });
    assert.equal(code, 1);
    assert.match(stderr, /ADMIN_TOKEN wants at least 32 characters/);
    assert.ok(!stderr.includes('hunter2'), 'the token is not printed');
    assert.doesNotMatch(stdout, /Mobilise API on/);
  });

  it('reads the mail settings, with defaults, and refuses bad ones naming the variable (never echoing SMTP_URL)', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.smtpUrl, undefined);
    assert.deepEqual([defaults.mail.holdHours, defaults.mail.reminderHours], [24, 24]);
    const config = loadConfig({
      SMTP_URL: 'smtps://user:pw@mail.example.org:465',
      MAIL_FROM: 'Training <training@example.org>',
      MAIL_REPLY_TO: 'organisers@example.org',
      DATA_CONTROLLER: 'Example CLP',
      PRIVACY_URL: 'https://example.org/privacy',
      HOLD_HOURS: '48',
      REMINDER_HOURS: '0',
    });
    assert.equal(config.smtpUrl, 'smtps://user:pw@mail.example.org:465');
    assert.deepEqual(config.mail, {
      from: 'Training <training@example.org>',
      replyTo: 'organisers@example.org',
      controller: 'Example CLP',
      privacyUrl: 'https://example.org/privacy',
      holdHours: 48,
      reminderHours: 0,
    });
    const bad = configError({ SMTP_URL: 'mail.example.org secret-password', HOLD_HOURS: '0', PRIVACY_URL: 'javascript:x', MAIL_FROM: 'nobody' });
    for (const name of ['SMTP_URL wants an smtp://', 'HOLD_HOURS wants hours', 'PRIVACY_URL wants', 'MAIL_FROM wants']) assert.ok(bad.includes(name), `${name} in ${bad}`);
    assert.ok(!bad.includes('secret-password'));
  });

  it('main.ts without SMTP_URL says that mail is not configured and keeps it in the outbox', async () => {
    const { stdout } = await runMain({ SMTP_URL: '' });
    assert.match(stdout, /Mail is not configured \(SMTP_URL is unset\): emails wait in the outbox table and are not sent\./);
    assert.match(stdout, /Mobilise API on/);
  });
});
