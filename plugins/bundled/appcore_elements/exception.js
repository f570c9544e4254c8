// An uncaught exception (or st.exception): the error and the user's traceback, as an error alert.
// appcore's (and Streamlit's) API errors are markdown, rendered on the server (message_html).
import { html } from "appcore";
import { alertCss } from "./_shared.js";
import { useRichHtml } from "./_markdown.js";  // brings the Markdown typography with it

alertCss();

export default function Exception({ props: p }) {
  const ref = useRichHtml(p.message_html ?? "");
  return html`<div class="ac-alert ac-alert-error" role="alert">
    <div class="ac-alert-content">
      ${p.message_html
        ? html`<div ref=${ref} class="ac-markdown" dangerouslySetInnerHTML=${{ __html: p.message_html }} />`
        : html`<strong>${p.type}: </strong><span class="ac-exception-message">${p.message}</span>`}
      ${p.traceback?.length ? html`<pre class="ac-traceback" tabindex="0" aria-label="Traceback">${p.traceback.join("")}</pre>` : null}
    </div>
  </div>`;
}
