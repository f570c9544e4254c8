// What st.spinner and st.skeleton's `with` block share: a transient, not an element, that the
// server shows and hides by message ({t, show, id, at}). It goes where `at` says (before
// whatever stands there now, an element of the last run, else at the end of its container),
// appears only after half a second (a quick block never flashes it), and every transient goes
// when a run ends, whatever happened. Not a renderer: modules import it by relative path.
import { html, render } from "appcore";

const DELAY_MS = 500;
const shown = new Map(); // id -> { el, timer, clock }

function place(m, runtime) {
  const dot = m.at.lastIndexOf(".");
  const parent = runtime.nodes.get(m.at.slice(0, dot));
  if (!parent?.host) return null;  // its container is not on the page
  const el = document.createElement("div");
  el.className = `ac-el ac-el-${m.t}`;
  el.dataset.testid = `ac-${m.t}`;
  const next = parent.children.slice(Number(m.at.slice(dot + 1))).find(Boolean);
  parent.host.insertBefore(el, next && next.el.parentNode === parent.host ? next.el : null);
  return el;
}

function show(m, runtime, View, ticking) {
  const started = performance.now();
  const entry = { el: null, clock: null };
  entry.timer = setTimeout(() => {
    entry.el = place(m, runtime);
    if (!entry.el) return;
    const draw = () => render(html`<${View} m=${m} seconds=${(performance.now() - started) / 1000} />`, entry.el);
    draw();
    if (ticking(m)) entry.clock = setInterval(draw, 100);
  }, DELAY_MS);
  shown.set(m.id, entry);
}

function hide(id) {
  const entry = shown.get(id);
  if (!entry) return;
  shown.delete(id);
  clearTimeout(entry.timer);
  clearInterval(entry.clock);
  if (entry.el) { render(null, entry.el); entry.el.remove(); }
}

// The onMessage of a module whose messages are transients drawn by `View` ({m, seconds});
// `ticking(m)` says whether to draw it again every 100 ms (a spinner's clock).
export function transients(View, ticking = () => false) {
  return function onMessage(message, runtime) {
    if (message.show) show(message, runtime, View, ticking);
    else hide(message.id);
  };
}

document.addEventListener("appcore:run-finished", () => { for (const id of [...shown.keys()]) hide(id); });
