// st.spinner: not an element but a transient the server shows and hides by message
// ({t: "spinner", show, id, at, text, text_html, show_time, width}). It goes where
// the next element would go (`at`), appears only after half a second (a quick block
// never flashes it), and every spinner goes when a run ends, whatever happened.
import { html, render, widthStyle } from "appcore";
import "./_look.js";

const DELAY_MS = 500;
const shown = new Map(); // id -> { el, timer, clock }

export function elapsed(seconds) {
  // Streamlit's wording: "(2.5 seconds)", "(1 minute, 3.0 seconds)", "(2 hours, 5 minutes)".
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const unit = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (!hours && !minutes) return `(${rest.toFixed(1)} seconds)`;
  if (!hours) return `(${unit(minutes, "minute")}${rest >= 0.05 ? `, ${rest.toFixed(1)} seconds` : ""})`;
  return `(${unit(hours, "hour")}${minutes ? `, ${unit(minutes, "minute")}` : ""})`;
}

function Spinner({ m, seconds }) {
  return html`<div class="ac-spinner-box" style=${widthStyle(m.width)}>
    <span class="ac-turning" aria-hidden="true" />
    <div class="ac-spinner-text" role="status">
      ${m.text_html ? html`<span class="ac-inline-md" dangerouslySetInnerHTML=${{ __html: m.text_html }} />` : html`<span>${m.text}</span>`}
      ${m.show_time ? html` <span class="ac-spinner-time">${elapsed(seconds)}</span>` : null}
    </div>
  </div>`;
}

function place(m, runtime) {
  const dot = m.at.lastIndexOf(".");
  const parent = runtime.nodes.get(m.at.slice(0, dot));
  if (!parent?.host) return null;  // its container is not on the page
  const el = document.createElement("div");
  el.className = "ac-el ac-el-spinner";
  el.dataset.testid = "ac-spinner";
  // Before whatever stands at its place now (an element of the last run), else at the end.
  const next = parent.children.slice(Number(m.at.slice(dot + 1))).find(Boolean);
  parent.host.insertBefore(el, next && next.el.parentNode === parent.host ? next.el : null);
  return el;
}

function show(m, runtime) {
  const started = performance.now();
  const entry = { el: null, clock: null };
  entry.timer = setTimeout(() => {
    entry.el = place(m, runtime);
    if (!entry.el) return;
    const draw = () => render(html`<${Spinner} m=${m} seconds=${(performance.now() - started) / 1000} />`, entry.el);
    draw();
    if (m.show_time) entry.clock = setInterval(draw, 100);
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

export function onMessage(message, runtime) {
  if (message.show) show(message, runtime);
  else hide(message.id);
}

// A spinner never outlives its run (one stopped or interrupted mid-block, say).
document.addEventListener("appcore:run-finished", () => { for (const id of [...shown.keys()]) hide(id); });

export default function SpinnerElement() {
  return null;  // never drawn as an element
}
