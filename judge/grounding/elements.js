// What a person can act on in the page, as the official judge lists it (index, tag, text, placeholder,
// href) plus what deterministic grounding needs: role, names, where it is, how it looks, and which
// element to act on. Real pages draw controls in many ways; each entry is one control a person sees:
// - a transparent or visually hidden checkbox/radio is acted on where a person clicks: itself when it
//   sits on top at its own spot (TodoMVC's opacity-0 toggle), else its label, else a shown neighbour;
// - an element hidden until its row is hovered (a delete × shown on :hover) is listed as `latent`,
//   with the row to hover (`reveal`), so the judge can hover, then act;
// - open shadow roots are walked; `<option>`s of a shown `<select>` are listed with the select's box;
// - click listeners added with addEventListener count (the sandbox's init script records them); a
//   container that handles its items' clicks itself (a grid of seats) lists the items instead;
// - a same-origin frame whose document is typed into (a rich-text editor's iframe) is one text box;
// - each entry names its ancestors (`chain`), so grounding can group alike siblings by layout.
(needles) => {
  const norm = (s) => String(s ?? "").replace(/\s+/g, " ").trim();
  const ROLES = /^(button|link|tab|menuitem|menuitemcheckbox|menuitemradio|checkbox|radio|option|switch|combobox|textbox|searchbox|slider|spinbutton|treeitem|gridcell)$/;
  const listened = globalThis[Symbol.for("iwr.listeners")];
  const boxOf = (el) => el.getBoundingClientRect();
  // the parent, or a shadow root's host
  const upOf = (node) => node.parentElement || (node.getRootNode() && node.getRootNode().host) || null;
  const hasBox = (el) => { const r = boxOf(el); return r.width >= 1 && r.height >= 1; };
  const cssShown = (el) => !el.checkVisibility || el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
  const shown = (el) => hasBox(el) && (!el.checkVisibility || el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }));
  const tiny = (el) => { const r = boxOf(el); return r.width <= 2 || r.height <= 2; };
  const clipped = (el) => {
    const s = getComputedStyle(el);
    return /rect\(\s*0(px)?[\s,]+0(px)?/.test(s.clip) || s.clipPath === "inset(50%)" || s.clipPath === "inset(100%)";
  };
  // Cut to nothing by an ancestor that hides its overflow (CodeMirror's input textarea in a 3 x 0 px
  // wrapper): a person cannot click it. Only the ancestors that contain it (an absolutely placed menu
  // escapes a static parent) and only hidden or clipped overflow: a list that scrolls can be scrolled.
  const overflowHidden = (el) => {
    const r = boxOf(el);
    let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
    let pos = getComputedStyle(el).position;
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      if (pos === "fixed") return false;
      const s = getComputedStyle(a);
      if (pos === "absolute" && s.position === "static") continue;
      pos = s.position;
      const [x, y] = [["hidden", "clip"].includes(s.overflowX), ["hidden", "clip"].includes(s.overflowY)];
      if (!x && !y) continue;
      const q = a.getBoundingClientRect();
      if (x) { left = Math.max(left, q.left); right = Math.min(right, q.right); }
      if (y) { top = Math.max(top, q.top); bottom = Math.min(bottom, q.bottom); }
      if ((x && right - left <= 2 && r.width > 2) || (y && bottom - top <= 2 && r.height > 2)) return true;
    }
    return false;
  };
  // The visible surface of a code editor (Ace, CodeMirror, Monaco): it takes typing through a textarea
  // it keeps out of sight (transparent, tiny or clipped) and focuses when the surface is clicked.
  // Returns the editor (the ancestor holding that textarea), which is what is clicked: its layers lie
  // over one another (text, cursor, markers), so the one named is seldom the topmost.
  let hiddenInputs = null;  // the page's textareas kept out of sight, found once (most pages have none)
  const editorSurface = (el) => {
    if (hiddenInputs === null) {
      hiddenInputs = Array.from(document.querySelectorAll("textarea")).filter((t) => {
        if (!t.getClientRects().length || !cssShown(t)) return false;  // a form's textarea put away, not an editor's
        const seen = !t.checkVisibility || t.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
        return !seen || tiny(t) || overflowHidden(t);
      });
    }
    if (!hiddenInputs.length) return null;
    if (["input", "textarea", "select", "button", "a"].includes(tagOf(el)) || ROLES.test(el.getAttribute("role") || "")) return null;
    const r = boxOf(el);
    if (r.width < 80 || r.height < 10) return null;
    for (let a = el, d = 0; a && a !== document.body && d < 5; a = a.parentElement, d++) {
      const inside = hiddenInputs.filter((t) => a.contains(t));
      if (inside.length) return inside.length === 1 ? a : null;  // one editor; several: a page of them
    }
    return null;
  };
  const classWords = (el) => {
    const c = el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className;
    return typeof c === "string" ? c : "";
  };
  const tagOf = (el) => el.tagName.toLowerCase();
  // Selectors of the page's own :hover rules, without the :hover (and the pseudo-element it draws).
  let hoverSelectors = null;
  const hoverStyled = (el) => {
    if (hoverSelectors === null) {
      hoverSelectors = [];
      const walk = (rules) => {
        for (const rule of rules) {
          if (rule.cssRules && !rule.selectorText) walk(rule.cssRules);
          if (!rule.selectorText || !rule.selectorText.includes(":hover")) continue;
          for (const part of rule.selectorText.split(",")) {
            if (!part.includes(":hover")) continue;
            const bare = part.replace(/:hover/g, "").replace(/::?(after|before)\b/g, "").trim();
            if (bare && !/[\s>+~]/.test(bare.replace(/\[[^\]]*\]/g, ""))) hoverSelectors.push(bare);
          }
        }
      };
      for (const sheet of document.styleSheets) {
        try { walk(sheet.cssRules); } catch (e) { /* another origin's sheet */ }
      }
    }
    return hoverSelectors.some((sel) => { try { return el.matches(sel); } catch (e) { return false; } });
  };
  const REMOVER = /(^|[\s_-])(remove|close|delete|dismiss|clear)([\s_-]|$)/i;
  // A control the stylesheet draws in its ::before / ::after with a pointer of its own (insignia's tag
  // remover: a span whose ::after is a grey 'x' the page listens for higher up).
  const pointsByMark = (el) => ["::before", "::after"].some((at) => {
    const s = getComputedStyle(el, at);
    return s.cursor === "pointer" && s.content !== "none" && s.content !== "normal";
  });
  const drawnMark = (el) => {
    if (el.children.length || (el.textContent || "").trim()) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 6 || r.height < 6 || r.width > 40 || r.height > 40) return false;
    // drawn by its ::before / ::after (a sprite icon beside a label is a picture, not a control of its own)
    return ["::before", "::after"].some((at) => {
      const m = getComputedStyle(el, at);
      return m.content !== "none" && m.content !== "normal" && (m.borderTopWidth !== "0px" || m.borderLeftWidth !== "0px" || m.backgroundImage !== "none" || m.backgroundColor !== "rgba(0, 0, 0, 0)");
    });
  };
  const interactive = (el) => {
    const tag = tagOf(el);
    if (tag === "iframe" || tag === "frame") return iwrFrames.editable(el);
    if (["button", "a", "input", "select", "textarea", "summary", "label", "details"].includes(tag)) {
      // an <a> without href is a control when it looks or acts like one: a pointer cursor, or its own
      // :hover rule (hint.css draws its tooltip there: a row of bare icons one points at)
      if (tag === "a" && !el.hasAttribute("href") && !el.onclick && !el.getAttribute("role") && !(listened && listened.has(el))) return getComputedStyle(el).cursor === "pointer" || hoverStyled(el);
      if (tag === "input" && el.type === "hidden") return false;
      if (tag === "label") return getComputedStyle(el).cursor === "pointer" && !el.control;
      return true;
    }
    if (el.isContentEditable && (!el.parentElement || !el.parentElement.isContentEditable)) return true;
    const role = el.getAttribute("role") || "";
    if (ROLES.test(role)) return true;
    if (el.hasAttribute("onclick") || typeof el.onclick === "function") return true;
    if (listened && listened.has(el) && !["body", "html"].includes(tag) && !el.querySelector("button, a[href], input, select, textarea, label, [role], [tabindex]")) return true;
    if (el.hasAttribute("tabindex") && el.getAttribute("tabindex") !== "-1" && !["body", "html"].includes(tag)) return true;
    if (/(^|[\s_-])btn([\s_-]|$)/i.test(classWords(el))) return true;
    // a box drawn as a checkbox or radio whose clicks the page takes higher up (zTree's 'chk' sprite)
    if (/(^|[\s_-])(chk|checkbox|radio)([\s_-]|$)/i.test(classWords(el)) && !el.children.length && !(el.textContent || "").trim()) return true;
    const cursor = getComputedStyle(el).cursor;
    if (cursor !== "pointer" && pointsByMark(el)) return true;
    if (cursor === "pointer") {
      const parent = upOf(el);
      if (!parent || getComputedStyle(parent).cursor !== "pointer") return true;
      // a tag's or chip's own remove control inside it (its × an icon font draws), though both point
      if (REMOVER.test([classWords(el), el.getAttribute("data-role"), el.getAttribute("aria-label")].join(" "))) return true;
      // a small mark the stylesheet draws inside a row that points as a whole (a tree's expand triangle)
      if (drawnMark(el)) return true;
      // the choices of a list a drawn control opens inside its own pointer box (nice-select's li.option)
      return tag === "li" && Array.from(parent.children).filter((c) => c.tagName === el.tagName).length >= 2;
    }
    return false;
  };
  // Where a person clicks a control the page does not draw itself.
  const proxyCache = new Map();
  const proxyOf = (el) => {
    if (proxyCache.has(el)) return proxyCache.get(el);
    let proxy = null;
    if (hasBox(el) && !tiny(el) && !clipped(el) && cssShown(el)) {
      const r = boxOf(el);
      const root = el.getRootNode();
      const hit = (root.elementFromPoint ? root : document).elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit === el) proxy = el;
      else if (hit && hit.tagName === "LABEL" && hit.control === el) proxy = hit;
    }
    if (!proxy && el.labels) for (const l of el.labels) if (shown(l)) { proxy = l; break; }
    if (!proxy) {
      for (const sib of [el.nextElementSibling, el.previousElementSibling]) {
        if (sib && shown(sib) && !tiny(sib) && !interactive(sib) && !sib.querySelector("input, button, a, select, textarea")) { proxy = sib; break; }
      }
    }
    if (!proxy) {
      let node = el.parentElement;
      for (let d = 0; node && d < 2 && node !== document.body; d++, node = node.parentElement) {
        if (shown(node) && node.querySelectorAll("input, button, select, textarea").length === 1) { proxy = node; break; }
      }
    }
    proxyCache.set(el, proxy);
    return proxy;
  };
  // The row or card whose hover shows a hidden control: its nearest shown ancestor, if close.
  const revealerOf = (el) => {
    let node = el.parentElement;
    for (let d = 0; node && d < 3; d++, node = node.parentElement) {
      if (node === document.body || node === document.documentElement) return null;
      if (shown(node)) return node;
      if (getComputedStyle(node).display === "none" && d > 0) return null;
    }
    return null;
  };
  // Text a stylesheet draws on an element with no text of its own (a `::after { content: "×" }` close
  // button), from the element and its first descendants.
  const drawnText = (el) => {
    const bits = [];
    for (const e of [el, ...Array.from(el.querySelectorAll("*")).slice(0, 30)]) {
      const made = iwrGenerated(e);
      bits.push(made.before, made.after);
    }
    return bits.filter(Boolean).join(" ");
  };
  const textOf = (el) => iwrFrames.docOf(el) ? norm(iwrFrames.text(el)) : tagOf(el) === "select" ? norm(el.selectedOptions[0] ? el.selectedOptions[0].textContent : "") : norm(el.innerText || (el.type === "button" || el.type === "submit" || el.type === "reset" ? el.value : "") || (el.shadowRoot ? el.shadowRoot.textContent : "") || drawnText(el));
  // What a control's tooltip says, where tooltip libraries keep it (x-spreadsheet, Bootstrap, tippy,
  // hint.css, balloon.css...): a toolbar of bare icons is named by its tooltips.
  const TOOLTIP_ATTRIBUTES = ["data-tooltip", "data-tip", "data-title", "data-original-title", "data-bs-original-title",
    "data-tippy-content", "data-hint", "data-balloon", "data-microtip"];
  // A <label> wrapping its field reads its own words only: not the field's value, nor the suggestion list
  // or buttons a widget put inside it next to the field (Awesomplete's list of e-mail addresses).
  const labelText = (label, field) => {
    if (!label.contains(field)) return label.innerText;
    const skip = "input, textarea, select, button, ul, ol, [role=listbox], [role=option], [role=menu]";
    const words = [];
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && parent !== label && parent.closest(skip) && label.contains(parent.closest(skip))) continue;
      if (parent && !parent.checkVisibility?.({ visibilityProperty: true, checkVisibilityCSS: true })) continue;
      words.push(node.data);
    }
    return words.join(" ");
  };
  // A widget's own field drawn in place of a native control it hides (a tags input over its <select>):
  // the hidden control's <label> names the field a person types in.
  const standIn = (el) => {
    for (let a = el.parentElement, d = 0; a && a !== document.body && d < 4; a = a.parentElement, d++) {
      const others = [...a.querySelectorAll("select, input, textarea")].filter((x) => x !== el && x.type !== "hidden");
      if (!others.length) continue;
      const labelled = others.filter((x) => x.labels && x.labels.length && !shown(x));
      return others.length === 1 && labelled.length === 1 ? labelled[0] : null;
    }
    return null;
  };
  const labelOf = (el) => {
    const bits = [el.getAttribute("aria-label"), el.getAttribute("placeholder"), el.getAttribute("title"), el.getAttribute("alt"),
      ...TOOLTIP_ATTRIBUTES.map((a) => el.getAttribute(a))];
    const labelled = el.getAttribute("aria-labelledby");
    if (labelled) bits.push(...labelled.split(/\s+/).map((id) => { const n = document.getElementById(id); return n && n.innerText; }));
    if (el.labels) for (const l of el.labels) bits.push(labelText(l, el));
    const stand = el.labels && !el.labels.length ? standIn(el) : null;
    if (stand) for (const l of stand.labels) bits.push(labelText(l, stand));
    for (const img of el.querySelectorAll ? el.querySelectorAll("img[alt], svg title, [title], [aria-label]") : []) {
      bits.push(img.getAttribute("alt") || img.getAttribute("aria-label") || img.getAttribute("title") || img.textContent);
    }
    return norm(bits.filter(Boolean).join(" | "));
  };
  // Words a person might use for an icon: class names of the element and its icon children
  // (fa-trash, icon-close, destroy; a sprite's <div class="icon-img add">), a data-icon/data-action,
  // material-icons ligature text.
  // A class that numbers its element (left-3, slide12, col-6) says where it is among others, not what it is.
  const namingClasses = (el) => classWords(el).split(/\s+/).filter((c) => !/^[a-z]+[-_]?\d+$/i.test(c)).join(" ");
  // What a textless element draws as one picture smaller than its own box (a coverflow's tile: an <li>
  // 300 px wide tilted so that only its 134 px image shows): where a person sees it.
  const drawnBox = (el) => {
    if (norm(el.innerText)) return null;
    const pics = el.querySelectorAll("img, svg, canvas, picture, video");
    if (pics.length !== 1) return null;
    const [r, q] = [boxOf(el), boxOf(pics[0])];
    if (q.width < 8 || q.height < 8 || q.width * q.height >= 0.8 * r.width * r.height) return null;
    return [q.x, q.y, q.width, q.height];
  };
  // A triangle the stylesheet draws with borders (one side coloured, the others transparent): a tree's
  // expand arrow, a select's caret.
  const cssTriangle = (el) => ["::before", "::after", ""].some((at) => {
    const m = getComputedStyle(el, at || null);
    if (at && (m.content === "none" || m.content === "normal")) return false;
    const sides = ["Top", "Right", "Bottom", "Left"].filter((side) => parseFloat(m[`border${side}Width`]) > 0);
    const coloured = sides.filter((side) => { const c = m[`border${side}Color`];
      return c !== "transparent" && !/rgba\([^)]*,\s*0\)$/.test(c); });
    return sides.length >= 3 && coloured.length === 1;
  });
  const iconWords = (el) => {
    const bits = [namingClasses(el), el.getAttribute("data-icon"), el.getAttribute("data-action"), el.getAttribute("name")];
    if (!(el.textContent || "").trim() && cssTriangle(el)) bits.push("triangle arrow caret");
    const file = (e) => (e.getAttribute("src") || "").split("/").pop().replace(/\.\w+$/, "");
    if (tagOf(el) === "img") bits.push(file(el));  // a rating's 'star-off.png' is a star
    // a row of pictures (a rating's five star images) is not named by them; a button by its one icon is
    const pictures = el.querySelectorAll ? el.querySelectorAll("img").length : 0;
    for (const child of el.querySelectorAll ? el.querySelectorAll("i, svg, span, img, use, [class*=icon i]") : []) {
      bits.push(namingClasses(child), child.getAttribute("data-icon"));
      if (tagOf(child) === "use") bits.push(child.getAttribute("href") || child.getAttribute("xlink:href"));
      if (tagOf(child) === "img" && pictures <= 2) bits.push(file(child));
    }
    return norm(bits.filter(Boolean).join(" ").replace(/[#_./-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2")).toLowerCase().slice(0, 200);
  };
  const implicitRole = (el) => {
    const tag = tagOf(el);
    if (tag === "a") return "link";
    if (tag === "button" || tag === "summary") return "button";
    if (tag === "select") return "combobox";
    if (tag === "option") return "option";
    if (tag === "img") return "img";
    if (tag === "textarea") return "textbox";
    if (tag === "input") return ({ checkbox: "checkbox", radio: "radio", range: "slider", button: "button", submit: "button", reset: "button", image: "button", search: "searchbox", number: "spinbutton" })[el.type] || "textbox";
    // a custom element whose shadow holds the text field it draws (kor-ui's 'kor-input'): a field
    return el.isContentEditable || iwrFrames.docOf(el) || typesInShadow(el) ? "textbox" : "";
  };
  const typesInShadow = (el) => !!el.shadowRoot
    && !!el.shadowRoot.querySelector("input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=range]), textarea");
  // Text around an element (its card, row or form field) for descriptions such as
  // "the 'Add to cart' button on the 'Desk lamp' card".
  const contextOf = (el) => {
    const own = norm(el.innerText || "");
    let node = el.parentElement;
    for (let depth = 0; node && node !== document.body && depth < 4; depth++, node = node.parentElement) {
      const text = norm(node.innerText || "");
      if (text.length > own.length + 2) return text.slice(0, 300);
    }
    return "";
  };
  // The landmarks and named containers around an element: "in the footer", "in the dialog".
  const regionOf = (el) => {
    const bits = [];
    let node = upOf(el);
    for (let d = 0; node && node !== document.body && d < 8; d++) {
      bits.push(tagOf(node), node.getAttribute("role") || "", classWords(node).slice(0, 60), node.id || "");
      node = upOf(node);
    }
    return norm(bits.join(" ").replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2")).toLowerCase().slice(0, 300);
  };
  const rgba = (s) => { const m = (s || "").match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
  // How it looks: its own fill (background or, for a bare icon/text, its colour), and whether it is round.
  // The fill a person sees: its own background, else that of a child covering most of it (a swatch
  // drawn by an inner span, a tile's face).
  const fillOf = (el, box) => {
    const bg = rgba(getComputedStyle(el).backgroundColor);
    if (bg.length < 4 || bg[3] > 0.5) return bg.slice(0, 3);
    const area = Math.max(1, box.width * box.height);
    for (const child of el.querySelectorAll ? Array.from(el.querySelectorAll("*")).slice(0, 6) : []) {
      const r = boxOf(child);
      if (r.width * r.height < 0.5 * area) continue;
      const c = rgba(getComputedStyle(child).backgroundColor);
      if (c.length < 4 || c[3] > 0.5) return c.slice(0, 3);
    }
    return null;
  };
  const looksOf = (el, box) => {
    const s = getComputedStyle(el);
    const fill = fillOf(el, box);
    const radius = parseFloat(s.borderTopLeftRadius) || 0;
    // or a round mark its ::before / ::after draws as tall as it (a stepper's circle in a wider marker)
    const roundMark = !(el.textContent || "").trim() && ["::before", "::after"].some((at) => {
      const m = getComputedStyle(el, at), h = parseFloat(m.height) || 0;
      return m.content !== "none" && m.content !== "normal" && h >= Math.min(box.height, 48) - 2
        && (parseFloat(m.borderTopLeftRadius) || 0) >= h / 2 - 1 || /50%/.test(m.borderTopLeftRadius) && h > 0;
    });
    const round = radius >= Math.min(box.width, box.height) / 2 - 1 || ["checkbox", "radio"].includes(el.type) || /round|circle/.test(classWords(el)) || roundMark;
    const border = rgba(s.borderTopColor);
    const borderColour = (parseFloat(s.borderTopWidth) || 0) >= 1 && (border.length < 4 || border[3] > 0.5) ? border.slice(0, 3) : null;
    return { fill, ink: rgba(s.color).slice(0, 3), border: borderColour, round, face: faceOf(el, box, fill) };
  };
  // A textless control framed in its own fill whose face is a child's colour (a colour picker's swatch: a
  // white button around a blue patch): "the blue swatch".
  const faceOf = (el, box, fill) => {
    if ((el.textContent || "").trim() || !el.querySelectorAll) return null;
    const area = Math.max(1, box.width * box.height);
    for (const child of Array.from(el.querySelectorAll("*")).slice(0, 6)) {
      const r = boxOf(child), c = rgba(getComputedStyle(child).backgroundColor);
      if (r.width * r.height >= 0.25 * area && (c.length < 4 || c[3] > 0.5) && String(c.slice(0, 3)) !== String(fill)) return c.slice(0, 3);
    }
    return null;
  };
  const checkedOf = (el) => {
    if (el.type === "checkbox" || el.type === "radio") return el.checked;
    const aria = el.getAttribute("aria-checked") || el.getAttribute("aria-selected") || el.getAttribute("aria-pressed");
    return aria === "true" ? true : aria === "false" ? false : null;
  };
  // Ancestors up to four levels, each as [id, tag], so grounding can tell alike siblings (the cells of
  // a grid, the buttons of a toolbar, the cards of a list) by the containers they share.
  const ids = new Map();
  const idOf = (n) => { if (!ids.has(n)) ids.set(n, ids.size + 1); return ids.get(n); };
  // The first class word that says what a container is, not the state it is in: the selected tab's
  // 'li.active' is laid out as its siblings' 'li'.
  const STATE_CLASS = /^(?:is-|has-)?(?:active|selected|current|on|open|opened|checked|focus|focused|hover|highlighted|expanded|collapsed)$|^ui-(?:state|tabs)-(?:active|selected|focus|hover|default)$/i;
  const layoutClass = (node) => classWords(node).trim().split(/\s+/).find((w) => w && !STATE_CLASS.test(w)) || "";
  // across shadow roots (`upOf`): the swatches of a grid of custom elements, each a button in its own
  // shadow, are siblings by their hosts
  const chainOf = (el) => {
    const out = [];
    let node = upOf(el);
    for (let d = 0; node && d < 4; d++, node = upOf(node)) {
      out.push([idOf(node), tagOf(node) + "." + layoutClass(node) + "." + (node.getAttribute("role") || "")]);
    }
    return out;
  };
  // The items of a container that handles their clicks itself (one delegated listener on a grid of
  // seats, a list of tiles): the deepest level of repeated, shown, textless-or-not children, each one a
  // place a person clicks.
  const delegatedItems = (el) => {
    const whole = boxOf(el);
    if (whole.width < 40 && whole.height < 40) return null;  // an icon button whose picture has alike parts
    const key = (c) => tagOf(c) + "." + (classWords(c).trim().split(/\s+/)[0] || "");
    let level = [el];
    let best = null;
    for (let d = 0; d < 4 && level.length; d++) {
      const next = [];
      for (const n of level) for (const c of n.children) if (hasBox(c) && shown(c) && !["br", "script", "style"].includes(tagOf(c))) next.push(c);
      if (!next.length || next.length > 400) break;
      const counts = new Map();
      for (const c of next) counts.set(key(c), (counts.get(key(c)) || 0) + 1);
      const top = [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0];
      const items = next.filter((c) => key(c) === top);
      // alike, most of their level, and (below the first items) at least two to a parent: a row of cells
      const share = best ? 0.5 : 0.75;  // below the first items, labels may sit among cells (a board's ranks)
      // (one odd child aside: a suggestion list's "Add 'nik'…" line above its two options)
      const most = items.length >= share * next.length || (!best && items.length >= 2 && next.length - items.length === 1);
      const alike = items.length >= 2 && most && (!best || items.length >= 2 * level.length);
      if (alike) best = items;
      else if (best) break;
      level = next;
    }
    return best && best.every((c) => !tiny(c)) ? best : null;
  };
  const delegated = new Set();
  const shownBefore = globalThis[Symbol.for("iwr.shownBeforePointing")];  // set by grounding's hover first
  const pointedAt = globalThis[Symbol.for("iwr.pointedAt")];  // what that hover rests on
  delete globalThis[Symbol.for("iwr.spot")];  // a spot chosen by the last grounding (locate.py)
  function* walk(root) {
    for (const el of root.querySelectorAll("*")) {
      yield el;
      if (el.shadowRoot) yield* walk(el.shadowRoot);
    }
  }
  // Under something else where a person would click it (a dialog's backdrop over the page behind it): the
  // element at its centre is neither inside it nor part of its own widget (a floating label, its icon).
  const covered = (el, box) => {
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const root = el.getRootNode();
    const hit = (root.elementFromPoint ? root : document).elementFromPoint(x, y);
    if (!hit || el.contains(hit) || hit.contains(el)) return false;
    if (hit.matches("input, textarea") && el.matches("input, textarea")) {
      // a field drawn over another in the same place (a typeahead's grey hint under the box one types in)
      const r = hit.getBoundingClientRect();
      if (Math.abs(r.left - box.left) < 4 && Math.abs(r.top - box.top) < 4 && Math.abs(r.width - box.width) < 8) return true;
    }
    // a dialog's backdrop over the whole screen (kor-ui's modal, a host in the same page section)
    const over = hit.getBoundingClientRect();
    if (over.width * over.height >= 0.8 * innerWidth * innerHeight && getComputedStyle(hit).position === "fixed") return true;
    let widget = el.parentElement && el.parentElement.parentElement;
    if (widget === document.body || widget === document.documentElement) widget = el.parentElement;
    if (widget === document.body || widget === document.documentElement) widget = null;
    return !(widget && widget.contains(hit)) && !(hit.closest("label") && hit.closest("label").control === el);
  };
  // Letters no font here can draw, shown as empty boxes (a script without a font, an icon font that did
  // not load): each drawn exactly as a code point that is no character at all.
  const pen = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  const drawn = (ch, font) => {
    pen.canvas.width = pen.canvas.height = 48;
    pen.font = font;
    pen.textBaseline = "top";
    pen.fillText(ch, 4, 4);
    return pen.getImageData(0, 0, 48, 48).data.join(",");
  };
  const drawsBoxes = (el, text) => {
    const chars = Array.from(text.replace(/\s+/g, "")).slice(0, 4);
    if (!chars.length || chars.every((c) => c.charCodeAt(0) < 0x250)) return false;
    const s = getComputedStyle(el);
    const font = `${s.fontStyle} ${s.fontWeight} 24px ${s.fontFamily}`;
    const none = drawn("\u0378", font);
    return chars.every((c) => c.charCodeAt(0) >= 0x250 && drawn(c, font) === none);
  };
  // A named part of a larger control that its handler tells apart (a card's star, a row's × drawn inside
  // the row's button): a place of its own to click.
  const pushParts = (el) => {
    if (!el.children.length) return;
    const whole = boxOf(el);
    // a mark drawn inside a control that also shows text (a stepper's circle above its 'Step 1'): a place of
    // its own, which a description may put against the text ("the circle above 'Step 1'")
    if ((el.innerText || "").trim()) {
      for (const part of el.querySelectorAll("*")) {
        if (part.children.length || (part.textContent || "").trim() || interactive(part) || !shown(part)) continue;
        const r = boxOf(part);
        if (r.width < 6 || r.height < 6 || r.width > 96 || r.height > 48) continue;
        const s = getComputedStyle(part);
        // a colour or a ::before / ::after of its own (a sprite picture beside the text is its icon, not a place)
        const drawn = s.backgroundColor !== "rgba(0, 0, 0, 0)" || ["::before", "::after"].some((at) => {
          const m = getComputedStyle(part, at);
          return m.content !== "none" && m.content !== "normal" && (m.backgroundColor !== "rgba(0, 0, 0, 0)" || m.borderTopWidth !== "0px");
        });
        if (drawn) push(part, part, r, {});
      }
      // a row as wide as its list that points as a whole (a tree's node): its label, where a person clicks
      // "the text 'node-0-1-2'", not the empty middle of the row
      if (whole.width >= 300 && (tagOf(el) === "li" || el.getAttribute("role") === "treeitem")) {
        // and those of the rows nested in it (a tree's branches, listed with their top row)
        const rows = [el, ...Array.from(el.querySelectorAll("li, [role=treeitem]")).slice(0, 200)];
        for (const part of rows.flatMap((row) => Array.from(row.children))) {
          if (part.children.length || interactive(part) || !shown(part)) continue;
          const r = boxOf(part);
          if (!(part.textContent || "").trim()) {
            // its toggle drawn from a sprite ('vtree-toggle'): a place of its own, left of the label
            const small = r.width >= 6 && r.height >= 6 && r.width <= 48 && r.height <= 48;
            if (small && getComputedStyle(part).backgroundImage !== "none") push(part, part, r, {});
            continue;
          }
          if (r.width < 0.5 * whole.width && getComputedStyle(part).cursor === "pointer") push(part, part, r, {});
        }
      }
    }
    for (const part of el.querySelectorAll("[aria-label], [title]")) {
      if (interactive(part) || !hasBox(part) || tiny(part)) continue;
      const r = boxOf(part);
      if (r.width * r.height * 4 > whole.width * whole.height) continue;
      if (shown(part)) push(part, part, r, {});
      else if (cssShown(part) && shown(el)) push(part, part, r, { reveal: el });  // shown when the control is pointed at
    }
  };
  // Whether scrolling the page sideways brings a box beside the viewport into view: not one fixed to the screen
  // (a settings panel kept off its right edge), nor one beyond the page's own width
  const scrollsTo = (el, box) => {
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      if (getComputedStyle(a).position === "fixed") return false;
    }
    const width = (document.scrollingElement || document.documentElement).scrollWidth;
    return box.left >= innerWidth ? box.left + scrollX < width - 1 : box.right + scrollX > 1;
  };
  const out = [];
  const els = [];
  const reveal = [];
  // a table's rows are its <tr>s, as a person counts them: a cell spanning two rows is in its first
  const tables = new Map();
  const tableRowOf = (el) => {
    const tr = el.closest("tr"), table = tr && tr.closest("table");
    if (!table) return null;
    if (!tables.has(table)) tables.set(table, tables.size);
    return [tables.get(table), tr.rowIndex];
  };
  const push = (el, acting, box, extra) => {
    const editor = acting === el && !extra.reveal && !extra.of ? editorSurface(el) : null;
    if (editor) [acting, box, extra] = [editor, boxOf(editor), { ...extra, editor: true }];
    if (box.right + scrollX <= 0 || box.bottom + scrollY <= 0) return;  // off the page's left or top: out of reach
    const style = getComputedStyle(acting);
    const tag = tagOf(el);
    els.push(acting);
    reveal.push(extra.reveal || null);
    out.push({
      index: out.length,
      tag,
      text: (tag === "option" ? norm(el.textContent) : textOf(el)).slice(0, 1000),
      label: labelOf(el).slice(0, 160),
      placeholder: el.getAttribute("placeholder") || "",
      href: el.getAttribute("href") || "",
      value: "value" in el && typeof el.value === "string" && tag !== "option" ? el.value.slice(0, 80) : "",
      role: el.getAttribute("role") || implicitRole(el),
      className: classWords(el).slice(0, 80),
      icon: iconWords(el),
      attrs: extra.of ? norm([labelOf(extra.of), extra.of.id, extra.of.getAttribute("name")].filter(Boolean).join(" ").replace(/[-_]+/g, " ")) : norm([el.id, el.getAttribute("name")].filter(Boolean).join(" ").replace(/[-_]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2")),
      context: contextOf(el),
      region: regionOf(el),
      type: el.getAttribute("type") || "",
      bbox: [box.x, box.y, box.width, box.height],
      drawn: drawnBox(el),
      page: [box.x + scrollX, box.y + scrollY],
      inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
      beside: (box.left >= innerWidth || box.right <= 0) && !scrollsTo(acting, box),
      pointer: style.cursor === "pointer",
      disabled: !!el.disabled || el.getAttribute("aria-disabled") === "true",
      editable: ["input", "textarea"].includes(tag) && !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"].includes(el.type) || el.isContentEditable || !!extra.editor || !!iwrFrames.docOf(el) || typesInShadow(el),
      checked: checkedOf(el),
      looks: looksOf(acting === el ? el : acting, box),
      actsOn: acting === el ? "" : tagOf(acting),
      latent: !!extra.reveal,
      option: tag === "option",
      chain: chainOf(el),
      fresh: !!shownBefore && !shownBefore.has(el) && !extra.reveal,
      pointed: !!pointedAt && pointedAt.contains(el),
      delegated: !!extra.delegated,
      textOnly: !!extra.textOnly,
      // what a hover reveals is under a dialog's backdrop when the thing hovered is
      covered: !extra.of && (extra.reveal ? covered(extra.reveal, extra.reveal.getBoundingClientRect()) : covered(acting, box)),
      tofu: drawsBoxes(el, textOf(el)),
      tableRow: tableRowOf(el),
    });
  };
  // A link or button with no box of its own whose content is drawn elsewhere (an inline <a> around a
  // floated thumbnail): the box its shown children draw, where a person clicks it.
  const drawnBy = (el) => {
    if (hasBox(el) || !cssShown(el) || !el.children.length) return null;
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (const child of [...el.querySelectorAll("*")].slice(0, 20)) {
      if (!shown(child)) continue;
      const r = boxOf(child);
      [left, top, right, bottom] = [Math.min(left, r.left), Math.min(top, r.top), Math.max(right, r.right), Math.max(bottom, r.bottom)];
    }
    return right - left >= 1 && bottom - top >= 1 ? new DOMRect(left, top, right - left, bottom - top) : null;
  };
  for (const el of document.body ? walk(document.body) : []) {
    const tag = tagOf(el);
    if (tag === "option" || delegated.has(el)) continue;
    if (!interactive(el)) continue;
    const drawnBox = drawnBy(el);
    if (drawnBox && !overflowHidden(el)) {
      push(el, el, drawnBox, {});
      continue;
    }
    // a field with no room inside its borders (width and height 0: a slider's hidden input) is not seen
    const roomless = tag === "input" && (el.clientWidth === 0 || el.clientHeight === 0);
    if (shown(el) && !((tag === "input") && (tiny(el) || clipped(el) || roomless)) && !overflowHidden(el)) {
      const items = listened && listened.has(el) && !ROLES.test(el.getAttribute("role") || "") && !["button", "a", "input", "select", "textarea", "label", "summary"].includes(tag) ? delegatedItems(el) : null;
      if (items) {
        for (const item of items) {
          delegated.add(item);
          if (overflowHidden(item)) continue;  // a carousel's slides off its stage: no one sees them
          push(item, item, boxOf(item), { delegated: true });
          pushParts(item);
        }
        continue;
      }
      push(el, el, boxOf(el), {});
      pushParts(el);
      if (tag === "select" && !el.multiple && el.options.length <= 100) {
        for (const option of el.options) if (!option.disabled && norm(option.textContent)) push(option, option, boxOf(el), { of: el });
      }
      continue;
    }
    if (tag === "input" && ["checkbox", "radio"].includes(el.type) || el.getAttribute("role") === "switch") {
      const proxy = proxyOf(el);
      if (proxy) { push(el, proxy, boxOf(proxy), {}); continue; }
    }
    // a hidden field opened by its shown label (a search box behind a magnifying-glass <label for>): the
    // label is what a person clicks
    // (laid out but not seen: a field removed from the layout is replaced by one a widget draws, as Choices.js does)
    const opener = ["input", "textarea"].includes(tag) && el.labels && el.getClientRects().length
      ? Array.from(el.labels).find((l) => shown(l) && !tiny(l)) : null;
    if (opener && !el.contains(opener)) { push(el, opener, boxOf(opener), {}); continue; }
    if (!hasBox(el) || !cssShown(el) || !shown(el)) {  // opacity 0 on itself or a wrapper (a row's actions)
      const row = revealerOf(el);
      if (row && ["button", "a", "input", "label"].includes(tag) || row && ROLES.test(el.getAttribute("role") || "") || row && listened && listened.has(el)) {
        push(el, el, boxOf(row), { reveal: row });
      }
    }
  }
  // Text a description quotes that no control shows ("click the 'Result' heading to leave the field"; the
  // plain word 'info' beside a link, whose clicks a container takes): each innermost shown element reading
  // exactly that, outside every listed control, as a place to click.
  const listedEls = new Set(els);
  const TEXT_PLACES = 12;
  for (const needle of needles || []) {
    const want = norm(needle).toLowerCase();
    if (!want) continue;
    const reading = [];
    for (const el of document.body ? walk(document.body) : []) {
      if (!shown(el) || norm(el.innerText || "").toLowerCase() !== want) continue;
      const outer = reading.findIndex((r) => r.contains(el));
      if (outer >= 0) reading[outer] = el;
      else reading.push(el);
    }
    for (const best of reading.slice(0, TEXT_PLACES)) {
      // a label holding its control ("<p>Date: <input></p>") names the control, it is no place of its own
      if (listedEls.has(best) || els.some((c) => best.contains(c))) continue;
      let inside = false;
      for (let node = best; node; node = node.parentElement) if (listedEls.has(node)) { inside = true; break; }
      if (!inside) push(best, best, boxOf(best), { textOnly: true });
    }
  }
  return { info: out, els, reveal, viewport: [innerWidth, innerHeight] };
}
