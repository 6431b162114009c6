// Page-side finder for the things an assertion names without quoting their text (judge/assertions/
// things.py); evaluated after iwr/tasks/expectations.js inside a function body, defines iwrThings.
// Read-only: elements are handed back to Python as handles, the page is never marked.
const iwrThings = (() => {
  const html = document.documentElement;
  const norm = (s) => String(s ?? "").replace(/[\s'’]+/g, " ").trim().toLowerCase();
  const parentOf = (e) => e.parentElement || (e.getRootNode && e.getRootNode().host) || null;
  const words = (s) => String(s ?? "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const tokens = (e) => words([e.id, e.getAttribute("class"), e.getAttribute("aria-label"), e.getAttribute("alt"),
    e.getAttribute("title"), e.getAttribute("role"), e.getAttribute("data-testid"), e.localName,
    e.localName === "img" ? (e.getAttribute("src") || "").split("/").pop().replace(/\.\w+$/, "") : ""].join(" "));  // 'star-off.png'
  const has = (e, list) => tokens(e).some((t) => list.some((w) => t === w || (w.length >= 4 && t.startsWith(w))));
  const all = () => {
    const out = [];
    const walk = (root) => { for (const e of root.querySelectorAll("*")) { out.push(e); if (e.shadowRoot) walk(e.shadowRoot); } };
    walk(document.body || html);
    return out;
  };
  const opacity = (e) => { let o = 1; for (let a = e; a && a.nodeType === 1; a = parentOf(a)) o *= parseFloat(getComputedStyle(a).opacity) || 0; return o; };
  const inView = (e) => {
    const r = e.getBoundingClientRect();
    const w = Math.min(r.right, innerWidth) - Math.max(r.left, 0), h = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
    return w > 2 && h > 2 && !clippedAway(e, r);
  };
  // Whether a box that clips its overflow (a picker's wheel, a scrolled list) hides all of the element: a
  // row scrolled out of the wheel is not seen. A fixed element escapes every box; an absolute one, the
  // boxes inside its containing block.
  const escapes = (s) => (s.position === "fixed" ? "fixed" : s.position === "absolute" ? "absolute" : "");
  const clippedAway = (e, r) => {
    let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
    let out = escapes(getComputedStyle(e));
    for (let a = e.parentElement; a && a !== document.body && a !== html && out !== "fixed"; a = a.parentElement) {
      const s = getComputedStyle(a);
      const contains = s.position !== "static" || s.transform !== "none";
      if (out === "absolute" && !contains) continue;
      const q = a.getBoundingClientRect();
      if (s.overflowX !== "visible") [left, right] = [Math.max(left, q.left), Math.min(right, q.right)];
      if (s.overflowY !== "visible") [top, bottom] = [Math.max(top, q.top), Math.min(bottom, q.bottom)];
      if (right - left <= 2 || bottom - top <= 2) return true;
      out = escapes(s) || (s.transform !== "none" ? "" : out === "absolute" ? "" : out);
    }
    return false;
  };
  const visible = (e) => !!e && e.isConnected && iwrProbe.shown(e) && inView(e) && opacity(e) > 0.05;
  const floating = (e) => {
    for (let a = e, d = 0; a && a !== document.body && d < 3; a = parentOf(a), d++) {
      const p = getComputedStyle(a).position;
      if (p === "absolute" || p === "fixed") return true;
    }
    return false;
  };
  const covers = (e) => {
    const s = getComputedStyle(e);
    if (s.position !== "fixed" && s.position !== "absolute") return false;
    const r = e.getBoundingClientRect();
    return r.width * r.height >= 0.3 * innerWidth * innerHeight;
  };
  // A layer fixed along the screen's right side, most of its height (a settings panel slid in): a panel,
  // whatever the page calls it.
  const drawer = (e) => {
    if (getComputedStyle(e).position !== "fixed") return false;
    // not a page's own navigation kept along its side (a docs page's table of contents)
    if (e.matches("nav, [role=navigation]") || e.querySelector("nav, [role=navigation]")) return false;
    if (e.querySelectorAll("a[href]").length >= 8) return false;
    const r = e.getBoundingClientRect();
    // along the right side (a page's own column on the left, a docs page's contents, is its layout)
    return r.right >= innerWidth - 1 && r.left > 0.3 * innerWidth && r.height >= 0.6 * innerHeight && r.width >= 0.1 * innerWidth;
  };
  // The kinds of things said to close: roles and tags that are one, words of their class / id /
  // aria-label, and for dialogs and overlays any fixed layer over a good part of the viewport.
  const KINDS = {
    dialog: { sel: "dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]", words: ["dialog", "modal", "popup", "lightbox", "popover"], cover: true },
    overlay: { sel: "[aria-modal=true]", words: ["overlay", "backdrop", "scrim", "mask", "modal", "lightbox"], cover: true },
    menu: { sel: "[role=menu], [role=listbox], nav, [role=navigation]", words: ["menu", "dropdown", "flyout", "submenu", "popover"], lists: true },
    list: { sel: "[role=listbox], [role=menu]", words: ["autocomplete", "suggest", "typeahead", "dropdown", "listbox", "menu", "combobox"], lists: true },
    panel: { sel: "[role=tabpanel], details[open], aside, [role=dialog]", words: ["panel", "drawer", "sidebar", "sheet", "offcanvas", "pane", "collapse"], drawer: true },
    banner: { sel: "[role=alert], [role=status], [role=alertdialog]", words: ["banner", "toast", "notification", "snackbar", "alert", "message", "notice", "callout", "cookie", "error", "err", "warning", "flash", "invalid", "feedback", "help"] },
    tooltip: { sel: "[role=tooltip]", words: ["tooltip", "popover", "tip", "hint", "bubble"] },
    calendar: { sel: "", words: ["datepicker", "calendar", "picker"] },
  };
  // An element of that kind by its role or tag, or by the words of its class / id / aria-label.
  // A control whose class names the thing it opens (an 'aside-menu-toggler' button) is not that thing;
  // a tooltip's host is (a stylesheet's tooltip is drawn by the control itself).
  const CONTROLS = "button, input, select, textarea, [role=button], summary, a[href]";
  const isKind = (e, k) => !!(k.sel && e.matches(k.sel)) || (has(e, k.words) && (k === KINDS.tooltip || !e.matches(CONTROLS)));
  // Every visible element of the page's body.
  const shownNow = () => all().filter((e) => !e.matches("html, body, head, script, style") && visible(e));
  // Whether a visible element draws anything: text, a picture, a control, a shape in an svg (a board's
  // marker frame), its own paint or a ::before / ::after (an icon font's glyph). An empty result box
  // with only padding (jsonlint's <pre id="result">) is not seen until it fills and paints.
  const DRAWN = "img, svg, canvas, video, picture, iframe, input, select, textarea, button, hr, progress, meter";
  const draws = (e) => {
    if (e instanceof SVGElement || (e.textContent || "").trim() || e.matches(DRAWN) || e.querySelector(DRAWN)) return true;
    const s = getComputedStyle(e);
    const bg = s.backgroundColor !== "rgba(0, 0, 0, 0)" && s.backgroundColor !== "transparent";
    return bg || iwrProbe.borderSides(e) > 0 || s.backgroundImage !== "none" || s.boxShadow !== "none" || drawsMark(e, "::before") || drawsMark(e, "::after");
  };
  const ARROWISH = new Set(["arrow", "chevron", "caret", "triangle"]);
  const drawnNow = () => shownNow().filter(draws);
  // Every visible element of that kind (nested ones too: any of them hidden after the step counts).
  // `kind`: one or more kinds, space-separated ("panel menu": a "dropdown panel").
  const shownOf = (kind) => {
    const ks = String(kind).split(" ").map((n) => KINDS[n]).filter(Boolean);
    if (!ks.length) return [];
    return shownNow().filter((e) => !topBar(e) && ks.some((k) => (
      isKind(e, k) || (k.cover && covers(e)) || (k.drawer && drawer(e))
      || (k.lists && e.matches("ul, ol") && floating(e))))).slice(0, 40);
  };
  // The page's bar across the top (a phone layout's navigation bar, its menu folded into it): always
  // there, not a menu that opens and closes ("the menu is closed" after a tap on the site's name in it)
  const topBar = (e) => {
    const r = e.getBoundingClientRect();
    return r.top <= 2 && r.width >= 0.9 * innerWidth && r.height <= 120 && e.matches("nav, header, [role=navigation], [role=banner]");
  };
  // A stylesheet's tooltip (hint.css) is its host's ::before / ::after, drawn while the mouse is over it:
  // the hosts that drew one before the step are the tooltips shown, and one is gone when it is not drawn.
  const drawsTip = (e) => drawsMark(e, "::before") || drawsMark(e, "::after");
  const shownWithText = (kind) => {
    const els = shownOf(kind);
    return { els, had: els.map((e) => !!norm(e.innerText)), tips: kind === "tooltip" ? els.map(drawsTip) : [], top: els.map(onTop), size: els.map(boxArea), was: els.map(placeOf) };
  };
  // "its red message", "the help text under it": of those, the ones nearest the field they are said to
  // belong to (`owner`: its name, "" the field acted on); none near it, all of them (a form shows one
  // message per field; another field's message going is not this one going).
  const OWNED_GAP = 120;
  const gap = (a, b) => {
    const r = a.getBoundingClientRect(), s = b.getBoundingClientRect();
    return Math.hypot(Math.max(0, r.left - s.right, s.left - r.right), Math.max(0, r.top - s.bottom, s.top - r.bottom));
  };
  const ownedBy = (found, owner, el) => {
    if (owner === null || owner === undefined || found.els.length < 2) return found;
    const fields = owner ? iwrFieldNames.matching(owner, (f) => iwrProbe.shown(f)) : el ? [el] : [];
    if (!fields.length) return found;
    // a wrapper holding the field (a form group marked 'has-error') is where the message is, not the message
    const d = found.els.map((e) => (fields.some((f) => e.contains(f)) ? Infinity : Math.min(...fields.map((f) => gap(e, f)))));
    const best = Math.min(...d);
    if (best > OWNED_GAP) return found;
    const keep = (_, i) => d[i] <= best + 8;
    return Object.fromEntries(Object.entries(found).map(([key, list]) => [key, list.length === d.length ? list.filter(keep) : list]));
  };
  // Those, and the floating layer the element acted on sits in (what a click inside a picker closes): a
  // side layer the page keeps (a fixed panel) is not all the step may close
  const shownOrClosed = ({ kind, el, owner }) => {
    const found = ownedBy(shownWithText(kind), owner, el);
    const closed = closedBy(el);
    closed.els.forEach((e, i) => {
      if (found.els.includes(e)) return;
      found.els.push(e);
      found.had.push(closed.had[i]);
      found.top.push(closed.top[i]);
      found.size.push(boxArea(e));
      found.was.push(placeOf(e));
      if (found.tips.length) found.tips.push(false);
    });
    return found;
  };
  // "the dark 'Instructions' box": the block the quoted text titles, the nearest ancestor of the text
  // drawn as a box of its own (a background unlike its parent's, a border, a shadow, a floating layer)
  // and larger than the text.
  const boxed = (e) => {
    const s = getComputedStyle(e), up = parentOf(e);
    const bg = s.backgroundColor, back = up ? getComputedStyle(up).backgroundColor : "";
    const painted = bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent" && bg !== back;
    return painted || iwrProbe.borderSides(e) >= 3 || s.boxShadow !== "none" || s.position === "fixed" || s.position === "absolute";
  };
  // a short word drawn in a box of its own, inline among others (a tag, a chip, a badge)
  const tagLike = (e) => { const s = getComputedStyle(e);
    return boxed(e) && s.display.startsWith("inline") && e.getBoundingClientRect().height < 48; };
  const titled = ({ text, noun }) => {
    const shows = showing(text);
    let hits = all().filter((e) => visible(e) && shows(e) && !Array.from(e.children).some(shows));
    const exact = hits.filter((e) => norm(e.innerText) === norm(text));
    if (exact.length) hits = exact;
    const blocks = [];
    for (const hit of hits.slice(0, 5)) {
      const own = area(hit);
      const region = CONTROL_NOUNS.has(noun) ? null : toggled(hit);
      if (region) { blocks.push(region); continue; }  // "the 'Design' section closes": what its header opens
      if (tagLike(hit)) { blocks.push(hit); continue; }  // "the 'Fresh' tag is gone": the tag drawn around its word
      for (let a = parentOf(hit), d = 0; a && a !== document.body && a !== html && d < 8; a = parentOf(a), d++) {
        if (visible(a) && area(a) >= 2 * own && boxed(a)) { blocks.push(a); break; }
      }
    }
    return { els: blocks, had: blocks.map(() => false) };
  };
  // An accordion's header (a toggle that says whether it is expanded, a <summary>) titles a section whose
  // header stays when it closes: the part that goes is the region it opens, shown before the step.
  const CONTROL_NOUNS = new Set(["button", "link", "tab", "bar", "header", "heading", "title", "label", "toggle"]);
  const toggled = (hit) => {
    for (let a = hit, d = 0; a && a !== document.body && d < 3; a = parentOf(a), d++) {
      if (a.tagName === "SUMMARY" && a.parentElement?.open) {
        const rest = [...a.parentElement.children].filter((c) => c !== a && visible(c));
        return rest.length === 1 ? rest[0] : null;
      }
      if (!a.hasAttribute("aria-expanded")) continue;
      const ids = (a.getAttribute("aria-controls") || "").split(/\s+/).filter(Boolean);
      const root = a.getRootNode();
      const region = ids.length ? (root.getElementById ? root.getElementById(ids[0]) : null) : a.nextElementSibling;
      return region && visible(region) && !region.hasAttribute("aria-expanded") ? region : null;
    }
    return null;
  };
  // "Click the '×' of the 'Color Palettes' panel; the panel closes": a thing of no kind the page names,
  // closed by a control inside it, is the floating box around that control (not a bar it sits in).
  const CLOSERS = ["close", "dismiss", "cancel"];
  const closer = (e) => {
    for (let a = e, d = 0; a && a !== document.body && d < 3; a = parentOf(a), d++) {
      const t = norm(a.innerText || a.value || "");
      if (/^[×✕✖✗x]$/.test(t) || ["close", "cancel", "done", "dismiss"].includes(t) || has(a, CLOSERS)) return true;
    }
    return false;
  };
  const closedBy = (el) => {
    const none = { els: [], had: [] };
    if (!el || !el.isConnected || !closer(el)) return none;
    const own = Math.max(area(el), 1);
    for (let a = parentOf(el), d = 0; a && a !== document.body && a !== html && d < 8; a = parentOf(a), d++) {
      const p = getComputedStyle(a).position;
      if ((p !== "absolute" && p !== "fixed") || !visible(a) || !boxed(a) || area(a) < 4 * own) continue;
      if (area(a) > 0.9 * innerWidth * innerHeight || a.matches(BARS)) return none;
      return { els: [a], had: [false], top: [onTop(a)] };
    }
    return none;
  };
  // Hidden, or emptied of the text it had (an error line whose message is cleared).
  const boxArea = (e) => { const r = e.getBoundingClientRect(); return r.width * r.height; };
  // What an element is and where it was, to know it again if the page draws it anew
  const placeOf = (e) => { const r = e.getBoundingClientRect(); return { sig: e.tagName + "." + e.className, x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height }; };
  const deepAt = (x, y) => {
    let hit = document.elementFromPoint(x, y);
    while (hit && hit.shadowRoot) { const inner = hit.shadowRoot.elementFromPoint(x, y); if (!inner || inner === hit) break; hit = inner; }
    return hit;
  };
  // Removed and drawn again where it was, the same kind of element of about its size (a picker's popup
  // re-rendered by a click that closed and reopened it): not gone
  const drawnAnew = (e, was) => {
    if (e.isConnected || !was || was.x < 0 || was.y < 0 || was.x > innerWidth || was.y > innerHeight) return false;
    for (let a = deepAt(was.x, was.y); a && a !== html; a = parentOf(a)) {
      if (a.tagName + "." + a.className !== was.sig) continue;
      const r = a.getBoundingClientRect();
      return Math.abs(r.width - was.w) <= 0.2 * was.w && Math.abs(r.height - was.h) <= 0.2 * was.h;
    }
    return false;
  };
  // `scrolled`: the step scrolled the page, so what it carried out of the viewport is gone from view
  const hiddenCount = ({ els, had, tips, top, size, was }, scrolled = false) => {
    if ((tips || []).some(Boolean)) return els.filter((e, i) => tips[i] && (!visible(e) || !drawsTip(e))).length;
    // or covered again by the page it had slid away from (an off-canvas menu), or folded by a quarter of
    // its size or more (a navbar whose menu collapses into it)
    const folded = (e, i) => !!(size && size[i]) && boxArea(e) < 0.75 * size[i];
    const away = (e, i) => (scrolled || !scrolledPast(e)) && (!visible(e) || (top && top[i] && !onTop(e)));
    const gone = (e, i) => away(e, i) || (had[i] && !norm(e.innerText)) || folded(e, i);
    return els.filter((e, i) => !drawnAnew(e, was && was[i]) && gone(e, i)).length;
  };
  // Shown where it was on the page, the window scrolled away from it by a click (a link to an anchor further
  // down): not gone. A layer slid beyond the page's edges, or a fixed one off the screen, is.
  const scrolledPast = (e) => {
    if (!e || !e.isConnected || !iwrProbe.shown(e) || opacity(e) <= 0.05 || inView(e)) return false;
    for (let a = e; a && a !== html; a = parentOf(a)) if (getComputedStyle(a).position === "fixed") return false;
    const r = e.getBoundingClientRect(), top = r.top + scrollY, left = r.left + scrollX;
    const page = document.scrollingElement || html;
    return r.width > 2 && r.height > 2 && top + r.height > 0 && left + r.width > 0 && top < page.scrollHeight && left < page.scrollWidth;
  };

  // The element whose look an assertion describes: the one showing `text`, else the nearest of those
  // a noun names (the element acted on, an ancestor or descendant of it first), else the one acted on.
  const FIELDS = "input:not([type=hidden]):not([type=button]):not([type=submit]), textarea, select, [contenteditable=true]";
  // what a person calls a field: a box to write in or choose from, not a radio button or checkbox
  // ("every field turns red" after a submit: the name and e-mail boxes, not the 'Other' radio beside it)
  const TEXT_FIELDS = FIELDS.replace("input:", "input:not([type=radio]):not([type=checkbox]):not([type=range]):");
  const BARS = "nav, header, [role=navigation], [role=banner], [role=toolbar], [role=menubar]";
  const NOUNS = {
    photo: "img, picture, canvas, svg, [role=img]", image: "img, picture, canvas, svg, [role=img]",
    drawing: "svg, canvas, img, [role=img]", illustration: "svg, canvas, img, [role=img]", graphic: "svg, canvas, img",
    picture: "img, picture, canvas, [role=img]", img: "img", thumbnail: "img", avatar: "img",
    button: "button, [role=button], input[type=button], input[type=submit]", row: "tr, [role=row], li",
    link: "a[href], [role=link]", cell: "td, th, [role=gridcell], [role=cell]", tab: "[role=tab]",
    heading: "h1, h2, h3, h4, h5, h6", title: "h1, h2, h3, h4, h5, h6", item: "li, [role=listitem], [role=option], [role=menuitem]",
    icon: "svg, i", checkbox: "input[type=checkbox], [role=checkbox]", radio: "input[type=radio], [role=radio]",
    card: "article", table: "table",
    field: TEXT_FIELDS, box: FIELDS, input: FIELDS, entry: TEXT_FIELDS,
    bar: BARS, toolbar: BARS, navbar: BARS, header: BARS, strip: BARS,
    board: "canvas, table, [role=grid]", grid: "canvas, table, [role=grid]",  // a game's board drawn on a canvas
    // a line of text in an editor ("the second line becomes a task item"), not a control whose title says 'line'
    line: "[contenteditable] > *, .CodeMirror-line, .cm-line, .ace_line",
  };
  // What a checkbox or radio button draws when on, said of the label naming it; the box drawn for its
  // control (a hidden input styled by a wrapper, as iCheck draws it), found from the label.
  const CONTROL_MARKS = new Set(["tick", "check", "checkmark", "dot"]);
  const boxOf = (label) => {
    const control = label && label.control;
    if (!control || !control.matches("input[type=checkbox], input[type=radio]")) return null;
    for (let a = control, d = 0; a && d < 3; a = parentOf(a), d++) {
      const r = a.getBoundingClientRect();
      if (a.contains(label) || r.width * r.height > 80 * 80) return null;
      if (visible(a) && r.width >= 6 && r.height >= 6) return a;
    }
    return null;
  };
  // A textless drawn box right after a label (a colour picker's 'Preview' and its swatch): what "the
  // 'Preview' box" is, when the label itself is no box
  const BOXY = new Set(["box", "square", "swatch", "area", "rectangle", "well", "frame"]);
  const boxUnder = (label) => {
    if (label.matches(FIELDS)) return null;
    const next = label.nextElementSibling;
    return next && visible(next) && !norm(next.innerText) && draws(next) && area(next) >= 400 ? next : null;
  };
  // "the 'Marketing' card": the block around the text holding several lines (its name, its details)
  const CARDS = new Set(["card", "tile"]);
  const cardLike = (e) => { const r = e.getBoundingClientRect();
    return r.width >= 60 && r.height >= 60 && norm(e.innerText).length > 0 && (e.innerText || "").trim().split(/\n+/).length >= 2; };
  const GENERIC = new Set(["button", "link", "element", "control", "option", "item", "box", "entry", "field", "input",
    "label", "text", "word", "choice", "answer", "one", "tab"]);
  const GLYPHS = { star: /[★☆⭐]/, heart: /[♥♡❤]/ };
  // a same-origin frame one types into (a rich-text editor's iframe) is a box to write in
  const TYPED_IN = new Set(["field", "box", "input", "entry", "editor", "area", "textarea"]);
  const matches = (e, w) => {
    const one = w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w;  // "both fields": a field
    if ((NOUNS[w] && e.matches(NOUNS[w])) || (NOUNS[one] && e.matches(NOUNS[one]))) return true;
    if (TYPED_IN.has(one) && iwrFrames.editable(e)) return true;
    if (one === "line") return false;  // only by what it is (above), never by a word of its class or title
    if (has(e, [w, one])) return true;
    const g = GLYPHS[one];
    return !!g && e.children.length === 0 && g.test(e.textContent || "") && (e.textContent || "").trim().length <= 3;
  };
  const centre = (e) => { if (Array.isArray(e)) return e; const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
  const nearest = (list, to) => {
    if (!to || list.length < 2) return list[0] || null;
    const [x, y] = centre(to);
    return list.map((e) => [Math.hypot(centre(e)[0] - x, centre(e)[1] - y), e]).sort((a, b) => a[0] - b[0])[0][1];
  };
  const alike = (a, b) => a.localName === b.localName && (a.getAttribute("class") || "").split(/\s+/)[0] === (b.getAttribute("class") || "").split(/\s+/)[0];
  const groupOf = (e) => {
    for (let a = e, d = 0; a && parentOf(a) && a !== document.body && d < 3; a = parentOf(a), d++) {
      const kin = Array.from(parentOf(a).children).filter((x) => alike(x, a));
      if (kin.length >= 3) return parentOf(a);
    }
    return null;
  };
  // "its column cells are pale yellow" after a click on a table's header: the first of the cells under
  // it in view (a column is no one element)
  const columnCell = (e) => {
    const head = e.closest("th");
    const table = head && head.closest("table");
    if (!table || !head.parentElement) return null;
    const at = head.cellIndex;
    const rows = Array.from(table.tBodies).flatMap((b) => Array.from(b.rows));
    return rows.map((r) => r.cells[at]).find((c) => c && visible(c) && c.getBoundingClientRect().top >= 0) || null;
  };
  // Whether at least three children of `group` stand level with the one holding `e` (a row of marks).
  const levelRow = (group, e) => {
    let item = e;
    while (item && parentOf(item) !== group) item = parentOf(item);
    if (!item) return false;
    const r = item.getBoundingClientRect();
    const level = Array.from(group.children).filter((x) => {
      const q = x.getBoundingClientRect();
      return q.height > 0 && Math.abs(q.top + q.height / 2 - (r.top + r.height / 2)) <= Math.max(r.height, q.height) / 2;
    });
    return level.length >= 3;
  };
  // "the stars": a rating drawn by nested elements of one name (rater-js's 'star-value' fill inside its
  // 'star-rating'), the outermost of them drawn on the same line.
  const widest = (e, w) => {
    let out = e;
    for (let a = parentOf(e), d = 0; a && a !== document.body && d < 3; a = parentOf(a), d++) {
      const [r, q] = [out.getBoundingClientRect(), a.getBoundingClientRect()];
      if (!matches(a, w) || q.height > Math.max(r.height * 1.5, r.height + 8)) break;
      out = a;
    }
    return out;
  };
  // The quoted text as a whole word or phrase, and a test of an element's rendered text for it.
  const wordRe = (text) => {
    const esc = norm(text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp("(^|[^\\p{L}\\p{N}])" + esc + "($|[^\\p{L}\\p{N}])", "u");
  };
  const showing = (text) => { const re = wordRe(text); return (e) => re.test(norm(e.innerText)); };
  // Top to bottom, then left to right: boxes whose tops lie within half the smaller height share a line.
  const readingOrder = (a, b) => { const [ra, rb] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
    return Math.abs(ra.top - rb.top) > Math.min(ra.height, rb.height) / 2 ? ra.top - rb.top : ra.left - rb.left; };
  // "the third dot is filled": the nth of the alike things of that kind nearest the element acted on, in
  // reading order
  const nthOf = (w, nth, acted) => {
    const hits = all().filter((e) => visible(e) && matches(e, w));
    const near = nearest(hits, acted);
    if (!near) return null;
    const group = groupOf(near);
    const kin = group ? Array.from(group.querySelectorAll("*")).filter((x) => visible(x) && alike(x, near)) : hits;
    const order = kin.sort(readingOrder);
    return order.at(nth) || null;
  };
  // "the arrow buttons at the top right turn black": of the things so named, those in that part of the
  // screen, the one nearest its corner; said as many, the group of alike ones around it
  const placed = (nouns, place, acted) => {
    const sides = place.split(" ");
    const at = (e) => { const [x, y] = centre(e); const [u, v] = [x / innerWidth, y / innerHeight];
      return sides.every((s) => ({ top: v < 0.4, bottom: v > 0.6, left: u < 0.4, right: u > 0.6 })[s]); };
    const toward = (e) => { const [x, y] = centre(e);
      return sides.reduce((d, s) => d + ({ top: y, bottom: innerHeight - y, left: x, right: innerWidth - x })[s], 0); };
    for (const w of nouns) {
      const hits = all().filter((e) => visible(e) && matches(e, w) && at(e));
      if (!hits.length) continue;
      const many = w.length > 3 && w.endsWith("s");
      if (!many && acted && hits.includes(acted)) return acted;
      const first = hits.sort((a, b) => toward(a) - toward(b))[0];
      const group = many ? groupOf(first) : null;
      return group && hits.filter((e) => group.contains(e)).length >= 2 ? group : first;
    }
    return null;
  };
  // "the white '2' is highlighted" of a move drawn as an SVG disc with its number: the shape the text is
  // drawn on (its box holds what a highlight around it changes), when one no larger than a badge is
  const drawnOn = (e) => {
    if (!e || !(e instanceof SVGTextElement || e instanceof SVGTSpanElement) || !e.ownerSVGElement) return e;
    const r = e.getBoundingClientRect();
    const [x, y] = centre(e);
    const fits = (q) => q.left <= x && x <= q.right && q.top <= y && q.bottom >= y
      && q.width * q.height <= Math.max(12 * r.width * r.height, 900);
    const shapes = Array.from(e.ownerSVGElement.querySelectorAll("circle, ellipse, rect, polygon, path"))
      .filter((q) => visible(q) && fits(q.getBoundingClientRect()));
    return shapes.sort((a, b) => area(a) - area(b))[0] || e;
  };
  // "the 'hamburger--minus' icon" of a page that lays its icons and their labels side by side in one
  // container: the textless drawn thing on the label's line, next to it (whole: its drawn parts' holder)
  const ICONISH = new Set(["icon", "icons", "symbol", "glyph"]);
  const besideIcon = (label) => {
    const r = label.getBoundingClientRect(), cy = r.top + r.height / 2, small = 0.05 * innerWidth * innerHeight;
    const free = (e) => !e.contains(label) && !label.contains(e) && !norm(e.innerText) && area(e) <= small;
    const level = (e) => { const q = e.getBoundingClientRect();
      return q.top <= cy && q.bottom >= cy && Math.max(q.left - r.right, r.left - q.right) <= 3 * Math.max(r.height, 16); };
    const climb = (e) => { let a = e;
      while (parentOf(a) && parentOf(a) !== document.body && free(parentOf(a))) a = parentOf(a);
      return a; };
    const found = all().filter((e) => visible(e) && free(e) && draws(e)).map(climb).filter(level);
    return nearest(Array.from(new Set(found)), label);
  };
  // "the 'node-0-1-0' box is now blue", "the 'Step 1' circle shows a paler blue": a small mark the page
  // draws beside its label (a tree's checkbox) or above it (a stepper's circle), not the label's text
  const MARKISH = new Set(["box", "checkbox", "circle", "dot", "square", "bullet", "radio", "toggle", "switch"]);
  const MARK_SIDE = 48;
  const markOf = (label) => {
    const small = (e) => { const q = e.getBoundingClientRect();
      return q.width >= 6 && q.height >= 6 && q.width <= 2 * MARK_SIDE && q.height <= MARK_SIDE; };  // a mark's own row
    const beside = besideIcon(label);
    if (beside && small(beside)) return beside;
    const r = label.getBoundingClientRect(), cx = r.left + r.width / 2;
    const above = all().filter((e) => visible(e) && small(e) && !norm(e.innerText) && !e.contains(label) && draws(e))
      .filter((e) => { const q = e.getBoundingClientRect();
        return q.left <= cx && q.right >= cx && q.bottom <= r.top + 2 && r.top - q.bottom <= 2 * Math.max(r.height, 16); });
    return above.length ? nearest(above, label) : null;
  };
  // "'Step 1' is now dark blue": a colour said of a plain label inside a control whose only other part is a
  // drawn mark (a stepper's link: its circle and its title) is the mark's
  const markOfPlain = (label) => {
    const s = getComputedStyle(label);
    const [r, g, b] = (s.color.match(/[\d.]+/g) || []).map(Number);
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) return null;  // a coloured text is its own look
    let box = label;
    for (let d = 0; box && d < 3 && !box.matches("a, button, [role=tab], [role=button], li"); d++) box = parentOf(box);
    if (!box || !box.matches("a, button, [role=tab], [role=button], li") || draws(box) && norm(box.innerText) !== norm(label.innerText)) return null;
    const mark = markOf(label);
    return mark && box.contains(mark) ? mark : null;
  };
  // "the middle 'information'", "the rightmost 'tab'": whether the element (or the box holding it, up to
  // three levels) holds that place in its own row of alike siblings, in reading order
  // (a state class, 'li.active', does not set the selected tab apart from its row)
  const STATE = /^(?:is-|has-)?(?:active|selected|current|on|open|checked|focus|focused|hover|highlighted|expanded)$/i;
  const layoutOf = (x) => [x.localName, ...(x.getAttribute("class") || "").split(/\s+/).filter((w) => w && !STATE.test(w)).slice(0, 1)].join(".");
  const holds = (e, among) => {
    for (let a = e, d = 0; a && parentOf(a) && a !== document.body && d < 4; a = parentOf(a), d++) {
      const kin = Array.from(parentOf(a).children).filter((x) => layoutOf(x) === layoutOf(a) && visible(x));
      if (kin.length < 2) continue;
      kin.sort(readingOrder);
      const i = kin.indexOf(a);
      if (among === "middle") return kin.length % 2 === 1 && i === (kin.length - 1) / 2;
      const n = Number(among);
      return n < 0 ? i === kin.length + n : i === n;
    }
    return false;
  };
  // "under 'Rating : (Default)' the row now shows three red stars": the things of that kind nearest the
  // text, a row of alike ones when they stand level
  const againstText = (by, nouns) => {
    const label = nearest(all().filter((e) => visible(e) && showing(by)(e) && !Array.from(e.children).some(showing(by))), null);
    const hits = label ? all().filter((e) => visible(e) && nouns.some((w) => matches(e, w))) : [];
    const hit = hits.length ? nearest(hits, label) : null;
    const row = hit && groupOf(hit);
    return row && levelRow(row, hit) ? row : hit;
  };
  const target = ({ el, press, text, nouns, nth, place, near, colour, among, by, acted: named }) => {
    let acted = el && el.isConnected ? el : null;
    if (!acted && press) {
      const a = document.activeElement;
      acted = a && a !== document.body && a !== html ? a : null;
    }
    if (text) {
      const shows = showing(text);
      const re = wordRe(text);
      let hits = all().filter((e) => visible(e) && shows(e) && !Array.from(e.children).some(shows));
      const exact = hits.filter((e) => norm(e.innerText) === norm(text));
      if (exact.length) hits = exact;  // 'Tree' is the list's 'Tree', not the button's 'Tree ▾'
      if (!hits.length) hits = all().filter((e) => e.matches(FIELDS) && visible(e) && re.test(norm(e.value)));
      // "the box ... its minutes '15' are highlighted": the field acted on holds the quote as a part (a selection
      // in it; a search field holding the word searched for is not where the matches are highlighted)
      else if (acted && acted.matches(FIELDS) && visible(acted) && re.test(norm(acted.value)) && norm(acted.value) !== norm(text)) hits.push(acted);
      const there = among && hits.length > 1 ? hits.filter((e) => holds(e, among)) : [];
      if (there.length) hits = there;
      // "the '4' in the second box": of the fields (or texts) showing it, the one in that place, top to bottom
      const placed = nth !== null && nth !== undefined && !near && hits.length > 1
        ? hits.slice().sort((a, b) => { const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
            return Math.abs(p.top - q.top) > 4 ? p.top - q.top : p.left - q.left; }).at(nth) : null;
      const hit = placed || nearest(hits, acted || near);  // drawn anew by the step: where it was
      // "the 'Hot Stone Therapy' card": the card around the text; "the 'height' box": the field by that label
      for (const said of hit ? nouns || [] : []) {
        // "the 'Email' and 'Password' fields": each a field
        const w = !NOUNS[said] && said.length > 3 && said.endsWith("s") && NOUNS[said.slice(0, -1)] ? said.slice(0, -1) : said;
        // "the 'Password' field", "the 'I agree' radio button": the control the label labels
        const label = [FIELDS, TEXT_FIELDS, NOUNS.checkbox, NOUNS.radio].includes(NOUNS[w]) && hit.closest("label");
        if (label && label.control && visible(label.control)) return label.control;
        const box = CONTROL_MARKS.has(w) && boxOf(hit.closest("label"));  // "'Checkbox 2' has a red tick"
        if (box) return box;
        const titled = BOXY.has(w) && boxUnder(hit);  // "the 'Preview' box turns bright cyan": the box under its label
        if (titled) return titled;
        for (let a = hit, d = 0; a && a !== document.body && d < 6; a = parentOf(a), d++) {
          if (matches(a, w) || (CARDS.has(w) && cardLike(a))) return a;
          const inner = d < 4 && NOUNS[w] ? Array.from(a.querySelectorAll(NOUNS[w])).filter(visible) : [];
          if (inner.length === 1) return inner[0];
        }
      }
      // "'Horizontal main menu' is now selected": the round button clicked, which that text labels
      const labelled = hit && acted && acted.matches("input[type=radio], input[type=checkbox]") && visible(acted);
      if (labelled && Array.from(acted.labels || []).some((l) => l.contains(hit))) return acted;
      const icon = hit && (nouns || []).some((w) => ICONISH.has(w)) ? besideIcon(hit) : null;
      if (icon) return icon;
      const mark = hit && (nouns || []).some((w) => MARKISH.has(w)) ? markOf(hit) : null;
      if (mark) return mark;
      const plainMark = hit && colour && !(nouns || []).length ? markOfPlain(hit) : null;
      if (plainMark) return plainMark;
      if (!hit && acted && !norm(acted.innerText) && !acted.matches(FIELDS)) return acted;  // a textless icon's drawn label ('B')
      // the text of the element acted on: that element (not a whole widget the keys went to: its part)
      return hit && acted && acted.contains(hit) && area(acted) <= 0.05 * innerWidth * innerHeight ? acted : drawnOn(hit);
    }
    if (!nouns || !nouns.length || (named && acted && visible(acted))) return acted;
    const against = by ? againstText(by, nouns) : null;
    if (against) return against;
    const there = place ? placed(nouns, place, acted) : null;
    if (there) return there;
    if (nth !== null && nth !== undefined) {
      for (const w of nouns) { const found = nthOf(w, nth, acted); if (found) return found; }
    }
    const cell = acted && nouns.some((w) => /^(column|columns|cells)$/.test(w)) ? columnCell(acted) : null;
    if (cell) return cell;
    // "the first four small marks are now orange": things of the kind acted on, the row of alike
    // siblings around the element acted on (drawn as a row: not the page's column of alike widgets)
    const row = acted && nouns.some((w) => w.length > 3 && w.endsWith("s") && !NOUNS[w] && !NOUNS[w.slice(0, -1)])
      ? groupOf(acted) : null;
    if (row && levelRow(row, acted)) return row;
    // the element acted on when it is any of the things named ("the red square": the square clicked, whose
    // class says 'red'), before the page is searched for them
    for (const w of acted ? nouns : []) {
      // a word of the page's own classes ("the tree box": its 'tree-view') may hold the element deeper down
      const depth = NOUNS[w] || GENERIC.has(w) ? 6 : 9;
      for (let a = acted, d = 0; a && a !== document.body && d < depth; a = parentOf(a), d++) if (matches(a, w)) return widest(a, w);
      const inner = Array.from(acted.querySelectorAll("*")).find((x) => visible(x) && matches(x, w));
      if (inner) return inner;
    }
    // "its arrow now points down": an arrow the control acted on draws itself (a '::after' turned)
    if (acted && nouns.some((w) => ARROWISH.has(w)) && (drawsMark(acted, "::before") || drawsMark(acted, "::after"))) return acted;
    for (const w of nouns) {
      // "the button turns green": the one acted on, when it is of that kind ("the field's border turns red"
      // after a click on a heading is about a field, not the heading)
      if (acted && GENERIC.has(w) && (!NOUNS[w] || acted.matches(NOUNS[w]))) return acted;
      const hits = all().filter((e) => visible(e) && matches(e, w));
      if (hits.length) return nearest(hits, acted);
    }
    // "the stars turn gold" after a click on a rating that one element draws: the element acted on
    if (acted && nouns.some((w) => /^(stars|hearts|dots|circles)$/.test(w))) return acted;
    return null;
  };
  // What is visible now, kept as a handle before the step, so that what appears is told apart after it
  // ("a palette drops down", "a menu opens").
  const onPage = (e) => { const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY]; };
  const broughtIntoView = (e, away) => {
    const was = away && away.get(e);
    if (!was) return false;
    const [x, y] = onPage(e);
    return Math.abs(x - was[0]) < 20 && Math.abs(y - was[1]) < 20;
  };
  const visibleNow = () => {
    const els = drawnNow();
    const hidden = els.filter((e) => area(e) >= 150 && kindOf(e) && !onTop(e));
    // shown on the page but outside the viewport, where on the page: what a jump brings into view has not
    // appeared (a panel that slides in from beside the screen has: it moved)
    const away = new Map(all().filter((e) => !inView(e) && iwrProbe.shown(e)).map((e) => [e, onPage(e)]));
    return { els: new Set(els), drawn: canvases(), marks: marksOf(els), pictures: picturesOf(els), big: bigPicturesOf(els),
      covered: new Set(hidden), open: new Set(openSelects()), away };
  };
  // A native select whose list the browser draws open over the page (no element of the page shows it).
  const openSelects = () => Array.from(document.querySelectorAll("select")).filter(iwrProbe.selectOpen);
  // A menu or panel the page keeps drawn under its content (an off-canvas menu the page slides away
  // from): shown to the DOM all along, seen only when nothing covers it.
  const kindOf = (e) => Object.values(KINDS).some((k) => isKind(e, k))
    || e.matches("nav, aside, [role=navigation]");
  const onTop = (e) => {
    const r = e.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + Math.min(r.height / 2, 40), 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === e || e.contains(hit));
  };
  // A large picture an element shows, loaded and not faded out: an <img>'s source, a video's, a
  // background image ("the large photo changes to the next one": a new source, or a new element).
  // The picture an element shows: a loaded <img>'s source, a background image ("" for none).
  const sourceOf = (e) => {
    const bg = getComputedStyle(e).backgroundImage;
    const src = e.localName === "img" && e.complete && e.naturalWidth > 1 && e.naturalHeight > 1 ? e.currentSrc || e.src : "";
    return { src, bg: bg !== "none" ? bg : "" };
  };
  const bigPictureOf = (e) => {
    if (area(e) < 0.015 * innerWidth * innerHeight || opacity(e) < 0.3) return "";
    if (e.localName === "video") return e.currentSrc || e.poster || "";
    const { src, bg } = sourceOf(e);
    return src || (/url\(/.test(bg) ? bg : "");
  };
  const bigPicturesOf = (els) => new Map(els.map((e) => [e, bigPictureOf(e)]).filter(([, p]) => p));
  // Marks a stylesheet draws with ::before / ::after (a sort arrow, a check, a badge): the elements that
  // draw one now, so a mark that appears on an element already shown is told too.
  const drawsMark = (e, which) => {
    const s = getComputedStyle(e, which);
    if (!s.content || s.content === "none" || s.content === "normal" || s.display === "none") return false;
    if (s.visibility !== "visible" || parseFloat(s.opacity) < 0.1) return false;
    const text = s.content.replace(/^["']|["']$/g, "").trim();
    const ink = ["Top", "Right", "Bottom", "Left"].some((side) => parseFloat(s[`border${side}Width`]) > 0 && s[`border${side}Style`] !== "none");
    return !!text || ink || s.backgroundImage !== "none" || (parseFloat(s.width) > 0 && parseFloat(s.height) > 0 && s.backgroundColor !== "rgba(0, 0, 0, 0)");
  };
  const marksOf = (els) => Object.fromEntries(["::before", "::after"].map((w) => [w, new Set(els.filter((e) => drawsMark(e, w)))]));
  // A small picture an element shows (an <img>'s source, a background image): a sort arrow drawn by a
  // class put on the blank <img> a header held before the step is a mark that appears there too.
  const pictureOf = (e) => {
    const r = e.getBoundingClientRect();
    if (r.width < 4 || r.height < 4 || r.width * r.height > 48 * 48) return "";
    const s = getComputedStyle(e);
    if (s.visibility !== "visible" || parseFloat(s.opacity) < 0.1) return "";
    const { src, bg } = sourceOf(e);
    return bg || src ? `${src}|${bg}` : "";
  };
  const picturesOf = (els) => new Map(els.map((e) => [e, pictureOf(e)]).filter(([, p]) => p));
  const area = (e) => { const r = e.getBoundingClientRect(); return Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0)) * Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)); };
  // Elements shown now that were not before (the outermost of each new piece, big enough to be seen),
  // how many of them are of the kind or word named, and whether a large canvas in view changed (a page
  // that draws its pop-ups shows nothing new in its elements).
  // The large canvases in view, each shrunk to 24 x 24 RGBA pixels: what a page draws there, compared
  // before and after the step ("tainted" when the page drew another origin's image into it).
  const canvases = () => Array.from(document.querySelectorAll("canvas"))
    .filter((c) => visible(c) && area(c) >= 0.2 * innerWidth * innerHeight)
    .map((c) => {
      try {
        const small = document.createElement("canvas");
        small.width = small.height = 24;
        const g = small.getContext("2d");
        g.drawImage(c, 0, 0, 24, 24);
        return Array.from(g.getImageData(0, 0, 24, 24).data);
      } catch (e) { return "tainted"; }
    });
  // Drawn anew: more than 1% of the shrunk pixels moved by more than 24 levels (a caret, a hover line or
  // anti-aliasing is not a menu drawn there).
  const redrawn = (a, b) => {
    if (a === "tainted" || b === "tainted" || !a || !b) return true;
    let moved = 0;
    for (let i = 0; i < a.length; i += 4) {
      if (Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2])) > 24) moved++;
    }
    return moved > 0.01 * (a.length / 4);
  };
  const TIP = KINDS.tooltip;
  // A layer laid under the mouse exactly over an element shown before (a zoom lens's tinted frame over
  // its picture): the hover's look of that element, not a dialog or menu that opened.
  const hoverLayer = (e, before) => {
    if (!e.matches(":hover")) return false;
    const r = e.getBoundingClientRect(), own = r.width * r.height;
    return document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2).some((u) => {
      if (u === e || e.contains(u) || u.contains(e) || !before.els.has(u)) return false;
      const q = u.getBoundingClientRect();
      const common = Math.max(0, Math.min(q.right, r.right) - Math.max(q.left, r.left)) *
        Math.max(0, Math.min(q.bottom, r.bottom) - Math.max(q.top, r.top));
      return common >= 0.8 * own && common >= 0.8 * q.width * q.height;
    });
  };
  const appeared = ({ before, kind, scrolled, el }) => {
    const k = KINDS[kind];
    // a hover's tooltip is not the palette or menu the step said appears
    const tip = (e) => kind !== "tooltip" && ((TIP.sel && e.matches(TIP.sel)) || has(e, TIP.words));
    const now = drawnNow();
    const fresh = now.filter((e) => !before.els.has(e) && !tip(e) && !hoverLayer(e, before)
      && (scrolled || !broughtIntoView(e, before.away)));
    const freshSet = new Set(fresh);
    const top = fresh.filter((e) => !freshSet.has(parentOf(e)) && area(e) >= 150);
    const ofKind = (e) => k ? isKind(e, k) || (k.lists && e.matches("ul, ol") && floating(e)) : has(e, [kind]);
    const uncovered = now.filter((e) => before.covered && before.covered.has(e) && onTop(e));
    const opened = openSelects().filter((e) => !(before.open && before.open.has(e))).length;
    const named = fresh.filter((e) => area(e) >= 150 && ofKind(e)).length + uncovered.length + (!k || k.lists ? opened : 0);
    const drawn = canvases();
    const canvas = drawn.length > 0 && (drawn.length !== before.drawn.length || drawn.some((d, i) => redrawn(d, before.drawn[i])));
    const marks = marksOf(now.filter((e) => before.els.has(e)));  // a mark new on an element shown before
    const newMarks = Object.entries(marks).flatMap(([w, set]) => Array.from(set).filter((e) => !before.marks[w].has(e)));
    for (const [e, picture] of picturesOf(now.filter((e) => before.els.has(e)))) {
      if (picture !== before.pictures.get(e) && !newMarks.includes(e)) newMarks.push(e);
    }
    // a small picture shown anew, too small to count as a piece of the page (an 11 px sort arrow)
    for (const [e] of picturesOf(fresh.filter((e) => area(e) < 150))) if (!newMarks.includes(e)) newMarks.push(e);
    const hovered = newMarks.filter((e) => e.matches(":hover")).length;
    const newPictures = Array.from(bigPicturesOf(now)).filter(([e, p]) => before.big.get(e) !== p);
    // a tooltip-like layer shown anew saying more than the control's own name (a popover's title and
    // text): kept when the mouse leaves, a click opened it
    const label = el ? norm([el.innerText, el.title, el.getAttribute("aria-label"), el.getAttribute("data-original-title")].join(" ")) : "";
    const tips = now.filter((e) => !before.els.has(e) && tip(e) && area(e) >= 150 && !freshSet.has(parentOf(e))
      && norm(e.innerText) && !label.includes(norm(e.innerText))).length;
    return { fresh: top.length + opened, named, tips, pictures: newPictures.length, canvas, marks: newMarks.length, hoveredMarks: hovered, sample: top.slice(0, 3).map((e) => e.localName + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/)[0] : "")) };
  };
  // Greyed out: its control disabled, the text faded (opacity), or a colourless text faint against what
  // is behind it (contrast under 3:1; on a dark theme a darker grey is the greyed one).
  const rgba = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const backdrop = (e) => {
    for (let a = e; a && a.nodeType === 1; a = parentOf(a)) {
      const c = rgba(getComputedStyle(a).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  // A tab or item drawn on a grey ground beside an alike one drawn on white: the unselected tab "is
  // greyed" (its text as dark as ever). Not buttons: a toolbar's enabled buttons sit on its grey.
  const colourless = (c) => c.length >= 3 && Math.max(...c.slice(0, 3)) - Math.min(...c.slice(0, 3)) <= 24;
  const greyAmongKin = (e) => {
    const item = e.closest("dt, li, a, [role=tab]");
    if (!item || !parentOf(item)) return false;
    const mine = backdrop(item);
    const shade = luminance(mine);
    if (!colourless(mine) || shade < 0.3 || shade > 0.92) return false;
    const kin = Array.from(parentOf(item).children).filter((x) => x !== item && x.localName === item.localName && visible(x));
    return kin.some((x) => colourless(backdrop(x)) && luminance(backdrop(x)) > Math.max(shade + 0.05, 0.95));  // a white one
  };
  const greyed = (e, s) => {
    const control = e.closest("button, input, select, textarea, [role=button], [role=menuitem], [role=tab], a");
    if (control && (control.disabled || control.getAttribute("aria-disabled") === "true")) return true;
    let opacity = 1;
    for (let a = e, d = 0; a && a.nodeType === 1 && d < 6; a = parentOf(a), d++) opacity *= parseFloat(getComputedStyle(a).opacity) || 1;
    if (opacity <= 0.6) return true;
    if (greyAmongKin(e)) return true;
    const ink = rgba(s.color);
    if (ink.length < 3 || Math.max(...ink.slice(0, 3)) - Math.min(...ink.slice(0, 3)) > 40) return false;  // a colour, not a grey
    const [l1, l2] = [luminance(ink), luminance(backdrop(e))].sort((a, b) => b - a);
    return (l1 + 0.05) / (l2 + 0.05) < 3;
  };
  // The typographic styles of the visible elements showing `text` (the innermost ones): bold from the
  // weight, italic from the font style, struck / underlined from the text decoration of the element or
  // an ancestor (decorations are drawn through descendants but not inherited in computed style).
  const styleOf = ({ text }) => {
    const shows = showing(text);
    const hits = all().filter((e) => visible(e) && shows(e) && !Array.from(e.children).some(shows)).slice(0, 20);
    const decorated = (e, line) => {
      for (let a = e, d = 0; a && a.nodeType === 1 && d < 8; a = parentOf(a), d++) {
        if ((getComputedStyle(a).textDecorationLine || "").includes(line)) return true;
      }
      return false;
    };
    const flags = hits.map((e) => {
      const s = getComputedStyle(e);
      return { bold: (parseInt(s.fontWeight, 10) || 400) >= 600, italic: /italic|oblique/.test(s.fontStyle),
        struck: decorated(e, "line-through"), underlined: decorated(e, "underline"), greyed: greyed(e, s) };
    });
    const any = (k) => flags.some((f) => f[k]);
    return { found: hits.length, bold: any("bold"), italic: any("italic"), struck: any("struck"), underlined: any("underlined"),
      greyed: any("greyed") };
  };
  // The colour behind an element (its parent's own or inherited background): what "filled" is told against.
  const behind = (e) => { const up = parentOf(e); return up ? backdrop(up).slice(0, 3) : [255, 255, 255]; };
  // "Only two cards remain": the groups of alike siblings (one tag under one parent) shown before the step,
  // each counted again after it.
  const present = (e) => e.isConnected && iwrProbe.shown(e) && opacity(e) > 0.05 && boxArea(e) >= 64;
  const alikeGroups = () => {
    const groups = [], parents = new Set();
    for (const e of all()) {
      const p = e.parentElement;
      if (!p || parents.has(p)) continue;
      parents.add(p);
      const byTag = new Map();
      for (const c of p.children) if (present(c)) byTag.set(c.localName, (byTag.get(c.localName) || 0) + 1);
      for (const [tag, count] of byTag) if (count >= 2) groups.push({ parent: p, tag, count });
    }
    return groups;
  };
  const countsNow = (groups) => groups.map((g) => [g.count,
    Array.from(g.parent.children).filter((c) => c.localName === g.tag && present(c)).length, g.tag]);
  return { shownOf: shownOrClosed, titled, closedBy, hiddenCount, alikeGroups, countsNow, target, visibleNow, appeared, styleOf, behind, markOf };
})();
