// st.holder_button: sends its holder's values (a click is `true`).
import { css, html, Help, widthStyle } from "appcore";

css(`
.ac-holder-button { font: inherit; padding: 0.35rem 0.9rem; border-radius: 0.5rem; border: 1px solid #8a8fa3;
  background: #f0f2f6; color: inherit; cursor: pointer; }
.ac-holder-button:disabled { cursor: default; opacity: 0.6; }
`);

export default function HolderButton({ props: p, ctx }) {
  return html`<span style=${widthStyle(p.width)}><button type="button" class="ac-holder-button"
      style=${p.width === "stretch" ? "width: 100%" : ""} disabled=${!!p.disabled}
      onClick=${() => ctx.setValue(true)}>${p.label}</button><${Help} text=${p.help} /></span>`;
}
