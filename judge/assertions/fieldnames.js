// Fields by the name a person reads for them, shared by the page reader (assertions.js) and the finder
// of things named without a quote (things.js: "its red message"); evaluated inside a function body.
const iwrFieldNames = (() => {
  function* allRoots(root) {
    yield root;
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) yield* allRoots(el.shadowRoot);
  }
  const FIELDS = "input, textarea, select, [contenteditable=''], [contenteditable=true]";
  const wordsOf = (s) => String(s ?? "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/['’]/g, "")
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const namesOf = (e) => {
    const out = Array.from(e.labels || [], (l) => l.innerText || l.textContent);
    for (const id of (e.getAttribute("aria-labelledby") || "").split(/\s+/)) {
      const x = id && document.getElementById(id);
      if (x) out.push(x.textContent);
    }
    for (const a of ["aria-label", "placeholder", "name", "id", "title"]) out.push(e.getAttribute(a));
    const prev = e.previousElementSibling;
    if (prev && !prev.matches(FIELDS) && (prev.innerText || "").length < 60) out.push(prev.innerText);
    // a form laid out as a table: the header cell before the field's own cell ("<th>Bar Text:<td><input>")
    const cell = e.closest("td, th, [role=gridcell], [role=cell]");
    const before = cell && cell.querySelectorAll(FIELDS).length === 1 ? cell.previousElementSibling : null;
    if (before && !before.querySelector(FIELDS) && (before.innerText || "").length < 60) out.push(before.innerText);
    return out.filter(Boolean).map(wordsOf);
  };
  const within = (hay, want) => hay.some((_, i) => i + want.length <= hay.length && want.every((w, k) => hay[i + k] === w));
  // The fields so named ("the City field"): by label, aria-label(ledby), placeholder, name, id, title
  // or the short text right before it; whole-name matches first, then fields whose name holds the words
  // in order (a code name holding them, 'target-text-hint' of another demo, is no label a person reads).
  const matching = (name, isField) => {
    const want = wordsOf(name);
    const exact = [], part = [];
    if (want.length) for (const root of allRoots(document.body || document.documentElement)) for (const f of root.querySelectorAll(FIELDS)) {
      if (!isField(f) || f.type === "hidden") continue;
      const names = namesOf(f);
      const code = ["name", "id"].map((a) => wordsOf(f.getAttribute(a) || "").join(" "));
      if (names.some((n) => n.join(" ") === want.join(" "))) exact.push(f);
      else if (names.some((n) => within(n, want) && !code.includes(n.join(" ")))) part.push(f);
    }
    return exact.length ? exact : part;
  };
  return { allRoots, FIELDS, wordsOf, namesOf, within, matching };
})();
