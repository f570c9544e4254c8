// st.spinner: not an element but a transient the server shows and hides by message
// ({t: "spinner", show, id, at, text, text_html, show_time, width}; _transient.js). It goes
// where the next element would go (`at`), after half a second, and goes when the block or the run ends.
import { html, widthStyle } from "appcore";
import "./_look.js";
import { transients } from "./_transient.js";

export function elapsed(seconds) {
  // Streamlit's wording: "(2.5 seconds)", "(1 minute, 3.0 seconds)", "(2 hours, 5 minutes)".
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const unit = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (!hours && !minutes) return `(${rest.toFixed(1)} seconds)`;
  if (!hours) return `(${unit(minutes, "minute")}${rest >= 0.05 ? `, ${rest.toFixed(1)} seconds` : ""})`;
  return `(${unit(hours, "hour")}${minutes ? `, ${unit(minutes, "minute")}` : ""})`;
}

function Spinner({ m, seconds }) {
  return html`<div class="ac-spinner-box" style=${widthStyle(m.width)}>
    <span class="ac-turning" aria-hidden="true" />
    <div class="ac-spinner-text" role="status">
      ${m.text_html ? html`<span class="ac-inline-md" dangerouslySetInnerHTML=${{ __html: m.text_html }} />` : html`<span>${m.text}</span>`}
      ${m.show_time ? html` <span class="ac-spinner-time">${elapsed(seconds)}</span>` : null}
    </div>
  </div>`;
}

export const onMessage = transients(Spinner, (m) => m.show_time);

export default function SpinnerElement() {
  return null;  // never drawn as an element
}
