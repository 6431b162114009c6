// Interactive elements of the page, as the official judge lists them (index, tag, text, placeholder,
// href) plus what deterministic grounding needs (role, labels, box, pointer cursor, order).
() => {
  const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
  const ROLES = /^(button|link|tab|menuitem|menuitemcheckbox|menuitemradio|checkbox|radio|option|switch|combobox|textbox|searchbox|slider|spinbutton|treeitem)$/;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    return !el.checkVisibility || el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  };
  const interactive = (el) => {
    const tag = el.tagName.toLowerCase();
    if (["button", "a", "input", "select", "textarea", "summary", "label", "details"].includes(tag)) {
      if (tag === "a" && !el.hasAttribute("href") && !el.onclick && !el.getAttribute("role")) return getComputedStyle(el).cursor === "pointer";
      if (tag === "input" && el.type === "hidden") return false;
      if (tag === "label") return !!(el.control && !shown(el.control)) || getComputedStyle(el).cursor === "pointer";
      return true;
    }
    if (el.isContentEditable && (!el.parentElement || !el.parentElement.isContentEditable)) return true;
    const role = el.getAttribute("role") || "";
    if (ROLES.test(role)) return true;
    if (el.hasAttribute("onclick") || typeof el.onclick === "function") return true;
    if (el.hasAttribute("tabindex") && el.getAttribute("tabindex") !== "-1") return true;
    if (/(^|[\s_-])btn([\s_-]|$)/i.test(el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className || "")) return true;
    const cursor = getComputedStyle(el).cursor;
    if (cursor === "pointer") {
      const parent = el.parentElement;
      return !parent || getComputedStyle(parent).cursor !== "pointer";
    }
    return false;
  };
  const labelOf = (el) => {
    const bits = [el.getAttribute("aria-label"), el.getAttribute("placeholder"), el.getAttribute("title"), el.getAttribute("alt")];
    const labelled = el.getAttribute("aria-labelledby");
    if (labelled) bits.push(...labelled.split(/\s+/).map((id) => document.getElementById(id)?.innerText));
    if (el.labels) for (const l of el.labels) bits.push(l.innerText);
    for (const img of el.querySelectorAll ? el.querySelectorAll("img[alt], svg title") : []) bits.push(img.getAttribute("alt") || img.textContent);
    return norm(bits.filter(Boolean).join(" | "));
  };
  const implicitRole = (el) => {
    const tag = el.tagName.toLowerCase();
    if (tag === "a") return "link";
    if (tag === "button" || tag === "summary") return "button";
    if (tag === "select") return "combobox";
    if (tag === "textarea") return "textbox";
    if (tag === "input") return ({ checkbox: "checkbox", radio: "radio", range: "slider", button: "button", submit: "button", reset: "button", image: "button", search: "searchbox" })[el.type] || "textbox";
    return el.isContentEditable ? "textbox" : "";
  };
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
  const out = [];
  const els = [];
  for (const el of document.body ? document.body.querySelectorAll("*") : []) {
    if (!interactive(el) || !shown(el)) continue;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    els.push(el);
    out.push({
      index: out.length,
      tag: el.tagName.toLowerCase(),
      text: norm(el.innerText || (el.type === "button" || el.type === "submit" ? el.value : "")).slice(0, 160),
      label: labelOf(el).slice(0, 160),
      placeholder: el.getAttribute("placeholder") || "",
      href: el.getAttribute("href") || "",
      value: "value" in el && typeof el.value === "string" ? el.value.slice(0, 80) : "",
      role: el.getAttribute("role") || implicitRole(el),
      className: typeof el.className === "string" ? el.className.slice(0, 80) : "",
      attrs: norm([el.id, el.getAttribute("name")].filter(Boolean).join(" ").replace(/[-_]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2")),
      context: contextOf(el),
      type: el.getAttribute("type") || "",
      bbox: [r.x, r.y, r.width, r.height],
      page: [r.x + scrollX, r.y + scrollY],
      inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      pointer: style.cursor === "pointer",
      disabled: !!el.disabled,
      editable: ["input", "textarea"].includes(el.tagName.toLowerCase()) || el.isContentEditable,
    });
  }
  return { info: out, els };
}
