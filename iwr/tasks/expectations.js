// Page-side probe for `expect` post-conditions; evaluated inside a function body, defines iwrProbe.
const iwrProbe = (() => {
  const norm = (s) => String(s ?? "").replace(/\s+/g, " ").trim().toLowerCase();
  const shown = (el) => {
    if (el && el.nodeType === 1 && !el.getClientRects().length && getComputedStyle(el).display === "contents") {
      // a slot or a 'display: contents' wrapper draws no box of its own: its text shows where its parent is
      return shown(el.parentElement || (el.getRootNode && el.getRootNode().host) || null);
    }
    if (!el || !el.getClientRects().length) return false;
    if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // How many sides of its box an element draws a border on (a field's own frame, a card's outline).
  const borderSides = (el) => {
    const s = getComputedStyle(el);
    return ["Top", "Right", "Bottom", "Left"].filter((side) => parseFloat(s[`border${side}Width`]) > 0 && s[`border${side}Style`] !== "none").length;
  };
  // A native select whose list the browser draws open (`:open` is unknown to older engines).
  const selectOpen = (el) => { try { return el.matches("select:open"); } catch (err) { return false; } };
  const inViewport = (r) => r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  // Visible text of an element, counting only rendered, non-transparent text nodes.
  const visibleText = (root, viewportOnly) => {
    const parts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.nodeValue.trim()) continue;
      const el = n.parentElement;
      if (!shown(el)) continue;
      if (viewportOnly) {
        const range = document.createRange();
        range.selectNodeContents(n);
        if (!Array.from(range.getClientRects()).some(inViewport)) continue;
      }
      parts.push(n.nodeValue);
    }
    return norm(parts.join(" "));
  };
  const fieldHint = (el) => {
    const bits = [el.placeholder, el.getAttribute("aria-label"), el.name, el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.innerText, el.closest("label")?.innerText];
    return norm(bits.filter(Boolean).join(" "));
  };
  const scrollState = () => {
    const se = document.scrollingElement || document.documentElement;
    let best = { x: 0, y: 0 };
    for (const el of document.querySelectorAll("*")) {
      if (el === se || el === document.body) continue;
      if (el.scrollTop + el.scrollLeft > best.x + best.y) best = { x: el.scrollLeft, y: el.scrollTop };
    }
    return { winX: se.scrollLeft, winY: se.scrollTop, innerX: best.x, innerY: best.y };
  };
  const checks = {
    text_visible: (s) => {
      const text = visibleText(document.body, s.in_viewport);
      const ok = text.includes(norm(s.text));
      return { ok, observed: ok ? s.text : text.slice(0, 400), reason: ok ? "" : `no visible text contains "${s.text}"` };
    },
    text_absent: (s) => {
      const text = visibleText(document.body, false);
      const ok = !text.includes(norm(s.text));
      return { ok, observed: ok ? null : s.text, reason: ok ? "" : `"${s.text}" is still visible` };
    },
    input_value: (s) => {
      const fields = Array.from(document.querySelectorAll("input, textarea, select")).filter(shown);
      const hint = norm(s.field);
      const candidates = hint ? fields.filter((f) => fieldHint(f).includes(hint)) : fields;
      const values = candidates.map((f) => (f.tagName === "SELECT" ? f.selectedOptions[0]?.text || f.value : f.value));
      const want = norm(s.value);
      const ok = values.some((v) => (want ? norm(v).includes(want) : norm(v) === ""));
      return { ok, observed: values, reason: ok ? "" : `no visible field${hint ? ` matching "${s.field}"` : ""} shows "${s.value}"` };
    },
    count: (s) => {
      const want = norm(s.text);
      const matches = Array.from(document.body.querySelectorAll("*")).filter((el) => shown(el) && visibleText(el, false).includes(want));
      const innermost = matches.filter((el) => !matches.some((o) => o !== el && el.contains(o)));
      const ok = innermost.length === s.count;
      return { ok, observed: innermost.length, reason: ok ? "" : `${innermost.length} visible items contain "${s.text}", expected ${s.count}` };
    },
    scrolled: (s, before) => {
      const now = scrollState();
      const b = { winX: 0, winY: 0, innerX: 0, innerY: 0, ...before };
      const dy = Math.max(Math.abs(now.winY - b.winY), Math.abs(now.innerY - b.innerY)) * Math.sign((now.winY - b.winY) || (now.innerY - b.innerY));
      const dx = Math.max(Math.abs(now.winX - b.winX), Math.abs(now.innerX - b.innerX)) * Math.sign((now.winX - b.winX) || (now.innerX - b.innerX));
      const moved = { down: dy > 0, up: dy < 0, right: dx > 0, left: dx < 0 }[s.direction];
      return { ok: moved, observed: { dx, dy }, reason: moved ? "" : `the view did not scroll ${s.direction}` };
    },
  };
  return { scrollState, check: (spec, before) => checks[spec.kind](spec, before), visibleText, shown, borderSides, selectOpen };
})();
