// A visible mouse pointer for recordings (headless screenshots show none). It lives in a closed
// shadow root on a host the page cannot style, follows real mouse events and never takes clicks.
(() => {
  if (window.__iwrCursor) return;
  const install = () => {
    const host = document.createElement("iwr-cursor");
    host.id = "__iwr_cursor";
    host.style.cssText = "position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none;";
    const root = host.attachShadow({ mode: "closed" });
    root.innerHTML = `<svg width="22" height="28" viewBox="0 0 22 28" style="position:fixed;left:-40px;top:-40px;pointer-events:none;filter:drop-shadow(0 1px 1px rgba(0,0,0,.4))">
      <path d="M2 2 L2 22 L7.5 17 L11 25.5 L14.5 24 L11 15.8 L18.5 15.8 Z" fill="#fff" stroke="#000" stroke-width="1.6" stroke-linejoin="round"/></svg>`;
    const svg = root.querySelector("svg");
    document.documentElement.appendChild(host);
    const move = (e) => { svg.style.left = e.clientX - 2 + "px"; svg.style.top = e.clientY - 2 + "px"; };
    addEventListener("mousemove", move, true);
    addEventListener("mousedown", move, true);
    window.__iwrCursor = { host };
  };
  if (document.documentElement) install(); else addEventListener("DOMContentLoaded", install);
})();
