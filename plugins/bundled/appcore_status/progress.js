// st.progress: a label (Markdown rendered on the server) over a thin bar. The bar moves
// in place as the script sends new values, easing between them unless motion is reduced.
import { html, css, widthStyle, useId } from "appcore";

css(`
.ac-progress-text { font-size: 0.875rem; line-height: 1.5; margin-bottom: 0.25rem; overflow-wrap: anywhere; }
.ac-progress-text p { margin: 0; }
.ac-progress-text code { font-family: var(--ac-mono); font-size: 0.85em; background: var(--ac-bg2); padding: 0.1em 0.25em; border-radius: 0.25rem; }
.ac-progress-track { height: 8px; border-radius: 4px; background: var(--ac-bg2); overflow: hidden; }
.ac-progress-fill { height: 100%; width: 100%; background: var(--ac-progress, #1c83e1); transition: transform 0.5s; }
@media (prefers-reduced-motion: reduce) { .ac-progress-fill { transition: none; } }
`);

export default function Progress({ props: p }) {
  const labelId = useId("ac-progress");
  const value = Math.max(0, Math.min(100, Number(p.value) || 0));
  const text = p.text_html
    ? html`<div class="ac-progress-text" id=${labelId} dangerouslySetInnerHTML=${{ __html: p.text_html }} />`
    : p.text ? html`<div class="ac-progress-text" id=${labelId}>${p.text}</div>` : null;
  return html`<div class="ac-progress" style=${widthStyle(p.width)}>
    ${text}
    <div class="ac-progress-track" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${value}
        aria-valuetext=${`${value}%`} aria-labelledby=${text ? labelId : undefined} aria-label=${text ? undefined : "progress"}>
      <div class="ac-progress-fill" style=${{ transform: `translateX(${value - 100}%)` }} />
    </div>
  </div>`;
}
