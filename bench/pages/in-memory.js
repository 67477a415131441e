// bench/pages/load.html with no network wait for the data (bench/frontend.ts serves it as
// /bench/in-memory.html): /v1/modules and /v1/sessions are fetched first, before the embed's script
// is even asked for, and the embed's own requests for them are answered from memory. What the load
// page's "script request → first card" would be if the data cost nothing: the embed's own start-up
// and first drawing, the floor for issue 15's target 1 under any change to when or how the data is
// fetched.
(async () => {
  const paths = ['/v1/modules', '/v1/sessions'];
  const bodies = await Promise.all(paths.map((p) => fetch(p, { headers: { accept: 'application/json' } }).then((r) => r.text())));
  const fetchFromNetwork = window.fetch;
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    // Only the two requests fetched above (the JSON-LD, asked for later with a query, goes out).
    const i = url.origin === location.origin && !url.search ? paths.indexOf(url.pathname) : -1;
    return i < 0 ? fetchFromNetwork(input, init) : Promise.resolve(new Response(bodies[i], { headers: { 'content-type': 'application/json' } }));
  };
  const script = document.createElement('script');
  script.type = 'module';
  script.src = '/dist/mobilise.js';
  document.head.append(script);
})();
