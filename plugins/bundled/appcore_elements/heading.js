// title, header and subheader: h1, h2, h3 with an anchor and an optional divider.
import { css, html, Help } from "appcore";
import { useRichHtml } from "./_markdown.js";

css(`
.ac-heading > .ac-help { margin-left: 0.5rem; vertical-align: middle; font-weight: 400; }
.ac-heading-divider { border: none; height: 2px; border-radius: 2px; margin: 0.25rem 0 0.5rem; background: var(--ac-border); }
.ac-divider-blue { background: #1c83e1; } .ac-divider-green { background: #21c354; }
.ac-divider-orange { background: #ff8700; } .ac-divider-red { background: #ff4b4b; }
.ac-divider-violet { background: #803df5; } .ac-divider-gray, .ac-divider-grey { background: #a3a8b8; }
.ac-divider-rainbow { background: linear-gradient(to right, #ff4b4b, #ff8700, #ffd16a, #21c354, #1c83e1, #803df5); }
`);

export default function Heading({ props: p }) {
  const ref = useRichHtml(p.html);
  const Tag = `h${p.level}`;
  return [
    html`<${Tag} class="ac-heading" id=${p.anchor || undefined}>
      <span ref=${ref} dangerouslySetInnerHTML=${{ __html: p.html }} /><${Help} text=${p.help} html=${p.help_html} />
    </${Tag}>`,
    p.divider ? html`<hr class=${`ac-heading-divider ac-divider-${p.divider}`} />` : null,
  ];
}
