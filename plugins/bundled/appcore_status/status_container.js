// st.status: a <details> box whose summary shows the state's icon (a turning spinner,
// a check, an error sign) and the label. The runtime puts the children into
// .ac-status-children; the person may open and close it, and the script's
// `expanded` wins only when the script changes it.
import { html, css, widthStyle, Icon, useState, useLayoutEffect, useRef } from "appcore";
import "./_look.js";

css(`
.ac-status { min-width: 0; }
.ac-status > summary { display: flex; align-items: center; gap: 0.5rem; cursor: pointer; list-style: none; font-size: 0.875rem;
  line-height: 1.5; min-height: 2.25rem; overflow-wrap: anywhere; }
.ac-status > summary::-webkit-details-marker { display: none; }
.ac-status > summary:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: -2px; }
.ac-status-icon { display: inline-flex; align-items: center; justify-content: center; flex-shrink: 0; width: 1rem; height: 1rem; font-size: 0.8rem; }
.ac-status-icon .ac-icon-material { vertical-align: 0; }
.ac-status-label { min-width: 0; }
.ac-status-children { display: flex; flex-direction: column; min-width: 0; }
.ac-status-children > .ac-el:last-child { margin-bottom: 0; }
.ac-status-children:empty { display: none; }
/* default: a bordered box */
.ac-status-default { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); }
.ac-status-default > summary { padding: 0.25rem 0.75rem; border-radius: var(--ac-radius); }
.ac-status-default[open] > summary { background: color-mix(in srgb, var(--ac-bg2) 35%, var(--ac-bg)); border-bottom: 1px solid var(--ac-border);
  border-radius: var(--ac-radius) var(--ac-radius) 0 0; }
.ac-status-default > summary:hover { color: var(--ac-primary); }
.ac-status-default > .ac-status-children { padding: 1rem; }
/* compact: a muted line with a chevron */
.ac-status-compact > summary { display: inline-flex; color: var(--ac-muted); min-height: 1.75rem; }
.ac-status-compact > summary:hover { color: var(--ac-text); }
.ac-status-chevron { display: inline-block; width: 0.45rem; height: 0.45rem; margin: 0 0.35rem 0.2rem; border-right: 1.5px solid currentColor;
  border-bottom: 1.5px solid currentColor; transform: rotate(-45deg); margin-bottom: 0; }
.ac-status-compact[open] .ac-status-chevron { transform: rotate(45deg); margin-bottom: 0.2rem; }
.ac-status-compact > .ac-status-children { padding-top: 0.5rem; }
/* step: an icon in a ring on a rail that runs down to the next step */
.ac-status-step { position: relative; padding-left: 2.25rem; }
.ac-status-step > summary { min-height: 1.5rem; }
.ac-status-step .ac-status-icon { position: absolute; left: 0; top: 0; width: 1.5rem; height: 1.5rem; }
.ac-status-step .ac-status-icon .ac-icon-material { font-size: 1.25rem; max-width: none; }
.ac-status-step .ac-turning { width: 1.1rem; height: 1.1rem; }
.ac-status-step-error .ac-status-icon { color: var(--ac-error); }
.ac-status-step::before { content: ""; position: absolute; left: calc(0.75rem - 0.5px); top: 1.75rem; bottom: 0.25rem; border-left: 1px solid var(--ac-border); }
.ac-el-status_container:has(+ .ac-el-status_container > .ac-status-step) > .ac-status-step::before { bottom: calc(-1rem + 0.25rem); }
.ac-status-step > .ac-status-children { padding: 0.5rem 0 0.25rem; }
`);

// The runtime puts the children into this node; it is rendered empty and never re-created.
export const children = (root) => root.querySelector(".ac-status-children");

const STEP_ICONS = { complete: ":material/check_circle:", error: ":material/error:" };

function StateIcon({ p, kind }) {
  const icon = kind === "step" && STEP_ICONS[p.state] ? STEP_ICONS[p.state] : p.icon;
  return html`<span class="ac-status-icon" data-testid="ac-status-icon" data-state=${p.state}>
    ${icon === "spinner" ? html`<span class="ac-turning" role="img" aria-label="running" />` : html`<${Icon} icon=${icon} />`}
  </span>`;
}

export default function Status({ props: p }) {
  const [open, setOpen] = useState(!!p.expanded);
  const shownExpanded = useRef(p.expanded);
  // The script's `expanded` applies when the script changes it; otherwise the person's choice stays.
  useLayoutEffect(() => {
    if (p.expanded !== shownExpanded.current) {
      shownExpanded.current = p.expanded;
      setOpen(!!p.expanded);
    }
  }, [p.expanded]);
  const kind = ["compact", "step"].includes(p.type) ? p.type : "default";
  const onToggle = (event) => setOpen(event.currentTarget.open);
  const label = p.label_html
    ? html`<span class="ac-status-label ac-inline-md" dangerouslySetInnerHTML=${{ __html: p.label_html }} />`
    : html`<span class="ac-status-label">${p.label}</span>`;
  return html`<details class=${`ac-status ac-status-${kind} ac-status-${kind}-${p.state}`} open=${open} onToggle=${onToggle}
      style=${widthStyle(p.width)} data-state=${p.state} aria-busy=${p.state === "running" ? "true" : "false"}>
    <summary><${StateIcon} p=${p} kind=${kind} />${label}${kind === "compact" ? html`<span class="ac-status-chevron" aria-hidden="true" />` : null}</summary>
    <div class="ac-status-children" />
  </details>`;
}
