// Text a stylesheet draws with ::before/::after `content` (a version number, a "×" close glyph, a
// "Score" label): text nodes and innerText miss it, a person reading the screen does not. Icon-font
// glyphs (Unicode private use area) are dropped: they name nothing (`icon` says one is drawn). A numbered
// list's item number is read too. Defines iwrGenerated(el).
const iwrGenerated = (() => {
  const STRING = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|attr\(\s*([\w-]+)\s*\)/g;
  const part = (el, which) => {
    const s = getComputedStyle(el, which);
    const c = s.content;
    if (!c || c === "none" || c === "normal" || s.display === "none" || s.visibility === "hidden" || s.opacity === "0") return ["", false];
    let out = "";
    for (const m of c.matchAll(STRING)) {
      const quoted = m[1] ?? m[2];
      out += quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : el.getAttribute(m[3]) || "";
    }
    const text = out.replace(/[\uE000-\uF8FF]/g, "");
    return [text.trim() ? text : "", text.length < out.length];
  };
  // The number a numbered list draws before its item (a source view's line numbers: an <ol> of lines)
  const marker = (el) => {
    if (el.tagName !== "LI" || !el.parentElement || el.parentElement.tagName !== "OL") return "";
    const s = getComputedStyle(el);
    if (s.display !== "list-item" || !s.listStyleType.startsWith("decimal")) return "";
    const list = el.parentElement;
    const items = Array.from(list.children).filter((c) => c.tagName === "LI");
    const n = el.hasAttribute("value") ? el.value : list.reversed ? list.start - items.indexOf(el) : list.start + items.indexOf(el);
    return `${n}. `;
  };
  return (el) => {
    const [before, iconBefore] = part(el, "::before"), [after, iconAfter] = part(el, "::after");
    return { before: marker(el) + before, after, icon: iconBefore || iconAfter };
  };
})();
