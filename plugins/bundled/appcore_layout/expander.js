// st.expander: a bordered box whose header opens and closes it. Its chevron (or the
// icon the script gave) sits before the label. Open or closed is the person's choice,
// kept here across reruns; a stateful expander (on_change) reports it as its value.
import { html, css, Icon, LabelText, useLayoutEffect, useState, widthStyle } from "appcore";

css(`
.ac-expander { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); }
.ac-expander > summary { display: flex; align-items: center; gap: 0.5rem; padding: 0.25rem 0.75rem; min-height: 2.375rem;
  font-size: 0.875rem; line-height: 1.5; cursor: pointer; list-style: none; border-radius: var(--ac-radius); user-select: none; }
.ac-expander > summary::-webkit-details-marker { display: none; }
.ac-expander > summary:hover, .ac-expander > summary:focus-visible { color: var(--ac-primary); }
.ac-expander > summary:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: -2px; }
.ac-expander > summary .ac-icon-material { font-size: 1.125rem; vertical-align: middle; }
.ac-expander-default[open] > summary { border-radius: var(--ac-radius) var(--ac-radius) 0 0; border-bottom: 1px solid var(--ac-border);
  background: color-mix(in srgb, var(--ac-bg2) 45%, transparent); }
.ac-expander-label .ac-label-md p { margin: 0; }
.ac-expander-marker { display: inline-flex; }
.ac-expander-body { display: flex; flex-direction: column; gap: 1rem; padding: 1rem; min-width: 0; }
.ac-expander-body > .ac-el { margin-bottom: 0; }
/* compact: no box, a muted label with the chevron after it */
.ac-expander-compact { border: none; }
.ac-expander-compact > summary { padding: 0; min-height: 1.5rem; color: var(--ac-muted); }
.ac-expander-compact .ac-expander-body { padding: 0.75rem 0 0; }
/* step: a circle on a line that runs down the step's content, as a timeline */
.ac-expander-step { border: none; }
.ac-expander-step > summary { padding: 0; min-height: 1.75rem; gap: 0.75rem; }
.ac-expander-step > summary .ac-icon-material { font-size: 1.35rem; color: var(--ac-muted); }
.ac-expander-step .ac-expander-body { margin-left: 0.675rem; padding: 0.5rem 0 0.5rem 1.5rem; border-left: 1px solid var(--ac-border); }
`);

export const children = (root) => root.querySelector(".ac-expander-body");

export default function Expander({ props: p, ctx }) {
  const wanted = ctx.widgetId ? !!p.value : !!p.expanded;
  const [open, setOpen] = useState(wanted);
  // The script's word wins when it changes (a new `expanded`, a value set in session_state).
  useLayoutEffect(() => setOpen(wanted), [wanted]);
  const toggle = (event) => {
    event.preventDefault();  // we hold `open`, not the browser's <details>
    setOpen(!open);
    if (ctx.widgetId) ctx.setValue(!open);
  };
  const type = p.type || "default";
  const chevron = open ? ":material/expand_more:" : ":material/chevron_right:";
  // The marker is decoration: the summary's name is its label, its state aria-expanded.
  const marker = html`<span class="ac-expander-marker" aria-hidden="true"><${Icon} icon=${p.icon || (type === "step" ? ":material/radio_button_unchecked:" : chevron)} /></span>`;
  return html`<details class=${`ac-expander ac-expander-${type}`} open=${open} style=${widthStyle(p.width)}>
    <summary onClick=${toggle} aria-expanded=${String(open)}>
      ${type === "compact" ? null : marker}
      <span class="ac-expander-label"><${LabelText} props=${p} /></span>
      ${type === "compact" ? marker : null}
    </summary>
    <div class="ac-expander-body" />
  </details>`;
}
