// Runs before the page's own scripts (a context init script), keyed by symbols the page does not
// enumerate:
// - which elements get pointer listeners through addEventListener, so grounding can count a <div>
//   with a click handler as clickable although nothing in the DOM says so;
// - which short timers are pending (a debounced search box, an autocomplete that opens 300 ms after a
//   key), so settling can wait for what an action scheduled instead of a fixed sleep. Only timers of
//   17–1000 ms, created by an action or by one of its timers (depth <= 1), count: a polling chain
//   does not hold the judge.
(() => {
  const key = Symbol.for("iwr.listeners");
  if (globalThis[key]) return;
  const seen = new WeakSet();
  Object.defineProperty(globalThis, key, { value: seen, enumerable: false });
  const POINTER = new Set(["click", "mousedown", "mouseup", "pointerdown", "pointerup", "touchstart", "touchend"]);
  const original = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (POINTER.has(type) && this instanceof Element) seen.add(this);
    return original.call(this, type, listener, options);
  };

  const timers = { pending: new Map(), depth: 0 };
  Object.defineProperty(globalThis, Symbol.for("iwr.timers"), { value: timers, enumerable: false });
  const set = globalThis.setTimeout, clear = globalThis.clearTimeout;
  globalThis.setTimeout = function (fn, delay, ...args) {
    const ms = Number(delay) || 0;
    if (typeof fn !== "function" || ms <= 16 || ms > 1000 || timers.depth > 1) return set.call(this, fn, delay, ...args);
    const depth = timers.depth + 1;
    const id = set.call(this, function (...a) {
      timers.pending.delete(id);
      const outer = timers.depth;
      timers.depth = depth;
      try { return fn.apply(this, a); } finally { timers.depth = outer; }
    }, delay, ...args);
    timers.pending.set(id, performance.now() + ms);
    return id;
  };
  globalThis.clearTimeout = function (id) {
    timers.pending.delete(id);
    return clear.call(this, id);
  };
})();
