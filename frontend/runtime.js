// appcore browser runtime: the websocket, the element tree keyed by path,
// widget values, module loading, run status, errors, theme.
// Element modules import from "appcore" (this file, via the import map); what a
// renderer module exports and receives is written once, in docs/plugins.md
// ("The browser half"), and enforced in rendererOf() below.

import {
  h, html, render, Component, createContext,
  useState, useReducer, useEffect, useLayoutEffect, useRef, useMemo, useCallback, useContext,
} from "./vendor/htm/standalone.mjs";

export {
  h, html, render, Component, createContext,
  useState, useReducer, useEffect, useLayoutEffect, useRef, useMemo, useCallback, useContext,
};

const PREFIX = document.documentElement.dataset.prefix || "";
const SESSION_KEY = window.appcoreSocket.sessionKey;

// -- helpers shared with element modules ---------------------------------------------

// The page's timer for element modules: `callback` every `ms` milliseconds while the tab is
// visible. A hidden tab pauses it, so no ticks pile up behind it, and showing the tab starts
// it again; a new `restart` value starts it again from zero. One timer per element, gone with it.
export function useTicker(callback, ms, restart) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    if (!(ms > 0)) return undefined;
    let timer = null;
    const stop = () => { if (timer !== null) clearInterval(timer); timer = null; };
    const start = () => { stop(); if (!document.hidden) timer = setInterval(() => latest.current(), ms); };
    document.addEventListener("visibilitychange", start);
    start();
    return () => { stop(); document.removeEventListener("visibilitychange", start); };
  }, [ms, restart]);
}

// Add a module's CSS to the page once (element modules keep their styles with them).
const addedCss = new Set();
export function css(text) {
  if (addedCss.has(text)) return;
  addedCss.add(text);
  const style = document.createElement("style");
  style.textContent = text;
  document.head.append(style);
}

let uid = 0;
export function nextId(prefix = "ac") {
  uid += 1;
  return `${prefix}-${uid}`;
}

// An id that stays the same for as long as the component is on the page.
export function useId(prefix) {
  return useState(() => nextId(prefix))[0];
}

// width (and Streamlit's "stretch" / "content" / pixels) as an inline style.
export function widthStyle(width) {
  if (typeof width === "number") return { width: `${width}px`, maxWidth: "100%" };
  if (width === "content") return { width: "fit-content", maxWidth: "100%" };
  return {};
}

// Help tooltips. Streamlit renders `help` as Markdown: the server sends it rendered and made
// safe (`help_html`, from markdown_html) beside the text. One floating box on the page shows it,
// placed by the element it explains, so no container's overflow or paint containment clips it.
let tooltipBox = null;
let tooltipOwner = null;

function showTooltip(anchor, text, markup) {
  if (!tooltipBox) {
    tooltipBox = Object.assign(document.createElement("div"), { className: "ac-tooltip", role: "tooltip" });
    tooltipBox.dataset.testid = "ac-tooltip";
    document.body.append(tooltipBox);
  }
  tooltipOwner = anchor;
  if (markup) tooltipBox.innerHTML = markup;  // sanitised on the server (markdown-it without raw HTML)
  else tooltipBox.textContent = text;
  tooltipBox.classList.toggle("ac-tooltip-text", !markup);  // plain text keeps its line breaks
  tooltipBox.hidden = false;
  const box = anchor.getBoundingClientRect();
  const width = Math.min(tooltipBox.offsetWidth, window.innerWidth - 16);
  const left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, window.innerWidth - width - 8));
  const below = box.bottom + 6 + tooltipBox.offsetHeight < window.innerHeight;
  tooltipBox.style.left = `${left + window.scrollX}px`;
  tooltipBox.style.top = `${(below ? box.bottom + 6 : box.top - 6 - tooltipBox.offsetHeight) + window.scrollY}px`;
}

function hideTooltip(anchor) {
  if (tooltipBox && tooltipOwner === anchor) {
    tooltipBox.hidden = true;
    tooltipOwner = null;
  }
}

// Event props that show `text` (or its rendered `markup`) as a tooltip over any element: a
// button spreads them (`<button ...${tooltip(p.help, p.help_html)}>`).
export function tooltip(text, markup) {
  if (!text) return {};
  const show = (event) => showTooltip(event.currentTarget, text, markup);
  const hide = (event) => hideTooltip(event.currentTarget);
  const escape = (event) => { if (event.key === "Escape") hideTooltip(event.currentTarget); };
  return { onMouseEnter: show, onMouseLeave: hide, onFocus: show, onBlur: hide, onKeyDown: escape };
}

// The help icon, one markup for every element: a focusable "?" named by the help's text.
export function Help({ text, html: markup, id }) {
  const ref = useRef(null);
  useEffect(() => {
    const icon = ref.current;
    return () => hideTooltip(icon);  // gone from the page: so is its tooltip
  }, [text]);
  if (!text) return null;
  return html`<span class="ac-help" id=${id} ref=${ref} role="img" tabindex="0" aria-label=${text}
    ...${tooltip(text, markup)}>?</span>`;
}

const labelClass = (visibility) => (visibility === "hidden" ? " ac-label-hidden"
  : visibility === "collapsed" ? " ac-label-collapsed" : "");

