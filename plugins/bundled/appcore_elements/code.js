// st.code: a code block with a copy button and optional line numbers, highlighted by the
// vendored highlight.js (frontend/vendor/highlight/, see scripts/vendor.py) once it has
// loaded on first use; until then, and for languages it does not know, plain text.
import { html, css, widthStyle, useState, useEffect, useMemo } from "appcore";
import { heightStyle, useVendored } from "./_shared.js";

css(`
.ac-code { position: relative; border-radius: var(--ac-radius); background: var(--ac-bg2); max-width: 100%; }
.ac-code pre { margin: 0; padding: 1rem 3rem 1rem 1rem; overflow: auto; height: 100%; font-family: var(--ac-mono); font-size: 0.85rem; line-height: 1.5; color: var(--ac-text); tab-size: 4; }
/* highlight.js's themes colour the tokens; the box, padding and background stay ours. */
.ac-el-code .ac-code pre code.hljs { display: inline; padding: 0; background: none; overflow: visible; }
.ac-code code { font-family: inherit; white-space: pre; color: var(--ac-text); }
.ac-code-wrap code { white-space: pre-wrap; overflow-wrap: anywhere; }
.ac-code-numbers code { counter-reset: ac-line; }
.ac-code-numbers .ac-code-line { counter-increment: ac-line; }
.ac-code-numbers .ac-code-line::before { content: counter(ac-line); display: inline-block; width: 2.2em; margin-right: 1em; text-align: right; color: var(--ac-muted); opacity: 0.7; user-select: none; }
.ac-code-wrap.ac-code-numbers .ac-code-line { display: block; padding-left: 3.2em; text-indent: -3.2em; }
.ac-code-copy { position: absolute; top: 0.4rem; right: 0.4rem; display: inline-flex; align-items: center; justify-content: center; width: 2rem; height: 2rem; padding: 0; border: 1px solid var(--ac-border); border-radius: calc(var(--ac-radius) * 0.75); background: var(--ac-bg); color: var(--ac-muted); cursor: pointer; opacity: 0; transition: opacity 0.15s; }
.ac-code:hover .ac-code-copy, .ac-code-copy:focus-visible, .ac-code-copy.ac-copied { opacity: 1; }
.ac-code-copy:hover { color: var(--ac-text); }
.ac-code-copy:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 1px; }
.ac-code-copy svg { width: 1rem; height: 1rem; }
@media (hover: none) { .ac-code-copy { opacity: 1; } }
`);

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// highlight.js's HTML for `source`, or the escaped text when it cannot highlight the language.
function highlighted(hljs, source, language) {
  const lang = language && language !== "plaintext" ? hljs?.getLanguage(language) && language : null;
  if (!lang) return escape(source);
  try {
    return hljs.highlight(source, { language: lang, ignoreIllegals: true }).value;
  } catch {
    return escape(source);
  }
}

// One span per line (so line numbers can count them), reopening the token spans a line break cuts.
function numbered(markup) {
  const open = [];
  let line = "";
  const lines = [];
  for (const part of markup.split(/(<span[^>]*>|<\/span>|\n)/)) {
    if (part === "\n") {
      lines.push(line + "</span>".repeat(open.length));
      line = open.join("");
    } else {
      if (part.startsWith("<span")) open.push(part);
      else if (part === "</span>") open.pop();
      line += part;
    }
  }
  lines.push(line);
  return lines.map((l) => `<span class="ac-code-line">${l}</span>`).join("\n");
}

const COPY_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><rect x="9" y="9" width="12" height="12" rx="2"/><path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1"/></svg>`;
const DONE_ICON = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" aria-hidden="true"><path d="M5 12l5 5L20 7"/></svg>`;

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http on another host): copy through a hidden textarea.
    const area = Object.assign(document.createElement("textarea"), { style: "position: fixed; opacity: 0" });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

function CopyButton({ text }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => { if (await copyText(text)) setCopied(true); };
  return html`<button type="button" class=${copied ? "ac-code-copy ac-copied" : "ac-code-copy"} title="Copy to clipboard"
    aria-label=${copied ? "Copied" : "Copy code to clipboard"} onClick=${copy}>${copied ? DONE_ICON : COPY_ICON}</button>`;
}

export default function Code({ props: p }) {
  const hljs = useVendored("highlight", "highlight.min.mjs", ["a11y-light.css", "github-dark.css"]);
  const markup = useMemo(() => {
    const marked = highlighted(hljs, p.body, p.language);
    return p.line_numbers ? numbered(marked) : marked;
  }, [hljs, p.body, p.language, p.line_numbers]);
  const style = { ...widthStyle(p.width), ...heightStyle(p.height), ...(typeof p.height === "number" ? { overflow: "hidden" } : {}) };
  return html`<div class=${`ac-code${p.line_numbers ? " ac-code-numbers" : ""}${p.wrap_lines ? " ac-code-wrap" : ""}`} style=${style}>
    <pre tabindex="0" aria-label=${p.language === "plaintext" ? "Code" : `${p.language} code`}>
      <code class=${`language-${p.language}${hljs ? " hljs" : ""}`} dangerouslySetInnerHTML=${{ __html: markup }} />
    </pre>
    <${CopyButton} text=${p.body} />
  </div>`;
}
