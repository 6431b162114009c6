// Every page load draws the same Math.random sequence (mulberry32 from a fixed seed), in the
// recorder and in the judge, so a game's random tiles fall where they fell when the task was recorded
// and two runs of the judge see the same page. Pages that want real entropy still have crypto.
(() => {
  let state = 0x1f2e3d4c >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  Object.defineProperty(Math, "random", { value: random, writable: true, configurable: true });
})();
