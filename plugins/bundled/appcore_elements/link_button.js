// st.link_button: an <a> styled as a button, opening its URL in a new tab. With
// on_click (props.reports), the click is also sent to the server as a trigger.
import { html, css, Icon, LabelText, tooltip } from "appcore";

css(`
a.ac-btn { display: inline-flex; align-items: center; gap: 0.4rem; text-decoration: none; }
a.ac-btn[aria-disabled="true"] { opacity: 0.55; pointer-events: none; cursor: not-allowed; }
`);

export default function LinkButton({ props: p, ctx }) {
  const icon = html`<${Icon} icon=${p.icon} />`;
  return html`<a class=${`ac-btn ac-btn-${p.type || "secondary"}${p.width === "stretch" ? " ac-btn-wide" : ""}`}
    href=${p.disabled ? undefined : p.url} target="_blank" rel="noopener noreferrer" ...${tooltip(p.help, p.help_html)}
    aria-disabled=${p.disabled ? "true" : undefined}
    onClick=${() => { if (ctx.widgetId) ctx.setValue(true); }}>
    ${p.icon_position === "right" ? null : icon}<span><${LabelText} props=${p} /></span>${p.icon_position === "right" ? icon : null}
  </a>`;
}
