// st.toast: the element draws nothing in place; its toast goes into one stack at the
// top right of the window (newest on top), shown in the top layer as a popover so it
// stays above an open dialog too. A toast goes by itself after its duration (the
// timer waits while the pointer or the focus is on it), or when closed; it outlives
// a rerun that no longer draws it, as Streamlit's do. The same `id` with new
// props is the handle's update: the toast changes in place and its time starts over.
import { html, css, render, Icon, useLayoutEffect } from "appcore";
import "./_look.js";

css(`
.ac-toasts { position: fixed; inset: 3.5rem 1rem auto auto; margin: 0; padding: 0; border: 0; background: transparent; overflow: visible;
  display: flex; flex-direction: column; gap: 0.5rem; width: min(21rem, calc(100vw - 2rem)); color: var(--ac-text); pointer-events: none; }
.ac-toasts:popover-open { display: flex; }
.ac-toast { pointer-events: auto; position: relative; display: flex; align-items: center; gap: 1rem; box-sizing: border-box; width: 100%;
  padding: 1rem 2.5rem 1rem 1.5rem; border-radius: var(--ac-radius); background: var(--ac-bg); color: var(--ac-text);
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16); font-family: var(--ac-font); font-size: 1rem; line-height: 1.4; overflow-wrap: anywhere;
  animation: ac-toast-in 0.2s ease-out; }
[data-theme="dark"] .ac-toast { box-shadow: 0 4px 16px rgba(0, 0, 0, 0.7); background: color-mix(in srgb, var(--ac-bg) 88%, #fff); }
.ac-toast.ac-toast-leaving { opacity: 0; transform: translateX(1rem); transition: opacity 0.2s, transform 0.2s; }
.ac-toast-icon { flex-shrink: 0; font-size: 1.25rem; line-height: 1; }
.ac-toast-body { min-width: 0; flex: 1; }
.ac-toast-close { position: absolute; top: 0.6rem; right: 0.6rem; width: 1.5rem; height: 1.5rem; padding: 0; border: 0; border-radius: 0.25rem;
  background: none; color: var(--ac-muted); font-size: 1.1rem; line-height: 1; cursor: pointer; }
.ac-toast-close:hover, .ac-toast-close:focus-visible { color: var(--ac-text); background: var(--ac-bg2); }
@keyframes ac-toast-in { from { opacity: 0; transform: translateY(-0.5rem); } }
@media (prefers-reduced-motion: reduce) { .ac-toast { animation: none; } .ac-toast.ac-toast-leaving { transition: none; } }
`);

const LEAVE_MS = 200;
const toasts = new Map();   // id -> { el, timer, props }
const seen = new Set();     // shots already shown: a page that redraws the same element does not toast again
let stack = null;

function stackNode() {
  if (!stack) {
    stack = document.createElement("div");
    stack.className = "ac-toasts";
    stack.dataset.testid = "ac-toasts";
    stack.setAttribute("role", "region");
    stack.setAttribute("aria-label", "Notifications");
    stack.popover = "manual";
    document.body.append(stack);
  }
  // Shown again each time, so it sits above a dialog opened since.
  if (stack.matches(":popover-open")) stack.hidePopover();
  stack.showPopover();
  return stack;
}

// A dialog opened (or shown again) since goes above the toasts: bring them back on top.
function raiseStack() {
  if (stack && stack.children.length) stackNode();
}
document.addEventListener("appcore:run-finished", raiseStack);

function ToastCard({ p, onClose }) {
  return html`<div class="ac-toast" data-testid="ac-toast-card" role="status" aria-live="polite">
    ${p.icon ? html`<span class="ac-toast-icon"><${Icon} icon=${p.icon} /></span>` : null}
    ${p.html
      ? html`<div class="ac-toast-body ac-inline-md" data-testid="ac-toast-body" dangerouslySetInnerHTML=${{ __html: p.html }} />`
      : html`<div class="ac-toast-body" data-testid="ac-toast-body">${p.body}</div>`}
    <button type="button" class="ac-toast-close" aria-label="Close" onClick=${onClose}>×</button>
  </div>`;
}

function dismiss(id) {
  const toast = toasts.get(id);
  if (!toast) return;
  toasts.delete(id);
  clearTimeout(toast.timer);
  const card = toast.el.firstElementChild;
  const leave = () => {
    render(null, toast.el);
    toast.el.remove();
    if (stack && !stack.children.length && stack.matches(":popover-open")) stack.hidePopover();
  };
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (!card || reduced) { leave(); return; }
  card.classList.add("ac-toast-leaving");
  setTimeout(leave, LEAVE_MS);
}

function startTimer(id) {
  const toast = toasts.get(id);
  if (!toast) return;
  clearTimeout(toast.timer);
  const seconds = Number(toast.props.duration);
  if (seconds > 0) toast.timer = setTimeout(() => dismiss(id), seconds * 1000);
}

function showToast(p) {
  let toast = toasts.get(p.id);
  if (!toast) {
    const el = document.createElement("div");
    el.dataset.toastId = String(p.id);
    // Waiting while the person reads or reaches for it.
    el.addEventListener("pointerenter", () => clearTimeout(toasts.get(p.id)?.timer));
    el.addEventListener("pointerleave", () => startTimer(p.id));
    el.addEventListener("focusin", () => clearTimeout(toasts.get(p.id)?.timer));
    el.addEventListener("focusout", () => startTimer(p.id));
    toast = { el, timer: null, props: p };
    toasts.set(p.id, toast);
    stackNode().prepend(el);
  } else {
    stackNode();
  }
  toast.props = p;
  render(html`<${ToastCard} p=${p} onClose=${() => dismiss(p.id)} />`, toast.el);
  startTimer(p.id);
}

export default function Toast({ props: p }) {
  useLayoutEffect(() => {
    if (seen.has(p.shot)) return;
    seen.add(p.shot);
    showToast(p);
  }, [p.shot]);
  return null;
}
