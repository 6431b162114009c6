// Mutation testing (judge/mutants): a context init script, run before the page's own scripts, that
// names every event-handler registration stably across loads of the same page and either records which
// of them ran (discovery) or leaves exactly one of them out (a mutant, one behaviour missing).
//
// A registration's id: how it was made (listener = addEventListener, property = el.onclick = fn,
// attribute = onclick="..."), the event type, the target (window, document, #id or a CSS path taken
// when it was registered), a hash of the handler's source, and its ordinal among registrations with
// the same key. The ordinal counts the one left out too, so the ids after it do not shift.
// __CONFIG__ is replaced by {"record": bool, "skip": id or null}.
(() => {
  const key = Symbol.for("iwr.mutants");
  if (globalThis[key]) return;
  const config = __CONFIG__;
  const st = { step: -1, ran: {}, registered: 0, skipped: 0 };
  const early = new Set();
  Object.defineProperty(globalThis, key, { value: st, enumerable: false });
  const toSource = Function.prototype.toString;
  const hashes = new WeakMap();
  const counts = new Map();

  const fnv = (text) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(16).padStart(8, "0");
  };
  const source = (handler) => {
    const fn = typeof handler === "function" ? handler : handler && handler.handleEvent;
    if (typeof fn !== "function") return String(handler);
    try { return toSource.call(fn); } catch (e) { return "?"; }
  };
  const hashOf = (handler) => {
    if (typeof handler === "string") return fnv(handler);
    if (handler === null || (typeof handler !== "object" && typeof handler !== "function")) return "none";
    let h = hashes.get(handler);
    if (!h) { h = fnv(source(handler)); hashes.set(handler, h); }
    return h;
  };
  const nth = (el) => {
    let i = 1;
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === el.tagName) i++;
    return `${el.tagName.toLowerCase()}:nth-of-type(${i})`;
  };
  const path = (el) => {
    const parts = [];
    let n = el;
    for (; n && n.nodeType === 1; n = n.parentElement) {
      if (n.id) { parts.unshift(`#${n.id}`); return parts.join(">"); }
      parts.unshift(nth(n));
      if (!n.parentElement) break;
    }
    const root = n && n.parentNode;
    if (root && root.host) return `${path(root.host)}>>${parts.join(">")}`;
    if (!root || root.nodeType !== 9) return `detached:${parts.join(">")}`;
    return parts.join(">");
  };
  const describe = (target) => {
    if (target === globalThis) return "window";
    if (target && target.nodeType === 9) return target === document ? "document" : "a document";
    if (target && target.nodeType === 1) return path(target);
    return (target && target.constructor && target.constructor.name) || "object";
  };
  const register = (via, type, target, handler) => {
    const base = `${via}|${type}|${describe(target)}|${hashOf(handler)}`;
    const n = (counts.get(base) || 0) + 1;
    counts.set(base, n);
    st.registered++;
    return `${base}|${n}`;
  };
  const recorder = (id, via, type, target, handler) => {
    const info = { id, via, type, target: describe(target), source: source(handler).slice(0, 160) };
    return () => {
      if (st.step < 0) early.add(id);  // ran while the page loaded: leaving it out shows from the start
      else if (!(id in st.ran)) st.ran[id] = { ...info, step: st.step, early: early.has(id) };
    };
  };
  // The judge's own page.evaluate code registers a few listeners too (settle's scroll counter): those
  // are not the page's behaviour, so they take no id. The caller's frame then is code that Playwright's
  // UtilityScript.evaluate compiled, from a script without a URL: "(eval at evaluate (:370:30), ...".
  const fromJudge = () => /\(eval at evaluate \(:\d+:\d+\)/.test((new Error().stack || "").split("\n")[3] || "");
  const skip = (id) => {
    if (id !== config.skip) return false;
    st.skipped++;
    return true;
  };

  // addEventListener / removeEventListener. A repeat of a registration the target already holds is a
  // no-op natively: it takes no new id here either (in both modes, so the ids agree).
  const proto = EventTarget.prototype;
  const add = proto.addEventListener, remove = proto.removeEventListener;
  const slots = new WeakMap(); // target -> listener -> "type|capture" -> what was registered (null: skipped)
  const slot = (target, listener, type, options) => {
    const capture = typeof options === "boolean" ? options : !!(options && options.capture);
    let byListener = slots.get(target);
    if (!byListener) { byListener = new WeakMap(); slots.set(target, byListener); }
    let byType = byListener.get(listener);
    if (!byType) { byType = new Map(); byListener.set(listener, byType); }
    return [byType, `${type}|${capture}`];
  };
  const isHandler = (l) => !!l && (typeof l === "function" || typeof l === "object");
  proto.addEventListener = function (type, listener, options) {
    const self = this ?? globalThis;
    if (!isHandler(listener) || fromJudge()) return add.call(self, type, listener, options);
    const [byType, k] = slot(self, listener, type, options);
    if (byType.has(k)) {
      const registered = byType.get(k);
      return registered === null ? undefined : add.call(self, type, registered, options);
    }
    const id = register("listener", type, self, listener);
    if (skip(id)) { byType.set(k, null); return undefined; }
    let registered = listener;
    if (config.record) {
      const ran = recorder(id, "listener", type, self, listener);
      registered = function (event) {
        ran();
        return typeof listener === "function" ? listener.call(this, event) : listener.handleEvent(event);
      };
    }
    byType.set(k, registered);
    return add.call(self, type, registered, options);
  };
  proto.removeEventListener = function (type, listener, options) {
    const self = this ?? globalThis;
    if (isHandler(listener)) {
      const [byType, k] = slot(self, listener, type, options);
      if (byType.has(k)) {
        const registered = byType.get(k);
        byType.delete(k);
        return registered === null ? undefined : remove.call(self, type, registered, options);
      }
    }
    return remove.call(self, type, listener, options);
  };

  // el.onclick = fn (and document.onkeydown, window.onscroll...)
  const current = new WeakMap(); // target -> {prop: the page's own handler}, what the getter shows
  const hook = (owner) => {
    const descs = new Map(); // property -> the original accessor (they check the receiver's interface)
    if (!owner) return descs;
    for (const prop of Object.getOwnPropertyNames(owner)) {
      if (!prop.startsWith("on")) continue;
      const desc = Object.getOwnPropertyDescriptor(owner, prop);
      if (!desc || !desc.set || !desc.get || !desc.configurable) continue;
      descs.set(prop, desc);
      const type = prop.slice(2);
      Object.defineProperty(owner, prop, {
        configurable: true,
        enumerable: desc.enumerable,
        get() {
          const own = current.get(this);
          return own && prop in own ? own[prop] : desc.get.call(this);
        },
        set(handler) {
          let own = current.get(this);
          if (!own) { own = {}; current.set(this, own); }
          if (typeof handler !== "function" || fromJudge()) { delete own[prop]; return desc.set.call(this, handler); }
          const id = register("property", type, this, handler);
          own[prop] = handler;
          if (skip(id)) return desc.set.call(this, null);
          if (!config.record) return desc.set.call(this, handler);
          const ran = recorder(id, "property", type, this, handler);
          return desc.set.call(this, function (...args) { ran(); return handler.apply(this, args); });
        },
      });
    }
    return descs;
  };
  const html = hook(globalThis.HTMLElement && HTMLElement.prototype);
  const svg = hook(globalThis.SVGElement && SVGElement.prototype);
  hook(globalThis.Document && Document.prototype);
  hook(globalThis.Window && Window.prototype);
  hook(globalThis);

  // onclick="..." in the HTML or set as an attribute: seen by a MutationObserver before any input
  if (typeof MutationObserver !== "function" || typeof document === "undefined") return;
  const attrs = [...new Set([...html.keys(), ...svg.keys()])];
  const selector = attrs.map((a) => `[${a}]`).join(",");
  const handled = new WeakMap(); // element -> {attribute: value already handled}
  const handle = (el, name) => {
    const value = el.getAttribute(name);
    const desc = (globalThis.SVGElement && el instanceof SVGElement ? svg : html).get(name);
    if (value === null || !desc) return;
    let seen = handled.get(el);
    if (!seen) { seen = {}; handled.set(el, seen); }
    if (seen[name] === value) return;  // the same attribute reached twice (its node and an ancestor added)
    seen[name] = value;
    const id = register("attribute", name.slice(2), el, value);
    if (skip(id)) return desc.set.call(el, null);  // the attribute stays, its handler is gone
    if (!config.record) return;
    const compiled = desc.get.call(el);
    if (typeof compiled !== "function") return;
    const ran = recorder(id, "attribute", name.slice(2), el, value);
    desc.set.call(el, function (...args) { ran(); return compiled.apply(this, args); });
  };
  const sweep = (root) => {
    if (root.nodeType !== 1) return;
    const els = root.matches(selector) ? [root] : [];
    els.push(...root.querySelectorAll(selector));
    for (const el of els) for (const a of el.getAttributeNames()) if (attrs.includes(a)) handle(el, a);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") handle(r.target, r.attributeName);
      else for (const n of r.addedNodes) sweep(n);
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: attrs });
})();