// A vendored library (frontend/vendor/<folder>/, see scripts/vendor.py) loaded on first use:
// its ES module and stylesheets by their plain URLs, since a stylesheet names its fonts
// by relative URL. The hook gives a component the library once loaded, null until then
// (and for good if it cannot be loaded: the component shows its plain fallback).
const libraries = new Map();

function vendored(folder, module, stylesheets) {
  let lib = libraries.get(folder);
  if (!lib) {
    const base = `${PREFIX}/_appcore/static/vendor/${folder}`;
    for (const sheet of stylesheets) {
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: `${base}/${sheet}` });
      document.head.append(link);
    }
    lib = { value: null };
    lib.promise = import(`${base}/${module}`).then((m) => { lib.value = m.default ?? m; return lib.value; }).catch((error) => {
      console.warn(`appcore: ${folder} could not be loaded; its elements show their plain text`, error);
      return null;
    });
    libraries.set(folder, lib);
  }
  return lib;
}

// The library itself, for code outside a component's render (null if it cannot be loaded).
export function loadVendored(folder, module) {
  return vendored(folder, module, []).promise;
}

// `folder` null: nothing to load (the element has no maths, say), and null is returned.
export function useVendored(folder, module, stylesheets = []) {
  const lib = folder ? vendored(folder, module, stylesheets) : null;
  const [value, setValue] = useState(() => lib?.value ?? null);
  useEffect(() => { if (lib && !value) lib.promise.then((v) => v && setValue(() => v)); }, [lib]);
  return lib ? value ?? lib.value : null;
}

// A widget's label, help and width, drawn the same way for every widget.
// `children` is a function of the attributes the control must carry: its id, and
// its name and description by reference, so a hidden or collapsed label still names it.
//   kind "label"  (default) a label above the control
//   kind "group"  a fieldset whose legend names a group of controls (radio, a date range)
//   kind "inline" the control first, then its label, on one row (checkbox, toggle)
// Material Symbols (frontend/vendor/material_symbols/, Streamlit's rounded style), for any
// plugin's icons (an emoji, ":material/name:", or "spinner"): the
// stylesheet is linked when the first icon is drawn, and the browser fetches the font
// only once some text is set in it. Until it has loaded, the icon's space stays blank
// (font-display: block) rather than showing its name.
let materialLinked = false;

export function linkMaterialSymbols() {
  if (materialLinked) return;
  materialLinked = true;
  const base = `${document.documentElement.dataset.prefix || ""}/_appcore/static/vendor/material_symbols`;
  document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: `${base}/rounded.css` }));
  css(`
.ac-icon-material { font-family: "Material Symbols Rounded"; font-weight: normal; font-style: normal; font-size: 1.25em;
  line-height: 1; letter-spacing: normal; text-transform: none; display: inline-block; white-space: nowrap; word-wrap: normal;
  direction: ltr; vertical-align: -0.2em; overflow: hidden; max-width: 1em; -webkit-font-smoothing: antialiased;
  font-feature-settings: "liga"; user-select: none; }
`);
}

