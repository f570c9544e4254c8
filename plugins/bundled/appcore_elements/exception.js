// An uncaught exception (or st.exception): the error and the user's traceback, as an error alert.
import { html } from "appcore";
import { alertCss } from "./_shared.js";

alertCss();

export default function Exception({ props: p }) {
  return html`<div class="ac-alert ac-alert-error" role="alert">
    <div class="ac-alert-content">
      <strong>${p.type}: </strong><span class="ac-exception-message">${p.message}</span>
      ${p.traceback?.length ? html`<pre class="ac-traceback" tabindex="0" aria-label="Traceback">${p.traceback.join("")}</pre>` : null}
    </div>
  </div>`;
}
