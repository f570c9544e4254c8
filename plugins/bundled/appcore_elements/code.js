// st.code: a code block with a copy button, optional line numbers and light highlighting
// (comments, strings, numbers, keywords) until highlight.js is vendored.
import { h, css } from "appcore";
import { applyWidth, applyHeight } from "./_shared.js";

css(`
.ac-code { position: relative; border-radius: var(--ac-radius); background: var(--ac-bg2); max-width: 100%;
  --ac-code-comment: #6a737d; --ac-code-string: #067d17; --ac-code-number: #1750eb; --ac-code-keyword: #a626a4; }
[data-theme="dark"] .ac-code { --ac-code-comment: #8b949e; --ac-code-string: #a5d6a7; --ac-code-number: #79c0ff; --ac-code-keyword: #d2a8ff; }
.ac-code pre { margin: 0; padding: 1rem 3rem 1rem 1rem; overflow: auto; height: 100%; font-family: var(--ac-mono); font-size: 0.85rem; line-height: 1.5; color: var(--ac-text); tab-size: 4; }
.ac-code code { font-family: inherit; white-space: pre; }
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
.ac-tok-comment { color: var(--ac-code-comment); font-style: italic; }
.ac-tok-string { color: var(--ac-code-string); }
.ac-tok-number { color: var(--ac-code-number); }
.ac-tok-keyword { color: var(--ac-code-keyword); font-weight: 600; }
@media (hover: none) { .ac-code-copy { opacity: 1; } }
`);

const KEYWORDS = {
  python: "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda match case nonlocal not or pass raise return try while with yield self",
  javascript: "async await break case catch class const continue debugger default delete do else export extends false finally for function if import in instanceof let new null of return static super switch this throw true try typeof undefined var void while yield",
  sql: "select from where and or not insert into values update set delete create table drop alter join left right inner outer on group by order having limit as distinct union all null is in like between case when then else end count sum avg min max",
  bash: "if then else elif fi for while do done case esac function in return export local echo exit",
  rust: "as async await break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while",
  go: "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var nil true false",
  java: "abstract boolean break byte case catch char class const continue default do double else enum extends final finally float for if implements import instanceof int interface long new null package private protected public return short static super switch this throw throws true false try void while",
};
const ALIASES = { py: "python", js: "javascript", ts: "javascript", typescript: "javascript", jsx: "javascript", tsx: "javascript", json: "javascript", sh: "bash", shell: "bash", zsh: "bash", c: "java", cpp: "java", "c++": "java", csharp: "java", cs: "java", kotlin: "java", rs: "rust", golang: "go", yaml: "bash", yml: "bash", toml: "bash", r: "bash" };
const HASH_COMMENTS = new Set(["python", "bash"]);

function tokenPattern(lang) {
  const comment = lang === "sql" ? String.raw`--[^\n]*|\/\*[\s\S]*?\*\/` : HASH_COMMENTS.has(lang) ? String.raw`#[^\n]*` : String.raw`\/\/[^\n]*|\/\*[\s\S]*?\*\/`;
  const strings = String.raw`"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'` + (lang === "javascript" || lang === "go" ? "|`(?:[^`\\\\]|\\\\.)*`" : "");
  return new RegExp(`(${comment})|(${strings})|(\\b\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)|([A-Za-z_]\\w*)`, "g");
}

// Text -> a list of [class or null, text]; only names in the language's keyword list are marked.
function tokenize(source, language) {
  const lang = ALIASES[language] || language;
  const words = KEYWORDS[lang];
  if (!words) return [[null, source]];
  const keywords = new Set(lang === "sql" ? [...words.split(" "), ...words.toUpperCase().split(" ")] : words.split(" "));
  const out = [];
  let last = 0;
  for (const m of source.matchAll(tokenPattern(lang))) {
    const kind = m[1] ? "comment" : m[2] ? "string" : m[3] ? "number" : keywords.has(m[4]) ? "keyword" : null;
    if (!kind) continue;
    if (m.index > last) out.push([null, source.slice(last, m.index)]);
    out.push([kind, m[0]]);
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push([null, source.slice(last)]);
  return out;
}

// Tokens split at newlines into one span per line, so line numbers can count them.
function render(code, source, language, numbered) {
  const tokens = tokenize(source, language);
  if (!numbered) {
    code.replaceChildren(...tokens.map(([kind, text]) => (kind ? h("span", { class: `ac-tok-${kind}` }, text) : text)));
    return;
  }
  const lines = [h("span", { class: "ac-code-line" })];
  for (const [kind, text] of tokens) {
    text.split("\n").forEach((part, i) => {
      if (i > 0) {
        lines[lines.length - 1].append("\n");
        lines.push(h("span", { class: "ac-code-line" }));
      }
      if (part) lines[lines.length - 1].append(kind ? h("span", { class: `ac-tok-${kind}` }, part) : part);
    });
  }
  code.replaceChildren(...lines);
}

const COPY_ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><rect x="9" y="9" width="12" height="12" rx="2"/><path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1"/></svg>';
const DONE_ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" aria-hidden="true"><path d="M5 12l5 5L20 7"/></svg>';

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http on another host): copy through a hidden textarea.
    const area = h("textarea", { style: { position: "fixed", opacity: "0" } });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function mount(root, props) {
  let current = props;
  const code = h("code");
  const pre = h("pre", { tabindex: "0" }, code);
  const button = h("button", { type: "button", class: "ac-code-copy", title: "Copy to clipboard", "aria-label": "Copy code to clipboard" });
  button.innerHTML = COPY_ICON;
  let timer = null;
  button.addEventListener("click", async () => {
    if (!(await copyText(current.body))) return;
    button.innerHTML = DONE_ICON;
    button.classList.add("ac-copied");
    button.setAttribute("aria-label", "Copied");
    clearTimeout(timer);
    timer = setTimeout(() => {
      button.innerHTML = COPY_ICON;
      button.classList.remove("ac-copied");
      button.setAttribute("aria-label", "Copy code to clipboard");
    }, 1500);
  });
  const box = h("div", { class: "ac-code" }, pre, button);
  const update = (p) => {
    current = p;
    box.className = `ac-code${p.line_numbers ? " ac-code-numbers" : ""}${p.wrap_lines ? " ac-code-wrap" : ""}`;
    code.className = `language-${p.language}`;
    pre.setAttribute("aria-label", `${p.language === "plaintext" ? "Code" : `${p.language} code`}`);
    render(code, p.body, p.language, p.line_numbers);
    applyWidth(box, p.width);
    applyHeight(box, p.height);
    if (typeof p.height === "number") box.style.overflow = "hidden";
  };
  update(props);
  root.append(box);
  return { update, destroy: () => clearTimeout(timer) };
}
