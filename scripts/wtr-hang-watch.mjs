/**
 * Names the test a browser test file hung in. The page tells this plugin each
 * test's title as it starts (test/helpers/fail-fast.ts); a frozen page can tell
 * nothing afterwards, so when a file times out or its browser disconnects the
 * reporter prints the last title it heard, and the run fails with file + test named.
 */
const started = new Map();

export const hangWatchPlugin = {
  name: 'mobilise-hang-watch',
  executeCommand({ command, payload, session }) {
    if (command !== 'mobilise-test-started') return undefined;
    started.set(session.testFile, String(payload?.title ?? ''));
    return true;
  },
};

const HUNG = /did not finish|disconnected|timed out/i;

export const hangWatchReporter = {
  reportTestFileResults({ logger, sessionsForTestFile, testFile }) {
    const hung = sessionsForTestFile.some((s) => s.errors?.some((e) => HUNG.test(String(e.message))));
    if (!hung) return;
    const title = started.get(testFile);
    logger.error(
      `\n ⏱  ${testFile} hung${title ? ` in test "${title}"` : ' before its first test started'}: failing the file instead of waiting.\n`,
    );
  },
};
