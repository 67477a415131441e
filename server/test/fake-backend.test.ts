/**
 * The browser tests' fake backend (test/helpers/fake-backend.ts) must answer as
 * this server does: every scenario of test/helpers/api-scenarios.ts goes to both,
 * holding the same seed, and each answer must mean the same.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeBackend } from '../../test/helpers/fake-backend.js';
import { meaning, scenarios, type ApiRequest, type Seed } from '../../test/helpers/api-scenarios.js';
import { makeSessions, modules } from '../seed/programme.js';
import { ALLOWED_ORIGIN, dbTargets, NOW, useApp } from './harness.js';

const seed: Seed = { modules, sessions: makeSessions(NOW), now: NOW };

const parseJson = (text: string | undefined) => {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
};

for (const target of dbTargets()) {
  describe(`the fake backend answers as the server does [${target.name}]`, () => {
    const ctx = useApp(target);
    const fake = fakeBackend({ modules: seed.modules, sessions: seed.sessions, now: () => NOW, allowedOrigins: [ALLOWED_ORIGIN] });

    const real = ({ method, path, headers, body }: ApiRequest) => fetch(`${ctx.app.url}${path}`, { method, headers, body });
    const faked = ({ method, path, headers, body }: ApiRequest) => {
      const url = new URL(path, 'https://fake.mobilise.test');
      return fake.answer(method, url.pathname, { url, init: { method, headers, body }, body: parseJson(body) });
    };

    for (const scenario of scenarios) {
      it(scenario.name, async () => {
        const statuses: unknown[] = [];
        for (const [i, request] of scenario.requests(seed).entries()) {
          const server = await meaning(await real(request));
          const ours = await meaning(await faked(request));
          assert.deepEqual(ours, server, `request ${i + 1}: ${request.method} ${request.path} ${request.body?.slice(0, 300) ?? ''}`);
          statuses.push(server.status);
        }
        const expected = typeof scenario.statuses === 'function' ? scenario.statuses(seed) : scenario.statuses;
        assert.deepEqual(statuses, expected, 'the server answered as the scenario expects');
      });
    }
  });
}
