// st.sparkle: the text between props.count sparkles on each side.
import { css, html } from "appcore";

css(`.ac-sparkle { font-size: 1.1rem; letter-spacing: 0.02em; }`);

export default function Sparkle({ props }) {
  const sparkles = "✨".repeat(props.count);
  return html`<p class="ac-sparkle">${sparkles}${props.count ? " " : ""}${props.text}${props.count ? " " : ""}${sparkles}</p>`;
}
