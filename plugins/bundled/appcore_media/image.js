// st.image: a row of figures that wraps; each image at its own width ("content": as
// large as it is, never wider than its container), with its caption under it.
import { html, css } from "appcore";

css(`
.ac-image-list { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.ac-image { margin: 0; display: flex; flex-direction: column; align-items: center; max-width: 100%; }
.ac-image img { display: block; max-width: 100%; height: auto; }
.ac-image-stretch { flex: 1 1 100%; }
.ac-image-stretch img { width: 100%; }
.ac-image-caption { margin-top: 0.35rem; font-size: 0.875rem; color: var(--ac-muted); text-align: center;
  overflow-wrap: anywhere; }
.ac-image-caption p { margin: 0; }
`);

const external = (url) => /^[a-z][a-z0-9+.-]*:/i.test(url);

function Figure({ image: img, width, link }) {
  const style = typeof width === "number" ? `width: ${width}px` : undefined;
  let picture = html`<img src=${img.url} alt=${img.alt ?? undefined} style=${style} loading="lazy" />`;
  if (link) {
    picture = external(link)
      ? html`<a href=${link} target="_blank" rel="noopener noreferrer">${picture}</a>`
      : html`<a href=${link}>${picture}</a>`;
  }
  const caption = img.caption == null ? null : img.caption_html
    ? html`<figcaption class="ac-image-caption" dangerouslySetInnerHTML=${{ __html: img.caption_html }} />`
    : html`<figcaption class="ac-image-caption">${img.caption}</figcaption>`;
  return html`<figure class=${`ac-image${width === "stretch" ? " ac-image-stretch" : ""}`}>${picture}${caption}</figure>`;
}

export default function Image({ props: p }) {
  return html`<div class="ac-image-list">
    ${(p.images || []).map((img) => html`<${Figure} image=${img} width=${p.width} link=${p.link} />`)}
  </div>`;
}
