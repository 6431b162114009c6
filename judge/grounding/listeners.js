// Runs before the page's own scripts (a context init script), keyed by symbols the page does not
// enumerate:
// - which elements get pointer listeners through addEventListener, so grounding can count a <div>
//   with a click handler as clickable although nothing in the DOM says so;
// - which short timers are pending (a debounced search box, an autocomplete that opens 300 ms after a
//   key), so settling can wait for what an action scheduled instead of a fixed sleep. Only timers of
//   17–1000 ms, created by an action or by one of its timers (depth <= 1), count: a polling chain
//   does not hold the judge. While the judge holds timers (its own hover before an action, for the
//   baseline screenshot), the ones started then run only once the action is done: a person clicks on
//   arrival, before a menu's 250 ms show delay, and the judge's pause must not open it first;
// - which chains of animation frames are running (a jQuery `animate` scroll, a tween library): a
//   frame requested outside a frame callback starts a chain, one requested inside it continues that
//   chain, so settling can wait for a chain the action started to end, while a loop that ran before
//   the action (a game, a clock) does not hold the judge.
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

  const set = globalThis.setTimeout, clear = globalThis.clearTimeout;
  // raw: the judge's own waits; held: null, or the timers started while the judge holds them (id ->
  // due) and the callbacks of those that came due meanwhile
  const timers = { pending: new Map(), depth: 0, raw: set.bind(globalThis), held: null };
  Object.defineProperty(globalThis, Symbol.for("iwr.timers"), { value: timers, enumerable: false });
  globalThis.setTimeout = function (fn, delay, ...args) {
    const ms = Number(delay) || 0;
    if (typeof fn !== "function" || ms <= 16 || ms > 1000 || timers.depth > 1) return set.call(this, fn, delay, ...args);
    const depth = timers.depth + 1;
    const run = (self, a) => {
      const outer = timers.depth;
      timers.depth = depth;
      try { return fn.apply(self, a); } finally { timers.depth = outer; }
    };
    const id = set.call(this, function (...a) {
      timers.pending.delete(id);
      const held = timers.held;
      if (held && held.ids.delete(id)) { held.due.push(() => run(this, a)); return undefined; }
      return run(this, a);
    }, delay, ...args);
    (timers.held ? timers.held.ids : timers.pending).set(id, performance.now() + ms);
    return id;
  };
  globalThis.clearTimeout = function (id) {
    timers.pending.delete(id);
    timers.held?.ids.delete(id);
    return clear.call(this, id);
  };
  timers.hold = () => { timers.held ??= { ids: new Map(), due: [] }; };
  // the held timers not yet due are pending again; those that came due run now, each in its own task
  timers.release = () => {
    const held = timers.held;
    timers.held = null;
    if (!held) return 0;
    for (const [id, due] of held.ids) timers.pending.set(id, due);
    for (const callback of held.due) {
      const id = set.call(globalThis, () => { timers.pending.delete(id); callback(); }, 0);
      timers.pending.set(id, performance.now());
    }
    return held.ids.size + held.due.length;
  };

  const raf = globalThis.requestAnimationFrame, caf = globalThis.cancelAnimationFrame;
  if (typeof raf !== "function") return;
  // chain -> { started, pending }; a chain is gone once no frame of it is pending
  const frames = { chains: new Map(), byId: new Map(), current: null, next: 1, raw: raf.bind(globalThis) };
  Object.defineProperty(globalThis, Symbol.for("iwr.frames"), { value: frames, enumerable: false });
  const release = (chain) => {
    const c = frames.chains.get(chain);
    if (c && --c.pending <= 0) frames.chains.delete(chain);
  };
  globalThis.requestAnimationFrame = function (fn) {
    if (typeof fn !== "function") return raf.call(this, fn);
    const chain = frames.current ?? frames.next++;
    const c = frames.chains.get(chain) ?? { started: performance.now(), pending: 0 };
    c.pending++;
    frames.chains.set(chain, c);
    const id = raf.call(this, function (t) {
      frames.byId.delete(id);
      const outer = frames.current;
      frames.current = chain;
      try { return fn.call(this, t); } finally { frames.current = outer; release(chain); }
    });
    frames.byId.set(id, chain);
    return id;
  };
  globalThis.cancelAnimationFrame = function (id) {
    if (frames.byId.has(id)) { release(frames.byId.get(id)); frames.byId.delete(id); }
    return caf.call(this, id);
  };
})();
