import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '../src/elements/shared/task.js';

/** A host that only counts update requests: the controller is driven by hand. */
function fakeHost() {
  const host = {
    controllers: [] as ReactiveController[],
    updates: 0,
    addController(c: ReactiveController) {
      host.controllers.push(c);
    },
    removeController() {},
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  return host satisfies ReactiveControllerHost;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('Task (src/elements/shared/task.ts)', () => {
  it('runs when the args change, aborts the run it replaces and ignores its late result', async () => {
    const host = fakeHost();
    let args: readonly [string, number] = ['a', 1];
    const runs: { args: readonly [string, number]; signal: AbortSignal; d: ReturnType<typeof deferred<string>> }[] = [];
    const task = new Task(host, {
      args: () => args,
      task: (a, { signal }) => {
        const d = deferred<string>();
        runs.push({ args: a, signal, d });
        return d.promise;
      },
    });
    expect(host.controllers.length).to.equal(1);
    expect(task.status).to.equal('initial');

    task.hostUpdate();
    expect(task.status).to.equal('pending');
    task.hostUpdate(); // same args: no new run
    args = ['a', 1];
    task.hostUpdate(); // a new array, equal members: no new run
    expect(runs.length).to.equal(1);

    runs[0].d.resolve('first');
    await runs[0].d.promise;
    await Promise.resolve();
    expect([task.status, task.value]).to.deep.equal(['complete', 'first']);

    args = ['a', 2];
    task.hostUpdate();
    expect(runs.length).to.equal(2);
    expect([task.status, task.value], 'the last value stays while pending').to.deep.equal(['pending', 'first']);
    args = ['b', 2];
    task.hostUpdate();
    expect(runs.map((r) => r.signal.aborted)).to.deep.equal([false, true, false]);

    runs[2].d.resolve('third');
    await runs[2].d.promise;
    await Promise.resolve();
    runs[1].d.resolve('second (stale)');
    await runs[1].d.promise;
    await Promise.resolve();
    expect([task.status, task.value]).to.deep.equal(['complete', 'third']);
    expect(runs[2].args).to.deep.equal(['b', 2]);
  });

  it('reports errors, reruns on run(), calls onComplete before the new value is stored, and renders by status', async () => {
    const host = fakeHost();
    let fail = true;
    const seen: unknown[] = [];
    const task = new Task(host, {
      args: () => ['x'] as const,
      task: async () => {
        if (fail) throw new Error('boom');
        return 42;
      },
      onComplete: (v) => {
        seen.push([v, task.status, task.value]);
        throw new Error('ignored');
      },
    });
    const renderers = {
      initial: () => 'initial',
      pending: () => 'pending',
      complete: (v: number) => `complete ${v}`,
      error: (e: unknown) => `error ${(e as Error).message}`,
    };
    expect(task.render(renderers)).to.equal('initial');
    await task.run();
    expect([task.status, (task.error as Error).message, task.render(renderers)]).to.deep.equal(['error', 'boom', 'error boom']);
    fail = false;
    const running = task.run();
    expect(task.render(renderers)).to.equal('pending');
    await running;
    expect([task.status, task.value, task.error, task.render(renderers)]).to.deep.equal(['complete', 42, undefined, 'complete 42']);
    expect(seen).to.deep.equal([[42, 'pending', undefined]]);
    expect(host.updates).to.equal(4);
  });
});
