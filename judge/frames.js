// Same-origin frames are part of the page a person sees: a rich-text editor types into an iframe whose
// body is editable (wysihtml, TinyMCE), EpicEditor nests its editor two frames deep. Read-only; defines
// iwrFrames. Another origin's frame (blocked here anyway) has no document to read.
const iwrFrames = (() => {
  const DEEPEST = 4;
  const docOf = (frame) => {
    try { return frame.tagName === "IFRAME" || frame.tagName === "FRAME" ? frame.contentDocument : null; } catch (e) { return null; }
  };
  const seen = (el) => el.getClientRects().length > 0
    && (!el.checkVisibility || el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }));
  // the frames shown inside a document, its shadow roots included
  const framesIn = (root) => Array.from(root.querySelectorAll("iframe, frame")).filter((f) => seen(f) && docOf(f)?.body);
  // a frame a person types into: its document in design mode, its body editable, or a shown frame in it that is
  const editable = (frame, depth = 0) => {
    const doc = docOf(frame);
    if (!doc || !doc.body || depth >= DEEPEST) return false;
    if (doc.designMode === "on" || doc.body.isContentEditable) return true;
    return framesIn(doc).some((f) => editable(f, depth + 1));
  };
  // the text a frame shows: its body's rendered text, then that of the shown frames inside it
  const text = (frame, depth = 0) => {
    const doc = docOf(frame);
    if (!doc || !doc.body || depth >= DEEPEST) return "";
    const own = (doc.body.innerText || "").trim();
    return [own, ...framesIn(doc).map((f) => text(f, depth + 1))].filter(Boolean).join("\n");
  };
  // the element that has the keyboard focus, inside the frames it is in
  const focused = (doc = document) => {
    let a = doc.activeElement;
    for (let d = 0; a && d < DEEPEST && docOf(a)?.activeElement; d++) a = docOf(a).activeElement;
    return a;
  };
  return { docOf, framesIn, editable, text, focused, DEEPEST };
})();
