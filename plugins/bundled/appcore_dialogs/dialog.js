// A modal on the native <dialog>: showModal() traps focus and gives Esc for free;
// the element restores focus on close. Dismissal is reported to the server.
import { css, html, Icon, useId, useLayoutEffect, useRef, useState } from "appcore";

css(`
.ac-dialog { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); padding: 0; background: var(--ac-bg); color: var(--ac-text); box-shadow: 0 10px 40px rgba(0,0,0,.3); width: min(500px, 94vw); max-height: 90vh; }
.ac-dialog[data-width="medium"] { width: min(750px, 94vw); }
.ac-dialog[data-width="large"] { width: min(1280px, 94vw); }
.ac-dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
/* A side drawer: the full height, at the left or right edge. */
.ac-dialog[data-position="left"], .ac-dialog[data-position="right"] { height: 100vh; max-height: 100vh; margin: 0; border-radius: 0; }
.ac-dialog[data-position="left"] { margin-right: auto; }
.ac-dialog[data-position="right"] { margin-left: auto; }
.ac-dialog-head h2 .ac-icon { margin-right: 0.5rem; }
[data-theme="dark"] .ac-dialog { background: var(--ac-surface); --ac-bg2: var(--ac-bg); }
[data-theme="dark"] .ac-dialog::backdrop { background: rgba(0, 0, 0, 0.7); }
.ac-dialog-body > .ac-el:last-child { margin-bottom: 0; }
.ac-dialog-head { display: flex; align-items: center; justify-content: space-between; padding: 1rem 1.5rem 0; }
.ac-dialog-head h2 { margin: 0; font-size: 1.5rem; }
.ac-dialog-close { border: none; background: none; font-size: 1.5rem; line-height: 1; cursor: pointer; color: var(--ac-muted); padding: 0.25rem 0.5rem; border-radius: var(--ac-radius); }
.ac-dialog-close:hover, .ac-dialog-close:focus-visible { color: var(--ac-text); background: var(--ac-bg2); }
.ac-dialog-body { padding: 1rem 1.5rem 1.5rem; }
`);

export const children = (root) => root.querySelector(".ac-dialog-body");

export default function Dialog({ props: p, ctx }) {
  const titleId = useId("dialog-title");
  const modal = useRef(null);
  const dismissed = useRef(false);  // guards against Esc and a click both dismissing
  const [opener] = useState(() => document.activeElement);
  useLayoutEffect(() => {
    if (!modal.current.open) modal.current.showModal();
  });
  useLayoutEffect(() => () => {
    if (modal.current?.open) modal.current.close();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }, []);
  const dismiss = () => {
    if (!p.dismissible || dismissed.current) return;
    dismissed.current = true;
    modal.current.close();
    ctx.send({ t: "dialog_dismissed", id: p.id });
    ctx.remove();
  };
  // Esc: the browser fires "cancel"; we decide whether it may close.
  const cancel = (event) => { event.preventDefault(); dismiss(); };
  // A click on the backdrop lands on the <dialog> itself, outside its content box.
  const click = (event) => {
    if (event.target !== modal.current) return;
    const box = modal.current.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dismiss();
  };
  const pixels = typeof p.width === "number" ? { width: `min(${p.width}px, 94vw)` } : undefined;
  return html`<dialog ref=${modal} class="ac-dialog" aria-labelledby=${titleId} aria-modal="true"
      data-width=${typeof p.width === "number" ? "pixels" : p.width} data-position=${p.position || "center"}
      style=${pixels} onCancel=${cancel} onClick=${click}>
    <div class="ac-dialog-head">
      <h2 id=${titleId}><${Icon} icon=${p.icon} />${p.title}</h2>
      <button type="button" class="ac-dialog-close" aria-label="Close" hidden=${!p.dismissible} onClick=${dismiss}>×</button>
    </div>
    <div class="ac-dialog-body" />
  </dialog>`;
}
