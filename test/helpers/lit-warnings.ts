/**
 * Collects Lit's dev-mode warnings (change-in-update and the like; not the
 * "Lit is in dev mode" notice) so tests can fail on them. Messages still reach
 * the console.
 */
export function collectLitWarnings(): string[] {
  const found: string[] = [];
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    if (message.includes('lit.dev/msg') && !message.includes('lit.dev/msg/dev-mode')) found.push(message);
    warn(...args);
  };
  return found;
}
