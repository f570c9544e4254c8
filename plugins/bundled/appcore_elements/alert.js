// st.success, st.info, st.warning, st.error: a tinted box with an icon, an optional title
// and a Markdown body rendered on the server. Errors and warnings interrupt a screen reader.
import { html, widthStyle } from "appcore";
import { alertCss, Icon } from "./_shared.js";
import { useRichHtml } from "./_markdown.js";  // brings the Markdown typography with it

alertCss();

export default function Alert({ props: p, ctx }) {
  const kind = ctx.type;
  const ref = useRichHtml(`${p.title_html ?? ""}${p.html}`);
  return html`<div class=${`ac-alert ac-alert-${kind}`} role=${kind === "error" || kind === "warning" ? "alert" : "status"}
      style=${widthStyle(p.width)}>
    <${Icon} icon=${p.icon} class="ac-alert-icon" />
    <div class="ac-alert-content" ref=${ref}>
      ${p.title_html ? html`<div class="ac-alert-title ac-markdown" dangerouslySetInnerHTML=${{ __html: p.title_html }} />` : null}
      <div class="ac-alert-body ac-markdown" dangerouslySetInnerHTML=${{ __html: p.html }} />
    </div>
  </div>`;
}
