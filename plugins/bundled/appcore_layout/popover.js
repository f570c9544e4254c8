// st.popover: a button that opens a floating panel below it. A click outside the panel
// or Esc closes it; widgets inside keep it open while they rerun the app (the server
// does not redraw the popover itself). A stateful popover (on_change) reports open/closed.
import { html, css, Icon, LabelText, useAnchoredPanel, useId, useLayoutEffect, useRef, useState, widthStyle } from "appcore";

css(`
.ac-popover { position: relative; display: inline-block; max-width: 100%; vertical-align: top; }
.ac-popover-button { display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem; width: 100%; }
.ac-popover-button .ac-label-md p { margin: 0; }
.ac-popover-button.ac-popover-nowrap { white-space: nowrap; }
.ac-popover-button.ac-btn-secondary[aria-expanded="true"], .ac-popover-button.ac-btn-tertiary[aria-expanded="true"] { background: var(--ac-bg2); }
.ac-popover-chevron .ac-icon-material { font-size: 1rem; }
.ac-popover-icon, .ac-popover-chevron { display: inline-flex; }
/* Fixed, placed under its button by the script: no scrolling box around it (the sidebar) can clip it. */
.ac-popover-body { position: fixed; z-index: 100; box-sizing: border-box;
  min-width: min(20rem, calc(100vw - 1rem)); width: max-content; max-width: min(40rem, calc(100vw - 1rem));
  max-height: calc(100vh - 1rem); overflow-y: auto;
  display: flex; flex-direction: column; gap: 1rem; padding: calc(1.5rem - 1px); background: var(--ac-bg); color: var(--ac-text);
  border: 1px solid var(--ac-border); border-radius: 0.75rem; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16); }
.ac-popover-body[hidden] { display: none; }
.ac-popover-body > .ac-el { margin-bottom: 0; }
[data-theme="dark"] .ac-popover-body { box-shadow: 0 4px 16px rgba(0, 0, 0, 0.5); }
`);

export const children = (root) => root.querySelector(".ac-popover-body");

export default function Popover({ props: p, ctx }) {
  const bodyId = useId("popover");
  const wanted = ctx.widgetId ? !!p.value : false;
  const [open, setOpen] = useState(wanted);
  const button = useRef(null);
  const body = useRef(null);
  useLayoutEffect(() => setOpen(wanted), [wanted]);
  const change = (next) => {
    setOpen(next);
    if (ctx.widgetId && next !== open) ctx.setValue(next);
  };
  // Closed by a press outside (the button toggles by itself) and by Esc; placed under the button.
  useAnchoredPanel(open, () => change(false), button, body, ctx.root, "min(20rem, calc(100vw - 1rem))");
  const wide = p.width === "stretch";
  const style = wide ? { display: "block", width: "100%" } : widthStyle(p.width);
  return html`<div class="ac-popover" style=${style}>
    <button type="button" ref=${button} class=${`ac-btn ac-btn-${p.type || "secondary"} ac-popover-button${p.wrap === false ? " ac-popover-nowrap" : ""}`}
      disabled=${!!p.disabled} title=${p.help || undefined} aria-haspopup="dialog" aria-expanded=${String(open)} aria-controls=${bodyId}
      onClick=${() => change(!open)}>
      ${p.icon ? html`<span class="ac-popover-icon" aria-hidden="true"><${Icon} icon=${p.icon} /></span>` : null}
      <span><${LabelText} props=${p} /></span>
      <span class="ac-popover-chevron" aria-hidden="true"><${Icon} icon=${open ? ":material/expand_less:" : ":material/expand_more:"} /></span>
    </button>
    <div class="ac-popover-body" id=${bodyId} ref=${body} role="dialog" aria-label=${p.label} hidden=${!open} />
  </div>`;
}
