// Page-side reader for the assertion-text verdicts (judge/assertions/); evaluated after
// iwr/tasks/expectations.js inside a function body, defines iwrLook. Read-only: it marks nothing.
const iwrLook = (() => {
  const html = document.documentElement;
  const FULL = { l: -1e9, t: -1e9, r: 1e9, b: 1e9 };
  const CHECKS = "input[type=checkbox], input[type=radio], [role=checkbox], [role=switch], [role=radio], [role=menuitemcheckbox], [role=menuitemradio]";
  const ROWS = "li, tr, [role=row], [role=listitem], [role=option], [role=treeitem], label";
  const parentOf = (e) => e.parentElement || (e.getRootNode && e.getRootNode().host) || null;
  const meet = (a, b) => ({ l: Math.max(a.l, b.left ?? b.l), t: Math.max(a.t, b.top ?? b.t), r: Math.min(a.r, b.right ?? b.r), b: Math.min(a.b, b.bottom ?? b.b) });
  const style = new Map();
  const cs = (e) => { let s = style.get(e); if (!s) { s = getComputedStyle(e); style.set(e, s); } return s; };
  const clipMemo = { view: new Map(), page: new Map() };
  // Region in which the content of `e` can be seen: every overflow-clipping box in its containing-block
  // chain. On the whole page (`page`), boxes a person can scroll (overflow auto/scroll) do not clip.
  const contentClip = (e, page) => {
    if (!e || e === document.body || e === html || e.nodeType !== 1) return FULL;
    const memo = clipMemo[page ? "page" : "view"];
    if (memo.has(e)) return memo.get(e);
    const s = cs(e);
    let up = parentOf(e);
    if (s.position === "fixed" || s.position === "absolute") {
      const fixed = s.position === "fixed";
      while (up && up !== document.body && up !== html) {
        const u = cs(up);
        if (u.transform !== "none" || (fixed ? u.filter !== "none" : u.position !== "static")) break;
        up = parentOf(up);
      }
    }
    let box = contentClip(up, page);
    const clips = (o) => (page ? o === "hidden" || o === "clip" : o !== "visible");
    if (clips(s.overflowX) || clips(s.overflowY)) box = meet(box, e.getBoundingClientRect());
    memo.set(e, box);
    return box;
  };
  const view = () => ({ l: 0, t: 0, r: innerWidth, b: innerHeight });
  // While a same-origin frame's document is read: where its viewport lies on the screen (dx, dy) and the
  // part of the screen it shows through (`view`; `page`: anywhere on the page, scrolled away included).
  let frame = null;
  const shiftedRect = (r) => { const v = shifted(r); return { left: v.l, top: v.t, right: v.r, bottom: v.b }; };
  const shifted = (r) => {
    const [l, t, rr, b] = [r.left ?? r.l, r.top ?? r.t, r.right ?? r.r, r.bottom ?? r.b];
    return frame ? { l: l + frame.dx, t: t + frame.dy, r: rr + frame.dx, b: b + frame.dy } : { l, t, r: rr, b };
  };
  const seenRect = (r, el, page) => {
    let v = meet(page ? meet(FULL, shifted(r)) : meet(view(), shifted(r)), shifted(contentClip(el, page)));
    if (frame) v = meet(v, page ? frame.page : frame.view);
    return v.r - v.l > 1 && v.b - v.t > 1;
  };
  const where = (rects, el) => {
    const inView = rects.some((r) => seenRect(r, el, false));
    return { inView, onPage: inView || rects.some((r) => seenRect(r, el, true)) };
  };
  const isField = (e) => !!e && e.nodeType === 1 && (e.matches("textarea, select, [contenteditable=''], [contenteditable=true]") || iwrFrames.editable(e)
    || (e.matches("input") && !["checkbox", "radio", "button", "submit", "reset", "image", "file", "range", "color", "hidden"].includes(e.type)));
  const isCheck = (e) => !!e && e.nodeType === 1 && e.matches(CHECKS);
  const fieldValue = (e) => iwrFrames.docOf(e) ? iwrFrames.text(e) : e.matches("select") ? (e.selectedOptions[0]?.text || e.value || "")
    : e.matches("input") && NATIVE_EMPTY[e.type] ? nativeShown(e) : e.matches("input, textarea") ? e.value : e.innerText;
  // What Chromium (en-US) draws in a date or time field: its format while empty ('mm/dd/yyyy'), the date
  // as mm/dd/yyyy and the time on a 12-hour clock when set (the value, ISO, as well)
  const NATIVE_EMPTY = { date: "mm/dd/yyyy", "datetime-local": "mm/dd/yyyy, --:-- --", time: "--:-- --" };
  const clock = (t) => { const [h, m] = t.split(":").map(Number); return `${String(h % 12 || 12).padStart(2, "0")}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`; };
  const nativeShown = (e) => {
    if (!e.value) return NATIVE_EMPTY[e.type];
    const [day, time] = e.value.split("T");
    const date = (d) => { const [y, m, dd] = d.split("-"); return `${m}/${dd}/${y}`; };
    const shown = e.type === "time" ? clock(e.value) : e.type === "date" ? date(day) : `${date(day)}, ${clock(time || "00:00")}`;
    return `${shown} ${e.value}`;
  };
  // What a person sees in a text field that draws no frame of its own, melted into a painted wrapper with
  // the tags it made (a tag input: 'red', 'green', 'blue' beside the box it types in): the wrapper's
  // text with the value, when the wrapper holds no other field and is not much taller than the field.
  const paint = (e) => { const c = getComputedStyle(e).backgroundColor; return /^rgba\(.*,\s*0\)$/.test(c) || c === "transparent" ? "" : c; };
  const shownInField = (e) => {
    const value = fieldValue(e);
    if (!e.matches("input, textarea") || iwrProbe.borderSides(e)) return value;
    const own = paint(e), h = e.getBoundingClientRect().height;
    for (let a = e.parentElement, d = 0; a && a !== document.body && d < 4; a = a.parentElement, d++) {
      const fill = paint(a);
      if (!iwrProbe.borderSides(a) && !fill) continue;
      if (own && fill !== own) return value;
      const fields = Array.from(a.querySelectorAll("input, textarea, select, [contenteditable]")).filter(isField);
      const fits = a.getBoundingClientRect().height <= Math.max(6 * h, 120);
      return fields.length === 1 && fits ? `${a.innerText} ${value}` : value;
    }
    return value;
  };

  const { allRoots, FIELDS, wordsOf, namesOf, within } = iwrFieldNames;

  // Text a person can see in the viewport. `seen` (presence) adds placeholders, alt text and
  // aria-labels/titles of visible elements; `strict` (absence) is rendered text and field values only;
  // `rendered` is the rendered text alone (what appears: a typed value that becomes a card is not new);
  // `boxes` is what is drawn in the viewport: rendered text, field values, and placeholders of empty fields.
  // Text nodes and CSS-generated text (::before/::after) are read in document order, so a label and
  // the number a stylesheet draws after it ("Latest version: 0.5.9") read as one phrase. A text node
  // drawn right where the previous one ends, on its line, continues its word (a search match an
  // autocomplete highlights: "<b>Gra</b>ce Hopper" reads "Grace Hopper").
  // `lines` and `pageLines` are the rendered text in the order a person reads the screen: line by
  // line from the top, left to right (a right-to-left menu lists its last item first in the DOM)
  const read = () => {
    const seen = [], strict = [], page = [], rendered = [], boxes = [], pieces = [], lists = [];
    let icons = 0;  // icon-font glyphs a stylesheet draws in view
    let prev = null;
    const put = (text, at, glue = false, rect = null) => {
      const add = (list) => { if (glue) list[list.length - 1] += text; else list.push(text); };
      if (at.onPage) add(page);
      if (at.inView) { add(seen); add(strict); add(rendered); add(boxes); }
      if (glue && pieces.length) pieces[pieces.length - 1].text += text;
      else if (rect && at.onPage) pieces.push({ text, top: rect.top, bottom: rect.bottom, left: rect.left, inView: at.inView });
      if (!glue) prev = null;
    };
    const inLines = (list, between = "\n") => {
      const lines = [];
      for (const p of [...list].sort((a, b) => a.top - b.top)) {
        const line = lines[lines.length - 1];
        const overlap = line ? Math.min(line.bottom, p.bottom) - Math.max(line.top, p.top) : 0;
        if (line && overlap > 0.5 * Math.min(line.bottom - line.top, p.bottom - p.top)) {
          line.items.push(p);
          line.bottom = Math.max(line.bottom, p.bottom);
        } else lines.push({ top: p.top, bottom: p.bottom, items: [p] });
      }
      const said = (p) => (between === "\n" ? p.text : p.text.replace(/\s+/g, " "));
      return lines.map((l) => l.items.sort((a, b) => a.left - b.left).map(said).join(between)).join("\n");
    };
    // A box of no height whose text spills out of it, drawn all the same (a colour picker's 'Material'
    // title in an <h6> of height 0): shown when nothing clips the overflow and the text has a size.
    const overflows = (el, rects) => {
      if (!el.getClientRects().length || !rects.some((r) => r.width > 0 && r.height > 0)) return false;
      if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const s = getComputedStyle(el);
      return s.overflowX === "visible" && s.overflowY === "visible";
    };
    // On its line: the same top, or most of the smaller one's height shared (typeset maths: the
    // lowered E of 'TeX', a raised '2'); touching, or kerned into the previous glyph.
    const continues = (rects, at, text) => {
      if (!(prev && rects.length && prev.at.onPage === at.onPage && prev.at.inView === at.inView
        && /\S$/.test(prev.text) && /^\S/.test(text))) return false;
      const r = rects[0], p = prev.rect, gap = r.left - p.right;
      const shared = Math.min(r.bottom, p.bottom) - Math.max(r.top, p.top);
      const oneLine = Math.abs(r.top - p.top) < 2 || shared > 0.5 * Math.min(r.height, p.height);
      return oneLine && gap < 1.5 && gap > -Math.max(1.5, 0.25 * Math.max(r.height, p.height));
    };
    // A smaller digit raised against what it continues is an exponent: read as one ('x²', 'm²').
    const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    const size = (el) => parseFloat(getComputedStyle(el).fontSize) || 0;
    const raised = (rects, text, el) => /^\d+$/.test(text) && prev
      && rects[0].bottom < prev.rect.bottom - 0.2 * prev.rect.height && size(el) < 0.85 * size(prev.el)
      ? text.replace(/\d/g, (d) => SUPERSCRIPT[+d]) : text;
    const readRoot = (root) => {
      const after = [];
      const close = (n) => {
        while (after.length && !after[after.length - 1].el.contains(n)) {
          const { text, at } = after.pop();
          if (text) put(text, at);
        }
      };
      const walker = (root.ownerDocument || document).createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
        acceptNode: (n) => n.nodeType === 1 && n.matches("script, style, noscript, template, option, head")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        close(n);
        if (n.nodeType === 1 && n.matches("select, input") && !/^(hidden|password|checkbox|radio|file|image)$/.test(n.type)
            && iwrProbe.shown(n)) {
          // a field inside a sentence reads in its place, for presence: "Show [10] entries" is one phrase
          const v = fieldValue(n);
          const at = where([n.getBoundingClientRect()], n.parentElement || n);
          if (v && at.onPage) page.push(v);
          if (v && at.inView) seen.push(v);
          prev = null;
          continue;
        }
        if (n.nodeType === 1) {
          const made = iwrGenerated(n);
          if (!made.before && !made.after && !made.icon) continue;
          const at = iwrProbe.shown(n) ? where([n.getBoundingClientRect()], n) : { onPage: false, inView: false };
          if (made.icon && at.inView) icons += 1;
          if (made.before) put(made.before, at);
          after.push({ el: n, text: made.after, at });
          continue;
        }
        if (!n.nodeValue.trim()) { prev = null; continue; }
        const el = n.parentElement;
        if (!el) continue;
        const range = n.ownerDocument.createRange();
        range.selectNodeContents(n);
        const rects = Array.from(range.getClientRects());
        if (!iwrProbe.shown(el) && !overflows(el, rects)) continue;
        const at = where(rects, el);
        const glued = continues(rects, at, n.nodeValue);
        put(glued ? raised(rects, n.nodeValue, el) : n.nodeValue, at, glued, rects.length ? shiftedRect(rects[0]) : null);
        prev = rects.length ? { rect: rects[rects.length - 1], at, text: n.nodeValue, el } : null;
      }
      prev = null;
      close(root);
      for (const el of root.querySelectorAll("input, textarea, select, img[alt], [aria-label], [title], [placeholder]")) {
        if (!iwrProbe.shown(el)) continue;
        const at = where([el.getBoundingClientRect()], el.parentElement || el);
        if (!at.onPage) continue;
        const texts = [];
        if (el.matches("input, textarea, select") && el.type !== "hidden") {
          // a password's dots are not its text, but an empty one shows its placeholder as any field does
          const v = el.type === "password" ? ""
            : el.matches("input[type=button], input[type=submit], input[type=reset]") ? el.value : fieldValue(el);
          if (v) { texts.push(v); if (at.inView) { strict.push(v); boxes.push(v); } }
          if (el.matches("select") && at.inView) lists.push(v);
          else if (el.placeholder && !el.value) { texts.push(el.placeholder); if (at.inView) boxes.push(el.placeholder); }
        }
        for (const attr of ["alt", "aria-label", "title"]) {
          const v = el.getAttribute(attr);
          if (v) texts.push(v);
        }
        if (iwrProbe.selectOpen(el)) {
          // a native select's open list is drawn by the browser over the page: its choices are on screen
          const choices = Array.from(el.options, (o) => o.label || o.text).filter(Boolean).slice(0, 30);
          texts.push(...choices);
          if (at.inView) strict.push(...choices);
        }
        page.push(...texts);
        if (at.inView) seen.push(...texts);
      }
      // a drop-down the page draws itself: what its closed box shows (a combobox's role, or a small box whose
      // class says it is one: Selectric's 'selectric', a 'dropdown-toggle')
      const DRAWN_LISTS = "[role=combobox], [aria-haspopup=listbox], [class*=select i], [class*=dropdown i], [class*=combo i]";
      for (const el of root.querySelectorAll(DRAWN_LISTS)) {
        const r = el.getBoundingClientRect(), text = el.matches("input") ? el.value : el.innerText || "";
        if (r.height < 80 && text.length < 80 && iwrProbe.shown(el) && where([r], el.parentElement || el).inView) lists.push(text);
      }
    };
    // A same-origin frame's document is read where its viewport lies, through the part of the screen the
    // frame shows (its content box, and what clips the frame itself)
    const readFrame = (f) => {
      const s = cs(f), r = f.getBoundingClientRect();
      const [pl, pt, pr, pb] = [s.paddingLeft, s.paddingTop, s.paddingRight, s.paddingBottom].map((v) => parseFloat(v) || 0);
      const l = r.left + f.clientLeft + pl, t = r.top + f.clientTop + pt;
      const box = shifted({ l, t, r: l + f.clientWidth - pl - pr, b: t + f.clientHeight - pt - pb });
      const outer = frame;
      const clip = (onPage) => meet(onPage ? (outer ? outer.page : FULL) : (outer ? outer.view : view()), shifted(contentClip(f, onPage)));
      const inner = { dx: box.l, dy: box.t, view: meet(clip(false), box), page: clip(true) };
      frame = inner;
      prev = null;
      try { readDocument(iwrFrames.docOf(f).body); } finally { frame = outer; prev = null; }
    };
    const readDocument = (body) => {
      for (const root of allRoots(body)) readRoot(root);
      for (const root of allRoots(body)) for (const f of iwrFrames.framesIn(root)) readFrame(f);
    };
    readDocument(document.body || html);
    // The browser's own bubble over a field a submit found invalid ("Please fill out this field."): it
    // shows over the field the browser focused, which is not the page's text.
    const focused = document.activeElement;
    if (focused && focused.willValidate && focused.validationMessage && focused.matches(":invalid") && iwrProbe.shown(focused)) {
      seen.push(focused.validationMessage);
      page.push(focused.validationMessage);
    }
    return { seen: seen.join("\n"), page: page.join("\n"), strict: strict.join("\n"), rendered: rendered.join("\n"),
      icons, boxes: boxes.join("\n"), lists, lines: inLines(pieces.filter((p) => p.inView)), pageLines: inLines(pieces),
      rows: inLines(pieces.filter((p) => p.inView), "\t") };
  };

  const norm = (s) => String(s ?? "").replace(/\s+/g, " ").trim().toLowerCase();
  const rowText = (e) => norm(e.closest(ROWS)?.innerText || parentOf(e)?.innerText || "").slice(0, 200);
  const keyOf = (e) => e && { id: e.id || "", aria: e.getAttribute("aria-label") || "", name: e.getAttribute("name") || "",
    placeholder: e.getAttribute("placeholder") || "", row: rowText(e) };
  const checkOf = (e) => {
    if (!e || e.nodeType !== 1) return null;
    if (isCheck(e)) return e;
    if (e.control && isCheck(e.control)) return e.control;
    const label = e.closest("label");
    if (label && label.control && isCheck(label.control)) return label.control;
    const inner = Array.from(e.querySelectorAll(CHECKS));
    if (inner.length === 1) return inner[0];
    const row = e.closest(ROWS);
    if (row) {
      const inRow = Array.from(row.querySelectorAll(CHECKS));
      if (inRow.length === 1) return inRow[0];
    }
    return null;
  };
  // The same control after the page re-rendered it: same id, else same aria-label, name or
  // placeholder, else the same row text; only when exactly one element fits.
  const refind = (key, selector) => {
    if (!key) return null;
    const all = Array.from(document.querySelectorAll(selector));
    for (const test of [
      (e) => key.id && e.id === key.id,
      (e) => key.aria && e.getAttribute("aria-label") === key.aria,
      (e) => key.name && e.getAttribute("name") === key.name && (!key.placeholder || e.getAttribute("placeholder") === key.placeholder),
      (e) => key.placeholder && e.getAttribute("placeholder") === key.placeholder,
      (e) => key.row && rowText(e) === key.row,
    ]) {
      const hits = all.filter(test);
      if (hits.length === 1) return hits[0];
      if (hits.length > 1) return null;
    }
    return null;
  };

  // A field the assertion names ("the City field"): `iwrFieldNames.matching`. The field acted on wins
  // when it is one of them.
  // The value of the only field in view, if there is exactly one ("the calculator's display box shows
  // '7'" after a click on the '7' key, whose label shows '7' too); null otherwise.
  const soleField = () => {
    const found = [];
    for (const root of allRoots(document.body || html)) for (const f of root.querySelectorAll(FIELDS)) {
      if (!isField(f) || f.type === "hidden" || !iwrProbe.shown(f) || !where([f.getBoundingClientRect()], f.parentElement || f).inView) continue;
      found.push(f);
      if (found.length > 1) return null;
    }
    return found.length === 1 ? fieldValue(found[0]) : null;
  };
  // The values of the text fields in view in reading order: "the upper box", "the second box is empty".
  const fieldsInView = () => {
    const found = [];
    for (const root of allRoots(document.body || html)) for (const f of root.querySelectorAll(FIELDS)) {
      if (!isField(f)) continue;
      if (iwrProbe.shown(f) && where([f.getBoundingClientRect()], f.parentElement || f).inView) found.push(f);
    }
    const at = (f) => f.getBoundingClientRect();
    // a field drawn under another in the same place (an autocomplete's grey hint box) is not one a person sees
    const under = (f) => { const r = at(f); const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!hit && hit !== f && !f.contains(hit) && found.some((g) => g !== f && (g === hit || g.contains(hit))); };
    found.splice(0, found.length, ...found.filter((f) => !under(f)));
    return inReadingOrder(found);
  };
  const inReadingOrder = (found) => {
    const at = (f) => f.getBoundingClientRect();
    found.sort((a, b) => Math.abs(at(a).top - at(b).top) > Math.min(at(a).height, at(b).height) / 2
      ? at(a).top - at(b).top : at(a).left - at(b).left);
    return found.slice(0, 12).map((f) => { const box = drawnBox(f); return fieldValue(f) + (box ? "\n" + box.innerText : ""); });
  };
  // The fields of each box around the field acted on, innermost first, in reading order: "the bottom
  // field shows '#11223c'" after typing in a panel's top field is the panel's bottom field, though
  // another panel's fields show further down the screen.
  const fieldsAround = (f) => {
    const out = [];
    let n = 1;
    for (let a = f && parentOf(f), d = 0; a && a !== document.body && d < 8; a = parentOf(a), d++) {
      const held = [...a.querySelectorAll(FIELDS)].filter((g) => isField(g) && g.type !== "hidden" && iwrProbe.shown(g));
      if (held.length > n) { out.push(inReadingOrder(held)); n = held.length; }
    }
    return out;
  };
  // A borderless field inside the box drawn for it (a tags input: the tags and the field in one bordered
  // box): "the first box still shows 'Clean'" reads the box.
  const drawnBox = (f) => {
    if (iwrProbe.borderSides(f)) return null;
    for (let a = f.parentElement, d = 0; a && a !== document.body && d < 3; a = a.parentElement, d++) {
      if (iwrProbe.borderSides(a) >= 3) return Array.from(a.querySelectorAll(FIELDS)).filter((g) => iwrProbe.shown(g)).length === 1 ? a : null;
    }
    return null;
  };
  const named = (name, acted) => {
    const want = wordsOf(name);
    let hits = iwrFieldNames.matching(name, isField);
    const ordered = hits.slice(0, 12).map(fieldValue);  // in the page's order: "the first 'Beast:' box"
    if (acted && hits.includes(acted)) hits = [acted];
    return { found: hits.length > 0, values: hits.slice(0, 5).map(fieldValue), ordered, checks: namedChecks(want) };
  };
  // A checkbox the assertion names ("a ticked 'displayOutline' box"): by the names a field has, or the
  // short text of the row or box around it (a library's label is often a sibling of the box's wrapper).
  const rowLabel = (e) => {
    for (let a = parentOf(e), d = 0; a && a !== document.body && d < 4; a = parentOf(a), d++) {
      const t = (a.innerText || "").trim();
      if (t) return t.length < 60 && a.querySelectorAll(CHECKS).length === 1 ? [wordsOf(t)] : [];
    }
    return [];
  };
  const checkState = (c) => c.matches("input") ? c.checked : c.getAttribute("aria-checked") === "true";
  const namedChecks = (want) => {
    const exact = [], part = [];
    if (want.length) for (const root of allRoots(document.body || html)) for (const c of root.querySelectorAll(CHECKS)) {
      const names = [...namesOf(c), ...rowLabel(c)];
      if (names.some((n) => n.join(" ") === want.join(" "))) exact.push(c);
      else if (names.some((n) => within(n, want))) part.push(c);
    }
    return (exact.length ? exact : part).slice(0, 5).map(checkState);
  };

  return ({ el, press, key, fields, placed }) => {
    let acted = el && el.isConnected ? el : null;
    if (press && !acted) {
      const a = document.activeElement;
      acted = a && a !== document.body && a !== html ? a : null;
    }
    let field = isField(acted) ? acted : null;
    if (!field && !acted && key?.field) field = refind(key.field, "input, textarea, select, [contenteditable]");
    let check = checkOf(acted);
    if (!check && key?.check && !(acted && press)) check = refind(key.check, CHECKS);
    const state = check ? (check.matches("input") ? check.checked : check.getAttribute("aria-checked") === "true") : null;
    return {
      ...read(),
      sole: soleField(),
      inView: placed ? fieldsInView() : [],
      around: placed && field ? fieldsAround(field) : [],
      acted: { field: !!field, value: field ? fieldValue(field) : "", shown: field ? shownInField(field) : "", checked: state, open: !!field && iwrProbe.selectOpen(field) },
      key: { field: field ? keyOf(field) : key?.field || null, check: check ? keyOf(check) : key?.check || null },
      named: Object.fromEntries((fields || []).map((n) => [n, named(n, field)])),
    };
  };
})();
