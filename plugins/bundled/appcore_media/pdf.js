// st.pdf: the browser's own PDF viewer in a frame of the given height ("stretch": its container's).
import { html, css } from "appcore";

css(`
.ac-pdf { display: block; width: 100%; border: 1px solid var(--ac-border); border-radius: var(--ac-radius);
  background: var(--ac-surface); }
`);

export default function Pdf({ props: p }) {
  const height = typeof p.height === "number" ? `${p.height}px` : "100%";
  return html`<iframe class="ac-pdf" src=${p.url} style=${`height: ${height}`} title=${p.alt || "PDF document"} />`;
}
