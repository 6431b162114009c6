// Runs before the page's own scripts (a context init script): remembers which elements get pointer
// listeners through addEventListener, so grounding can count a <div> with a click handler as clickable
// although nothing in the DOM says so. The set is keyed by a symbol, invisible to the page's enumerations.
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
})();
