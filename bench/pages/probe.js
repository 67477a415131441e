// Loaded as a classic script before the widget bundle. Watches every shadow root
// as it is attached and records, with performance.now() (ms since navigation
// start), when the first catalogue card and the first calendar session appear in
// the DOM, and when the frame that first shows each has been drawn (`cataloguePainted`,
// `calendarPainted`: a task after that frame's paint); and every layout shift (Layout
// Instability API) from the start. Read back by bench/frontend.ts as window.__bench.
(() => {
  const marks = (window.__bench = { catalogue: undefined, calendar: undefined, shifts: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.shifts.push({ value: e.value, time: e.startTime, input: e.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
  // Long animation frames (untraced, so without tracing's overhead): printed with BENCH_VERBOSE=1.
  marks.frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      marks.frames.push({
        start: e.startTime,
        duration: e.duration,
        render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
        scripts: e.scripts.map((s) => `${s.invoker} ${s.duration.toFixed(1)}`).join(', '),
      });
  }).observe({ type: 'long-animation-frame', buffered: true });
  const targets = [
    ['MOBILISE-MODULE-CATALOGUE', 'catalogue', '[part~="card"]'],
    ['MOBILISE-SESSION-CALENDAR', 'calendar', '[part~="session"]'],
  ];
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    const target = targets.find(([tag]) => tag === this.tagName);
    if (target) {
      const [, name, selector] = target;
      const observer = new MutationObserver(() => {
        if (marks[name] === undefined && root.querySelector(selector)) {
          marks[name] = performance.now();
          performance.mark(`bench:${name}`);
          observer.disconnect();
          // In the DOM is not on screen yet: style, layout and paint come in the next frame; this task runs after it.
          requestAnimationFrame(() => setTimeout(() => (marks[`${name}Painted`] = performance.now())));
        }
      });
      observer.observe(root, { childList: true, subtree: true });
    }
    return root;
  };
})();
