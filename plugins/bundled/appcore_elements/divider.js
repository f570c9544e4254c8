// st.divider: a horizontal rule.
import { html, css, widthStyle } from "appcore";

css(`.ac-divider { border: none; border-top: 1px solid var(--ac-border); margin: 1.5rem 0 0.5rem; }`);

export default function Divider({ props: p }) {
  return html`<hr class="ac-divider" style=${widthStyle(p.width)} />`;
}
