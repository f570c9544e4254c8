// The spinner of a cached function that is computing (show_spinner): transient, as in
// Streamlit. It is not an element of the page's tree: it sits just before the next
// element of the container the call draws into, from half a second after the call
// started until the server says the call returned.
import { html, render, css, useEffect, useState } from "appcore";

css(`
.ac-cache-spinner { display: flex; align-items: center; gap: 0.5rem; min-height: 1.5rem; margin: 0.25rem 0 1rem;
  color: var(--ac-text); font-family: var(--ac-font); font-size: 0.875rem; }
.ac-cache-spinner-icon { flex: none; width: 1rem; height: 1rem; box-sizing: border-box; border-radius: 50%;
  border: 0.15rem solid var(--ac-border); border-top-color: var(--ac-text);
  animation: ac-cache-spin 0.9s linear infinite; }
@keyframes ac-cache-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .ac-cache-spinner-icon { animation-duration: 2.5s; } }
.ac-cache-spinner-time { color: var(--ac-muted); font-variant-numeric: tabular-nums; }
`);

const DELAY_MS = 500;
const shown = new Map();

function CacheSpinner({ text, textHtml, showTime, started }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!showTime) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [showTime]);
  const seconds = ((now - started) / 1000).toFixed(1);
  return html`<div class="ac-cache-spinner" role="status" aria-live="polite">
    <span class="ac-cache-spinner-icon" aria-hidden="true" />
    ${textHtml ? html`<span dangerouslySetInnerHTML=${{ __html: textHtml }} />` : html`<span>${text}</span>`}
    ${showTime ? html`<span class="ac-cache-spinner-time">(${seconds} seconds)</span>` : null}
  </div>`;
}

function place(message, runtime, started) {
  const container = runtime.nodes.get(message.at);
  if (!container?.host) return null;
  const el = document.createElement("div");
  el.className = "ac-transient";
  el.dataset.testid = "ac-cache_spinner";
  let before = null;
  for (let i = message.index; i < container.children.length; i++) {
    if (container.children[i]) { before = container.children[i].el; break; }
  }
  container.host.insertBefore(el, before && before.parentNode === container.host ? before : null);
  render(html`<${CacheSpinner} text=${message.text} textHtml=${message.text_html}
    showTime=${message.show_time} started=${started} />`, el);
  return el;
}

function hide(id) {
  const spinner = shown.get(id);
  if (!spinner) return;
  clearTimeout(spinner.timer);
  if (spinner.el) { render(null, spinner.el); spinner.el.remove(); }
  shown.delete(id);
}

export function onMessage(message, runtime) {
  if (message.state === "hide") { hide(message.id); return; }
  const started = Date.now();
  const spinner = { el: null, timer: 0 };
  spinner.timer = setTimeout(() => { spinner.el = place(message, runtime, started); }, DELAY_MS);
  shown.set(message.id, spinner);
}
