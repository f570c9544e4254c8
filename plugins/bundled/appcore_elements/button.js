// st.button (and the form submit button, which shares its props): a trigger widget.
import { html } from "appcore";

export default function Button({ props: p, ctx }) {
  return html`<button type="button" class=${`ac-btn ac-btn-${p.type || "secondary"}${p.use_container_width ? " ac-btn-wide" : ""}`}
    disabled=${!!p.disabled} title=${p.help || undefined} onClick=${() => ctx.setValue(true)}>
    ${p.icon ? `${p.icon} ${p.label}` : p.label}
  </button>`;
}
