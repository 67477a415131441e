/** A guarantee a bench checks after its run, and the check every signup bench shares. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** One log line per request (warm-up included), in the log's format, without personal data. */
export function logCheck(logs: string[], requests: number): Check {
  const format = /^POST \/v1\/signups \d{3} \d+ms$/;
  const leaks = logs.filter((line) => !format.test(line) || line.includes('@') || /bench[._]/.test(line)).length;
  return {
    name: 'request log: one line per request, no personal data',
    ok: logs.length === requests && leaks === 0,
    detail: `${logs.length} lines for ${requests} requests (warm-up included), ${leaks} off-format or with personal data`,
  };
}
