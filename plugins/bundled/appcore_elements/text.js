// st.text: the body as typed (no Markdown), line breaks kept; wrap=false keeps one truncated line.
import { html, css, widthStyle, Help } from "appcore";

css(`
.ac-text { display: flex; align-items: baseline; gap: 0.3rem; max-width: 100%; }
.ac-text-body { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 0; }
.ac-text-nowrap .ac-text-body { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ac-text .ac-help { flex-shrink: 0; align-self: center; }
`);

export default function Text({ props: p }) {
  const nowrap = p.wrap === false;
  const style = { ...widthStyle(p.width), justifyContent: { center: "center", right: "flex-end" }[p.text_alignment] };
  return html`<div class=${nowrap ? "ac-text ac-text-nowrap" : "ac-text"} style=${style}>
    <span class="ac-text-body" title=${nowrap ? p.body : undefined} style=${{ textAlign: p.text_alignment }}>
      ${nowrap ? p.body.replace(/\r\n|\r|\n/g, " ") : p.body}
    </span>
    <${Help} text=${p.help} html=${p.help_html} />
  </div>`;
}
