// The embed's module evaluation alone, in a fresh page without its elements (bench/frontend.ts reads
// window.__startUp): every module it imports statically is fetched and compiled first through
// modulepreload, so import() only evaluates (the first Intl object and its ICU data included).
const time = async (fn) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
const loaded = (href) =>
  new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href });
    link.onload = resolve;
    link.onerror = () => reject(new Error(`modulepreload ${href} failed`));
    document.head.append(link);
  });

(async () => {
  // Every module the embed imports statically, found by reading them (their names carry hashes).
  const seen = new Set();
  const walk = async (href) => {
    if (seen.has(href)) return;
    seen.add(href);
    const text = await (await fetch(href)).text();
    for (const m of Array.from(text.matchAll(/\bimport\s*"(\.[^"]+)"|\bfrom\s*"(\.[^"]+)"/g)))
      await walk(new URL(m[1] ?? m[2], new URL(href, location.href)).pathname);
  };
  await walk('/dist/mobilise.js');
  await Promise.all([...seen].map(loaded));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const evaluate = await time(() => import('/dist/mobilise.js'));
  window.__startUp = { evaluate, modules: seen.size };
})().catch((error) => (window.__startUp = { error: String(error) }));
