// st.skeleton: an animated grey block where content is on its way; as high as most
// widgets unless a height is given ("stretch" fills a container of fixed height). The
// same block is the transient of `with st.skeleton():` (_transient.js).
import { html, css, widthStyle } from "appcore";
import { transients } from "./_transient.js";

css(`
.ac-skeleton { box-sizing: border-box; height: 2.5rem; max-width: 100%; border-radius: var(--ac-radius);
  --ac-skeleton-base: color-mix(in srgb, var(--ac-text) 9%, var(--ac-bg));
  --ac-skeleton-light: color-mix(in srgb, var(--ac-text) 3%, var(--ac-bg));
  background: linear-gradient(90deg, var(--ac-skeleton-base) 0%, var(--ac-skeleton-light) 50%, var(--ac-skeleton-base) 100%);
  background-size: 200% 100%; animation: ac-skeleton-shimmer 1.5s ease-in-out infinite; }
@keyframes ac-skeleton-shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }
@media (prefers-reduced-motion: reduce) { .ac-skeleton { animation: none; } }
`);

function Block({ m }) {
  const height = typeof m.height === "number" ? `${m.height}px` : m.height === "stretch" ? "100%" : undefined;
  return html`<div class="ac-skeleton" role="status" aria-busy="true" aria-label="Loading"
    style=${{ ...widthStyle(m.width), ...(height ? { height } : {}) }} />`;
}

export const onMessage = transients(Block);

export default function Skeleton({ props }) {
  return html`<${Block} m=${props} />`;
}
