// st.button (and the form submit button, which shares its props): a trigger widget,
// its label Streamlit's markdown, its icon on the side icon_position says.
import { css, html, Icon, LabelText, tooltip } from "appcore";

css(`
button.ac-btn { display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem; }
.ac-btn .ac-label-md p { margin: 0; }
`);

export default function Button({ props: p, ctx }) {
  const icon = html`<${Icon} icon=${p.icon} />`;
  return html`<button type="button" class=${`ac-btn ac-btn-${p.type || "secondary"}${p.use_container_width ? " ac-btn-wide" : ""}`}
    disabled=${!!p.disabled} ...${tooltip(p.help, p.help_html)} onClick=${() => ctx.setValue(true)}>
    ${p.icon_position === "right" ? null : icon}<span><${LabelText} props=${p} /></span>${p.icon_position === "right" ? icon : null}
  </button>`;
}
