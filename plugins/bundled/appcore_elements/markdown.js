// markdown and caption: HTML rendered (and sanitised) on the server. Maths in it
// (.ac-math, its TeX in data-tex) is typeset by the vendored KaTeX, loaded on the
// first element that has some; Material icons link their font on first use (_markdown.js).
import { html, widthStyle, Help } from "appcore";
import { useRichHtml } from "./_markdown.js";

export default function Markdown({ props: p, ctx }) {
  const ref = useRichHtml(p.html);
  const classes = [ctx.type === "caption" ? "ac-markdown ac-caption" : "ac-markdown",
    p.wrap === false ? "ac-markdown-nowrap" : ""].join(" ");
  const style = { ...(p.width === "auto" ? {} : widthStyle(p.width)), textAlign: p.text_alignment || undefined };
  const body = html`<div ref=${ref} class=${classes} style=${p.help ? undefined : style}
    dangerouslySetInnerHTML=${{ __html: p.html }} />`;
  if (!p.help) return body;
  // As Streamlit: the help's "?" sits beside the text, its tooltip the help's Markdown.
  return html`<div class="ac-markdown-help-row" style=${style}>${body}<${Help} text=${p.help} html=${p.help_html} /></div>`;
}