// A panel that opens under its anchor (st.popover's body, st.menu_button's list): fixed, so no
// scrolling box around it can clip it; at least as wide as the anchor (and `minWidth`), moved left
// or above when the window has no room, following scrolls and resizes. While `open`, a press
// outside `root` or Esc calls `close`; Esc gives the focus back to the anchor.
export function useAnchoredPanel(open, close, anchor, panel, root, minWidth = "0px") {
  // A layout effect: listening from the moment the panel shows, so an Esc pressed at once is not lost.
  useLayoutEffect(() => {
    if (!open) return undefined;
    const outside = (event) => { if (!root.contains(event.target)) close(); };
    const escape = (event) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      close();
      anchor.current?.focus();
    };
    document.addEventListener("pointerdown", outside, true);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", outside, true);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);
  useLayoutEffect(() => {
    if (!open) return undefined;
    const place = () => {
      const box = panel.current;
      if (!box || !anchor.current) return;
      const under = anchor.current.getBoundingClientRect();
      box.style.minWidth = `max(${under.width}px, ${minWidth})`;
      const { width, height } = box.getBoundingClientRect();
      const room = document.documentElement.clientWidth - 8;
      const left = under.left + width > room ? Math.max(8, under.right - width) : under.left;
      const below = under.bottom + 4;
      const top = below + height > window.innerHeight - 8 && under.top - 4 - height >= 8 ? under.top - 4 - height : below;
      box.style.left = `${left}px`;
      box.style.top = `${top}px`;
    };
    place();
    const follow = new ResizeObserver(place);
    follow.observe(panel.current);
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      follow.disconnect();
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [open]);
}

export function Icon({ icon, class: className = "ac-icon" }) {
  if (!icon) return null;
  if (icon === "spinner") return html`<span class=${`${className} ac-icon-spinner`} role="img" aria-label="loading" />`;
  const material = /^:material\/(\w+):$/.exec(icon);
  if (material) {
    linkMaterialSymbols();
    const name = material[1];
    return html`<span class=${`${className} ac-icon-material`} role="img" aria-label=${name.replace(/_/g, " ")}
      translate="no">${name}</span>`;
  }
  return html`<span class=${className} aria-hidden="true">${icon}</span>`;
}

// A widget's label: Streamlit's markdown, rendered and made safe on the server (label_html), or its text.
export function LabelText({ props }) {
  return props.label_html ? html`<span class="ac-label-md" dangerouslySetInnerHTML=${{ __html: props.label_html }} />`
    : props.label ?? "";
}

export function Field({ props, id, kind = "label", class: extra = "", children }) {
  const labelId = `${id}-label`;
  const helpId = props.help ? `${id}-help` : undefined;
  const visibility = props.label_visibility || "visible";
  const required = props.required ? " ac-required" : "";
  const control = { id, "aria-labelledby": labelId, "aria-describedby": helpId };
  const style = widthStyle(props.width);
  const help = html`<${Help} text=${props.help} html=${props.help_html} id=${helpId} />`;
  if (kind === "group") {
    return html`<fieldset class=${`ac-field ac-group ${extra}`} style=${style}
        aria-labelledby=${labelId} aria-describedby=${helpId}>
      <legend class=${`ac-label ac-legend${labelClass(visibility)}`}>
        <span id=${labelId} class=${required}><${LabelText} props=${props} /></span>${help}
      </legend>
      ${children(control)}
    </fieldset>`;
  }
  if (kind === "inline") {
    return html`<div class=${`ac-field ac-check-row ${extra}`} style=${style}>
      <label class="ac-check" for=${id}>
        ${children(control)}<span id=${labelId} class=${`ac-check-text${labelClass(visibility)}`}><${LabelText} props=${props} /></span>
      </label>
      ${visibility === "visible" ? help : null}
    </div>`;
  }
  return html`<div class=${`ac-field ${extra}`} style=${style}>
    <div class=${`ac-label${labelClass(visibility)}`}>
      <label for=${id} id=${labelId} class=${required}><${LabelText} props=${props} /></label>${help}
    </div>
    ${children(control)}
  </div>`;
}

// -- numbers, as Streamlit 1.67 formats them ---------------------------------------------

// Streamlit's port of sprintf-js, for one value: flags in this order (+; 0, or 'c to pad with c;
// - to align left; , or _ to group thousands), width, precision, conversion. What it cannot read
// throws, as Streamlit's does.
const PRINTF_TEXT = /^[^%]+/;
const PRINTF_PLACEHOLDER = /^%(?:([1-9]\d*)\$|\(([^)]+)\))?(\+)?(0|'[^$])?(-)?(,|_)?(\d+)?(?:\.(\d+))?([b-gijostTuvxX])/;

function groupThousands(text, separator = ",") {
  const sign = /^[+-]/.test(text) ? text[0] : "";
  const [whole, fraction = ""] = text.slice(sign.length).split(/(?=\.)/);
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator) + fraction;
}

function printfConversion(conversion, value, precision, width) {
  const int = () => parseInt(String(value), 10);
  const float = () => parseFloat(String(value));
  const cut = (text) => (precision ? text.substring(0, Number(precision)) : text);
  switch (conversion) {
    case "b": return int().toString(2);
    case "c": return String.fromCharCode(int());
    case "d": case "i": return String(int());
    case "j": return JSON.stringify(value, null, width ? Number(width) : 0);
    case "e": return precision ? float().toExponential(Number(precision)) : float().toExponential();
    case "f": return precision ? float().toFixed(Number(precision)) : String(float());
    case "g": return precision ? String(Number(value.toPrecision(Number(precision)))) : String(float());
    case "o": return (int() >>> 0).toString(8);
    case "u": return String(int() >>> 0);
    case "x": return (int() >>> 0).toString(16);
    case "X": return (int() >>> 0).toString(16).toUpperCase();
    case "t": return cut(String(!!value));
    case "T": return cut(Object.prototype.toString.call(value).slice(8, -1).toLowerCase());
    case "v": return cut(String(value.valueOf()));
    default: return cut(String(value));
  }
}

export function sprintf(format, value) {
  let out = "", next = 1;
  for (let rest = String(format); rest;) {
    const text = PRINTF_TEXT.exec(rest)?.[0] ?? (rest.startsWith("%%") ? "%%" : null);
    if (text !== null) {
      out += text === "%%" ? "%" : text;
      rest = rest.slice(text.length);
      continue;
    }
    const m = PRINTF_PLACEHOLDER.exec(rest);
    if (!m) throw new SyntaxError("[sprintf] unexpected placeholder");
    rest = rest.slice(m[0].length);
    const [, position, name, plus, pad, left, thousands, width, precision, conversion] = m;
    // The first placeholder (or %1$) takes the value and any other none; %(name)s reads a property.
    const arg = name ? name.split(".").reduce((v, key) => {
      if (v === null || v === undefined) throw new Error(`[sprintf] Cannot access property "${key}" of undefined value`);
      return v[key];
    }, value) : (position ? Number(position) : next++) === 1 ? value : undefined;
    if (/[bcdiefguxX]/.test(conversion) && typeof arg !== "number" && isNaN(arg)) {
      throw new TypeError(`[sprintf] expecting number but found ${Object.prototype.toString.call(arg)}`);
    }
    let shown = printfConversion(conversion, arg, precision, width);
    if (conversion === "j") { out += shown; continue; }
    let sign = "";
    if (/[diefg]/.test(conversion) && (arg < 0 || plus)) {
      sign = arg >= 0 ? "+" : "-";
      shown = shown.replace(/^[+-]/, "");
    }
    if (thousands && /[diefgu]/.test(conversion)) {
      shown = groupThousands(shown, thousands === "_" ? "_" : pad?.startsWith("'") ? pad.charAt(1) : ",");
    }
    const fill = pad ? (pad === "0" ? "0" : pad.charAt(1)) : " ";
    const padding = fill.repeat(Math.max(0, Number(width ?? 0) - (sign + shown).length));
    out += left ? sign + shown + padding : fill === "0" ? sign + padding + shown : padding + sign + shown;
  }
  return out;
}

// bignumber.js's toFixed, which numbro's goes through: the number's shortest decimal rounded half
// up, so 123.456 to 20 places has no binary noise (Number's toFixed: 123.45600000000000306954).
function decimalFixed(value, digits) {
  const [mantissa, exponent = 0] = Math.abs(value).toString().split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  let point = whole.length + Number(exponent), all = whole + fraction;
  if (point < 1) [all, point] = ["0".repeat(1 - point) + all, 1];
  all = all.padEnd(point + digits + 1, "0");
  const kept = BigInt(all.slice(0, point + digits)) + (all[point + digits] >= "5" ? 1n : 0n);
  const text = kept.toString().padStart(digits + 1, "0");
  return (value < 0 && kept > 0n ? "-" : "") + (digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text);
}

// numbro 2.5's toFixed. A number JavaScript writes with an exponent (1e21, 1e-7) has its digits
// cut, not rounded; any other is rounded by Math.round (half up: -2.5 is -2).
function numbroFixed(value, digits) {
  const [mantissa, exponent] = String(value).split("e");
  if (exponent === undefined) return decimalFixed(Math.round(Number(`${value}e+${digits}`)) / 10 ** digits, digits);
  const [whole, fraction = ""] = mantissa.split(".");
  if (Number(exponent) > 0) {
    return whole + fraction + "0".repeat(Math.max(0, exponent - fraction.length)) + (digits > 0 ? `.${"0".repeat(digits)}` : "");
  }
  const shown = ("0".repeat(-exponent - 1) + Math.abs(whole) + fraction).slice(0, digits).padEnd(digits, "0");
  return `${Number(whole) < 0 ? "-0." : "0."}${shown}`;
}

// numbro(value).format({mantissa, trimMantissa, thousandSeparated, negative}), en-US delimiters.
function numbro(value, mantissa, { trim = false, grouped = false, parentheses = false } = {}) {
  let [whole, fraction = ""] = numbroFixed(value, mantissa).split(".");
  if (trim) fraction = fraction.replace(/0+$/, "");
  const text = (grouped ? groupThousands(whole) : whole) + (fraction ? `.${fraction}` : "");
  if (!(value < 0)) return text;
  if (Number(text) === 0) return text.replace("-", "");  // -0.001 to two places is 0.00
  return parentheses ? `(${text.replace("-", "")})` : text;
}

// The decimals of a number shown with no format and no precision: 4, or as many as reach the
// first digit of a smaller one (0.0000123 shows as 0.00001).
function defaultMantissa(value) {
  if (value === 0 || Math.abs(value) >= 1e-4) return 4;
  return Math.abs(Number.parseInt(value.toExponential().split("e")[1], 10));
}

// In the reader's languages, as Streamlit; a language Intl does not know falls back to the default.
function intlFormat(value, options) {
  try {
    return new Intl.NumberFormat(navigator.languages, options).format(value);
  } catch (error) {
    if (error instanceof RangeError) return new Intl.NumberFormat(undefined, options).format(value);
    throw error;
  }
}

const currency = (code, digits) => ({ style: "currency", currency: code, currencyDisplay: "narrowSymbol",
  minimumFractionDigits: digits, maximumFractionDigits: digits });

// Each preset with the caller's precision (undefined when none), as Streamlit's formatNumber.
const NUMBER_PRESETS = {
  plain: (v) => numbro(v, 20, { trim: true }),
  localized: (v, p) => intlFormat(v, { minimumFractionDigits: p, maximumFractionDigits: p }),
  percent: (v, p) => {
    const digits = p === undefined ? undefined : Math.max(p - 2, 0);  // a step of 0.01 is a step of 1%
    return intlFormat(v, { style: "percent", minimumFractionDigits: digits ?? 0, maximumFractionDigits: digits ?? 2 });
  },
  dollar: (v, p) => intlFormat(v, currency("USD", p ?? 2)),
  euro: (v, p) => intlFormat(v, currency("EUR", p ?? 2)),
  yen: (v, p) => intlFormat(v, currency("JPY", p ?? 0)),
  compact: (v) => intlFormat(v, { notation: "compact" }),
  scientific: (v) => intlFormat(v, { notation: "scientific" }),
  engineering: (v) => intlFormat(v, { notation: "engineering" }),
  accounting: (v, p) => numbro(v, p ?? 2, { grouped: true, parentheses: true }),
  // Intl's compact billion is "B", which before the byte unit reads "BB".
  bytes: (v) => intlFormat(v, { notation: "compact", style: "unit", unit: "byte", unitDisplay: "narrow",
    maximumFractionDigits: 1 }).replace("BB", "GB"),
};

// Streamlit's formatNumber, for st.dataframe's number and progress columns and st.slider: `format`
// is a preset's name or a printf pattern; with none the number has `precision` decimals (a caller
// passes its step's) or the default's. The caller passes what Streamlit's does. Not a finite
// number: "". A printf pattern sprintf cannot read throws.
export function formatNumber(value, format, precision) {
  if (!Number.isFinite(value)) return "";
  precision ??= undefined;
  if (format === undefined || format === null || format === "") {
    if (precision === undefined) return numbro(value, defaultMantissa(value), { trim: true });
    return numbro(precision === 0 ? Math.round(value) : value, precision);
  }
  return Object.hasOwn(NUMBER_PRESETS, format) ? NUMBER_PRESETS[format](value, precision) : sprintf(format, value);
}

// -- the element tree -------------------------------------------------------------

class Node_ {
  constructor(path, type) {
    this.path = path;
    this.type = type;
    this.children = [];
    this.el = null;
    this.host = null;
    this.instance = null;
    this.props = null;
  }
}

const roots = new Map();
const nodes = new Map();
let moduleUrls = {};
let moduleImports = {};
const modules = new Map();
const preloaded = new Set();

// Fetch (and compile) an ES module now, without running it: its import() later finds it ready.
export function preloadModule(url) {
  const href = new URL(url, location.href).href;
  if (preloaded.has(href)) return;
  preloaded.add(href);
  document.head.append(Object.assign(document.createElement("link"), { rel: "modulepreload", href }));
}

// A module's own "./" imports, fetched alongside it rather than one level at a time.
function preloadImports(type, url) {
  const base = new URL(url, location.href);
  for (const path of moduleImports[type] || []) preloadModule(new URL(path, base).href);
}

function rootNode(name) {
  let node = roots.get(name);
  if (node) return node;
  node = new Node_(name, "root");
  let host = document.querySelector(`[data-root="${name}"]`);
  if (!host) {
    host = document.createElement("div");
    host.dataset.root = name;
    host.className = `ac-root ac-root-${name}`;
    document.getElementById("ac-roots").append(host);
  }
  node.el = node.host = host;
  node.instance = {};
  roots.set(name, node);
  nodes.set(name, node);
  return node;
}

// A plugin module (a renderer, or a handler of the plugin's own messages), imported once.
function loadModule(type) {
  let promise = modules.get(type);
  if (!promise) {
    const url = moduleUrls[type];
    if (url) preloadImports(type, url);
    promise = url ? import(url).catch((error) => {
      console.error(`appcore: could not load the module of ${type} (${url})`, error);
      return {};
    }) : Promise.resolve({});
    modules.set(type, promise);
  }
  return promise;
}

const loaded = new Map();
const reported = new Set();

function reportOnce(key, text) {
  if (reported.has(key)) return;
  reported.add(key);
  console.error(text);
}

// What draws an element of `type`: its module's default component, its mount(),
// or, for a module that exports neither (or none at all), the fallback renderer.
function rendererOf(type) {
  const mod = loaded.get(type) || {};
  if (typeof mod.default === "function" || typeof mod.mount === "function") return mod;
  if (moduleUrls[type]) {
    reportOnce(`renderer:${type}`, `appcore: the module of element type "${type}" (${moduleUrls[type]}) exports ` +
      "neither a default component nor mount(); it is drawn by the fallback renderer. See docs/plugins.md, " +
      '"The browser half".');
  }
  return fallbackModule;
}

function Fallback({ props, ctx }) {
  return html`<pre class="ac-fallback">${ctx.type} ${JSON.stringify(props, null, 2)}</pre>`;
}
const fallbackModule = { default: Fallback };

// Draw an element with its renderer; the instance is what the tree calls on update and removal.
function mountElement(node, mod) {
  const ctx = elementContext(node);
  if (typeof mod.default === "function") {
    const draw = (props) => render(h(mod.default, { props, ctx }), node.el);
    draw(node.props);
    return {
      update: draw,
      destroy: () => render(null, node.el),
      children: typeof mod.children === "function" ? () => mod.children(node.el) : null,
    };
  }
  // The imperative escape hatch: mount(root, props, ctx) -> { update, destroy, children }.
  const instance = mod.mount(node.el, node.props, ctx) || {};
  const host = instance.children;
  return { update: instance.update, destroy: instance.destroy, children: host ? () => host : null };
}

function parentOf(pathKey) {
  const dot = pathKey.lastIndexOf(".");
  return [pathKey.slice(0, dot), Number(pathKey.slice(dot + 1))];
}

function nodeFor(pathKey) {
  let node = nodes.get(pathKey);
  if (node) return node;
  if (!pathKey.includes(".")) return rootNode(pathKey);
  return null;
}

// A widget whose DOM node is replaced while it has focus (an element drawn above
// it shifted the indices) gets focus back on its new node, found by widget id.
let refocusWidget = null;

function rememberFocus(node) {
  if (node.el?.contains(document.activeElement)) {
    const owner = [...node.el.querySelectorAll(".ac-el"), node.el].reverse()
      .find((el) => el.contains(document.activeElement));
    refocusWidget = nodeOfEl.get(owner)?.widgetId ?? refocusWidget;
  }
}

function restoreFocus() {
  const wid = refocusWidget;
  if (!wid) return;
  if (document.activeElement && document.activeElement !== document.body) {
    refocusWidget = null;  // the person focused something else meanwhile
    return;
  }
  for (const node of nodes.values()) {
    if (node.widgetId === wid) {
      refocusWidget = null;
      node.el.querySelector("input, select, textarea, button, [tabindex]")?.focus();
      return;
    }
  }
}

const nodeOfEl = new WeakMap();

function destroy(node) {
  for (const child of node.children) if (child) destroy(child);
  try { node.instance?.destroy?.(); } catch (error) { console.error(error); }
  nodes.delete(node.path);
}

// Where a container's children go: the node its module's children(root) names.
// A renderer that redrew that node (it must not) gets its children moved into the new one.
function syncHost(node) {
  const host = node.instance?.children?.() || node.el;
  if (host === node.host) return;
  if (node.host) {
    for (const child of node.children) if (child) host.append(child.el);
  }
  node.host = host;
}

function drawFallback(node, error) {
  console.error(`appcore: ${node.type} failed to draw`, error);
  try { render(null, node.el); } catch { /* the renderer's own DOM goes below */ }
  node.el.replaceChildren();
  node.instance = mountElement(node, fallbackModule);
}

function putElement(pathKey, type, props, widgetId, key) {
  const [parentKey, index] = parentOf(pathKey);
  const parent = nodeFor(parentKey);
  if (!parent) { console.warn("appcore: no container for", pathKey); return; }
  const existing = parent.children[index];
  if (existing && existing.type === type && existing.instance?.update) {
    existing.props = props;
    existing.widgetId = widgetId;
    if (existing.key !== key) {
      existing.key = key;
      if (key == null) delete existing.el.dataset.key; else existing.el.dataset.key = key;
    }
    try { existing.instance.update(props); } catch (error) { drawFallback(existing, error); }
    syncHost(existing);
    return;
  }
  if (existing) rememberFocus(existing);
  const node = new Node_(pathKey, type);
  node.props = props;
  node.widgetId = widgetId;
  node.key = key;
  const el = document.createElement("div");
  el.className = `ac-el ac-el-${type}`;
  el.dataset.testid = `ac-${type}`;
  if (key != null) el.dataset.key = key;
  node.el = el;
  nodeOfEl.set(el, node);
  // Attach first: renderers may need a connected node (a <dialog>'s showModal()).
  const host = parent.host;
  if (existing) {
    destroy(existing);
    existing.el.replaceWith(el);
  } else {
    let after = null;
    for (let i = index + 1; i < parent.children.length; i++) {
      if (parent.children[i]) { after = parent.children[i].el; break; }
    }
    host.insertBefore(el, after && after.parentNode === host ? after : null);
  }
  try {
    node.instance = mountElement(node, rendererOf(type));
  } catch (error) {
    drawFallback(node, error);
  }
  syncHost(node);
  parent.children[index] = node;
  nodes.set(pathKey, node);
}

function removeElement(pathKey) {
  const node = nodes.get(pathKey);
  if (!node) return;
  const [parentKey, index] = parentOf(pathKey);
  const parent = nodes.get(parentKey);
  rememberFocus(node);
  destroy(node);
  node.el.remove();
  if (parent) {
    parent.children[index] = undefined;
    while (parent.children.length && !parent.children[parent.children.length - 1]) parent.children.pop();
  }
}

function elementContext(node) {
  return {
    get widgetId() { return node.widgetId; },
    get key() { return node.key; },
    type: node.type,
    path: node.path,
    root: node.el,
    // Report a widget's new value; the server decides what it reruns.
    setValue(value) {
      if (!node.widgetId) return;
      send({ t: "widget", id: node.widgetId, value });
    },
    send,
    // A bubbling "appcore:<name>" event from this element's root, for whichever
    // enclosing element cares (a form listens for "appcore:submit").
    dispatch(name, detail) {
      node.el.dispatchEvent(new CustomEvent(`appcore:${name}`, { bubbles: true, detail }));
    },
    // Take this element off the page by the browser's own decision (a dismissed dialog).
    remove() { removeElement(node.path); },
    // Upload a File for this widget (a widget that takes files: FilesCodec): resolves to
    // {file_id, name, size, type}, or rejects with the server's reason.
    upload(file, options) { return uploadFile(node.widgetId, file, options); },
    runtime: api,
  };
}

// -- uploads: PUT /_appcore/upload/{session}/{file_id}, with the session's token ------------

let sessionId = null;
let uploadToken = null;

function randomFileId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// `name` defaults to the file's path in a picked folder, else its name.
async function uploadFile(widgetId, file, { signal, name } = {}) {
  if (!sessionId || !uploadToken) throw new Error("Not connected to the app. Please try again.");
  const query = new URLSearchParams({ widget: widgetId, name: name || file.webkitRelativePath || file.name });
  const response = await fetch(`${PREFIX}/_appcore/upload/${encodeURIComponent(sessionId)}/${randomFileId()}?${query}`, {
    method: "PUT", body: file, signal,
    headers: { "X-Appcore-Upload-Token": uploadToken, "Content-Type": file.type || "application/octet-stream" },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `Upload failed (HTTP ${response.status}).`);
  return body;
}

// -- the connection ----------------------------------------------------------------

let socket = null;
let backoff = 250;
let applying = Promise.resolve();
const statusEl = () => document.querySelector('[data-testid="ac-status"]');

function setStatus(state) {
  const el = statusEl();
  if (!el) return;
  el.dataset.state = state;
  el.querySelector(".ac-status-text").textContent =
    { running: "Running…", idle: "", error: "", disconnected: "Connecting…" }[state] ?? "";
  // The Stop control: there while a run is in flight, ready again for each new run.
  const stop = el.querySelector('[data-testid="ac-stop"]');
  if (stop) {
    stop.hidden = state !== "running";
    stop.disabled = false;
    stop.textContent = "Stop";
  }
}

function requestStop(event) {
  const button = event.currentTarget;
  send({ t: "stop" });
  button.disabled = true;
  button.textContent = "Stopping…";
}

// The server refused a request: too many were waiting. Said for a few seconds.
let busyTimer = null;
function showBusy() {
  const note = statusEl()?.querySelector(".ac-busy");
  if (!note) return;
  note.textContent = "Busy: some of your clicks were ignored";
  note.hidden = false;
  clearTimeout(busyTimer);
  busyTimer = setTimeout(() => { note.hidden = true; }, 4000);
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

// The first socket was opened by the page's head (connect.js), before this module loaded.
function connect() {
  const early = window.appcoreSocket.take();
  const ws = early ? early.ws : window.appcoreSocket.open();
  socket = ws;
  const receive = (event) => {
    const frame = JSON.parse(event.data);
    applying = applying.then(() => applyFrame(frame)).catch((error) => console.error(error));
  };
  const closed = () => {
    if (socket !== ws) return;
    setStatus("disconnected");
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 5000);
  };
  ws.addEventListener("open", () => { backoff = 250; });
  ws.onmessage = receive;
  ws.onclose = closed;
  if (early) {
    early.messages.forEach(receive);
    if (ws.readyState === WebSocket.CLOSED) closed();
  }
}

async function applyFrame(frame) {
  // The session message names the modules; it may share a frame with the first deltas.
  for (const message of frame) {
    if (message.t !== "session") continue;
    moduleUrls = message.elements;
    moduleImports = message.imports || {};
    // What the app's pages drew lately: loading starts now, while the first run goes on.
    for (const type of message.preload || []) if (moduleUrls[type]) loadModule(type);
  }
  // Load every module this frame needs first, in parallel, then apply in order.
  const needed = new Set();
  for (const message of frame) {
    if (message.t === "delta") {
      for (const op of message.ops) if (op[0] === "e" && !loaded.has(op[2])) needed.add(op[2]);
    } else if (!handlers[message.t] && !loaded.has(message.t)) {
      needed.add(message.t);
    }
  }
  if (needed.size) {
    await Promise.all([...needed].map(async (type) => loaded.set(type, await loadModule(type))));
  }
  for (const message of frame) (handlers[message.t] || pluginMessage)(message);
}

// A message type the runtime does not know goes to the module of the same name
// (its plugin registered it as an element type): `onMessage(message, runtime)`.
function pluginMessage(message) {
  const mod = loaded.get(message.t);
  if (typeof mod?.onMessage === "function") {
    try { mod.onMessage(message, api); } catch (error) { console.error(`appcore: ${message.t} failed`, error); }
    return;
  }
  console.warn(`appcore: no module handles messages of type "${message.t}"` +
    (moduleUrls[message.t] ? ` (${moduleUrls[message.t]} exports no onMessage)` : ""));
}

let lastStatus = "idle";

const handlers = {
  session(message) {
    sessionStorage.setItem(SESSION_KEY, message.id);
    sessionId = message.id;
    uploadToken = message.upload_token ?? null;
    // moduleUrls and moduleImports were taken from this message by applyFrame, before loading.
    applyTheme(message.theme);
    // A (re)connected session resends everything: start from an empty page.
    for (const root of roots.values()) {
      for (const child of root.children) if (child) { destroy(child); child.el.remove(); }
      root.children = [];
    }
    hideError();
  },
  run(message) {
    if (message.state === "running") {
      setStatus("running");
      return;
    }
    lastStatus = message.status;
    refocusWidget = null;
    if (message.status !== "compile_error") hideError();
    if (message.message) showError({ title: message.message });  // a run stopped by the time limit
    setStatus(message.status === "error" || message.status === "compile_error" ? "error" : "idle");
    document.dispatchEvent(new CustomEvent("appcore:run-finished", { detail: message }));
  },
  delta(message) {
    for (const op of message.ops) {
      if (op[0] === "e") putElement(op[1], op[2], op[3], op[4], op[5]);
      else if (op[0] === "r") removeElement(op[1]);
    }
    restoreFocus();
    updateSidebar();
  },
  // The page the tab shows (runtime/pages.py): its URL enters the history, a notice is said once.
  page(message) {
    const url = pageUrl(message.url_path, message.query);
    if (url !== location.pathname + location.search) {
      history[message.history === "push" ? "pushState" : "replaceState"]({ appcore: true }, "", url);
    }
    // Said once the run is over (its end clears the banner of the run before).
    const notice = message.notice;
    if (notice) {
      document.addEventListener("appcore:run-finished",
        () => showError({ title: notice.title, traceback: [notice.message] }), { once: true });
    }
  },
  error(message) {
    showError(message.kind === "stop" ? { title: message.message } : message);
  },
  busy() {
    showBusy();
  },
};

// The sidebar shows when it has elements, or a plugin's content (the page menu) marked
// data-ac-sidebar-content and not empty.
function updateSidebar() {
  const sidebar = roots.get("sidebar");
  const extra = [...document.querySelectorAll("#ac-sidebar [data-ac-sidebar-content]")].some((el) => el.childElementCount);
  document.body.classList.toggle("ac-has-sidebar", extra || (!!sidebar && sidebar.children.some(Boolean)));
}

// -- pages: URLs under the app's prefix, the history API, no document reload ----------

function pageUrl(urlPath, query) {
  return `${PREFIX}/${urlPath || ""}${query ? `?${query}` : ""}`;
}

// Open a page of the app in this tab: a new history entry, and the server runs the page.
function navigate(urlPath, query = "") {
  const url = pageUrl(urlPath, query);
  if (url !== location.pathname + location.search) history.pushState({ appcore: true }, "", url);
  send({ t: "navigate", url_path: urlPath || "", query });
}

// Back and forward: the server runs the page the URL names.
window.addEventListener("popstate", () => {
  send({ t: "navigate", url_path: location.pathname.slice(PREFIX.length).replace(/^\/+/, ""),
    query: location.search.replace(/^\?/, "") });
});

// The sidebar's state, as st.set_page_config(initial_sidebar_state=...) asks:
// "auto" closes it on narrow screens; the toggle button opens and closes it.
const narrow = window.matchMedia("(max-width: 768px)");
let sidebarChosen = false;

function setSidebarState(state) {
  if (sidebarChosen) return;  // the person's own choice wins over the script's
  const open = state === "expanded" || (state === "auto" && !narrow.matches);
  showSidebar(open);
}

function showSidebar(open) {
  document.body.classList.toggle("ac-sidebar-closed", !open);
  const toggle = document.getElementById("ac-sidebar-toggle");
  toggle.setAttribute("aria-expanded", String(open));
  toggle.setAttribute("aria-label", open ? "Close sidebar" : "Open sidebar");
  toggle.textContent = open ? "«" : "»";
}

document.getElementById("ac-sidebar-toggle").addEventListener("click", () => {
  sidebarChosen = true;
  showSidebar(document.body.classList.contains("ac-sidebar-closed"));
});

function showError(message) {
  const box = document.getElementById("ac-error");
  box.hidden = false;
  box.querySelector(".ac-error-title").textContent = message.title ?? `${message.type}: ${message.message}`;
  box.querySelector(".ac-error-detail").textContent = (message.traceback || []).join("");
}

function hideError() {
  const box = document.getElementById("ac-error");
  if (box) box.hidden = true;
}

// The config's theme: the base picks light or dark; colours and the font it sets win over the base's.
const THEME_VARIABLES = {
  primary_color: "--ac-primary", background_color: "--ac-bg", secondary_background_color: "--ac-surface",
  text_color: "--ac-text", font: "--ac-font",
};
const FONTS = { "sans serif": "var(--ac-sans)", "sans-serif": "var(--ac-sans)", serif: "Georgia, serif", monospace: "var(--ac-mono)" };

function applyTheme(theme) {
  const root = document.documentElement;
  root.dataset.theme = theme.base;
  for (const [key, variable] of Object.entries(THEME_VARIABLES)) {
    const value = theme[key];
    if (!value) root.style.removeProperty(variable);
    else root.style.setProperty(variable, key === "font" ? FONTS[value] ?? value : value);
  }
}

// The public face of the runtime for element modules and tests.
export const api = {
  send,
  get status() { return statusEl()?.dataset.state; },
  get lastStatus() { return lastStatus; },
  nodes,
  rerun() { send({ t: "rerun" }); },
  upload: uploadFile,
  stop() { send({ t: "stop" }); },
  setSidebarState,
  updateSidebar,
  navigate,
  pageUrl,
  showError,
  prefix: PREFIX,
  get sessionId() { return sessionId; },  // for a plugin's own HTTP routes under /_appcore/<plugin>/{session}/...
};
window.appcore = api;

document.addEventListener("keydown", (event) => {
  const target = event.target;
  const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && event.key === "r") api.rerun();
});

document.querySelector('[data-testid="ac-stop"]')?.addEventListener("click", requestStop);
setSidebarState("auto");
sidebarChosen = false;
rootNode("main");
rootNode("bottom");
rootNode("sidebar");
rootNode("dialog");
setStatus("disconnected");
connect();
