// st.pyplot: the figure the server drew, as an image: the container's width ("stretch"),
// a width in pixels, or its own size ("content"), never wider than the container.
import { html, css, widthStyle } from "appcore";

css(`
.ac-pyplot img { display: block; max-width: 100%; height: auto; }
.ac-pyplot.ac-pyplot-fill img { width: 100%; }
`);

export default function Pyplot({ props: p }) {
  const fill = p.width !== "content";
  return html`<div class=${`ac-pyplot${fill ? " ac-pyplot-fill" : ""}`} style=${widthStyle(p.width)}>
    ${p.images.map((image) => html`<img src=${image.url} alt=${image.alt ?? ""}
      role=${image.alt === "" ? "presentation" : null} />`)}
  </div>`;
}
