// The host side of Streamlit's component protocol (v1): a declared component's page runs in
// an iframe and talks to this element with window.postMessage, as it talks to Streamlit.
//
// frame -> host: {isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion: 1}
//                {..., type: "streamlit:setComponentValue", value, dataType: "json"|"bytes"|"dataframe"}
//                {..., type: "streamlit:setFrameHeight", height}
// host -> frame: {type: "streamlit:render", args, dfs, disabled, theme}
import { html, css, useLayoutEffect, useRef, useState } from "appcore";
import { SANDBOX, ALLOW, componentUrl, fromBase64 } from "./frame.js";

css(`
.ac-component { display: block; border: none; width: 100%; color-scheme: normal; }
.ac-component-problem { color: var(--ac-warning); background: var(--ac-warning-bg); border-radius: var(--ac-radius); padding: 0.75rem 1rem; margin: 0.25rem 0; }
`);

const API_VERSION = 1;
const READY_CONSOLE_MS = 15000;
const READY_WARNING_MS = 60000;

function toBase64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function asBytes(value) {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
}

// The page's theme as Streamlit's host exports it (the component library turns it into CSS variables).
function currentTheme() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    base: document.documentElement.dataset.theme === "dark" ? "dark" : "light",
    primaryColor: read("--ac-primary"),
    backgroundColor: read("--ac-bg"),
    secondaryBackgroundColor: read("--ac-surface"),
    textColor: read("--ac-text"),
    font: getComputedStyle(document.body).fontFamily,
    fadedText60: read("--ac-muted"),
    borderColor: read("--ac-border"),
  };
}

export function frameSource(p) {
  const page = `${location.origin}${location.pathname}`;
  const src = p.url || componentUrl(p.name, "index.html");
  return `${src}${src.includes("?") ? "&" : "?"}streamlitUrl=${encodeURIComponent(page)}`;
}

// What a value from the frame becomes on the websocket (the server's codec reads it back).
function wireValue(value, dataType) {
  if (dataType === "bytes") {
    const bytes = asBytes(value);
    if (bytes) return { bytes: toBase64(bytes) };
  }
  if (dataType === "dataframe" && value && typeof value === "object") {
    const parts = ["data", "index", "columns"].map((name) => asBytes(value[name]));
    if (parts.every(Boolean)) return { dataframe: { data: toBase64(parts[0]), index: toBase64(parts[1]), columns: toBase64(parts[2]) } };
  }
  // "json", a missing or an unknown dataType: the value as JSON, as Streamlit's host does.
  return { json: value === undefined ? null : JSON.parse(JSON.stringify(value) ?? "null") };
}

function renderMessage(p, disabled) {
  const args = { ...p.args };
  for (const [name, text] of Object.entries(p.bytes_args || {})) args[name] = fromBase64(text);
  const dfs = Object.entries(p.dataframes || {}).map(([key, table]) => ({
    key, value: { data: { data: fromBase64(table.data), index: fromBase64(table.index), columns: fromBase64(table.columns) } },
  }));
  return { type: "streamlit:render", args, dfs, disabled, theme: currentTheme() };
}

function Frame({ p, ctx }) {
  const frame = useRef(null);
  const state = useRef({ ready: false, warned: new Set() });
  const [problem, setProblem] = useState(null);
  const [height, setHeight] = useState(typeof p.height === "number" ? p.height : 0);
  const latest = useRef(p);
  latest.current = p;

  const send = () => {
    const win = frame.current?.contentWindow;
    if (!win || !state.current.ready) return;
    win.postMessage(renderMessage(latest.current, ctx.runtime.status === "disconnected"), "*");
  };

  const warnOnce = (kind, text) => {
    if (state.current.warned.has(kind)) return;
    state.current.warned.add(kind);
    console.warn(`appcore: component ${p.name}: ${text}`);
  };

  useLayoutEffect(() => {
    const onMessage = (event) => {
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const data = event.data;
      if (!data || typeof data !== "object" || data.isStreamlitMessage !== true) return;
      switch (data.type) {
        case "streamlit:componentReady":
          if (data.apiVersion !== API_VERSION) {
            setProblem(`Unrecognized component API version: '${data.apiVersion}'`);
            return;
          }
          state.current.ready = true;
          setProblem(null);
          send();  // a repeated ready (the frame reloaded) gets the last render again
          break;
        case "streamlit:setComponentValue":
          if (!state.current.ready) { warnOnce("value", "a value was sent before componentReady; ignored"); return; }
          ctx.setValue(wireValue(data.value, data.dataType));
          break;
        case "streamlit:setFrameHeight":
          if (!state.current.ready) { warnOnce("height", "a height was sent before componentReady; ignored"); return; }
          if (typeof data.height === "number" && Number.isFinite(data.height) && data.height >= 0) setHeight(data.height);
          break;
        default:
          warnOnce(`type:${data.type}`, `unknown message type ${JSON.stringify(data.type)}`);
      }
    };
    window.addEventListener("message", onMessage);
    const slow = setTimeout(() => {
      if (!state.current.ready) console.warn(`appcore: component ${p.name} has not sent streamlit:componentReady after 15 s`);
    }, READY_CONSOLE_MS);
    const stuck = setTimeout(() => {
      if (!state.current.ready) {
        setProblem(`Your app is having trouble loading the ${p.name} component. It has not told the page it is ` +
          "ready (streamlit:componentReady) within 60 seconds: check that its frontend is built and served, " +
          "or that its url is reachable.");
      }
    }, READY_WARNING_MS);
    // The theme can change under a live frame (the page's colours or light/dark).
    const themeWatch = new MutationObserver(send);
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "style"] });
    return () => {
      window.removeEventListener("message", onMessage);
      clearTimeout(slow);
      clearTimeout(stuck);
      themeWatch.disconnect();
    };
  }, []);

  useLayoutEffect(send, [p]);

  return html`
    ${problem && html`<div class="ac-component-problem" role="alert">${problem}</div>`}
    <iframe ref=${frame} class="ac-component" src=${frameSource(p)} title=${p.name}
      style=${{ height: `${height}px` }} tabindex=${p.tab_index ?? undefined}
      sandbox=${SANDBOX} allow=${ALLOW} />`;
}

// A new widget id (an unkeyed component called with new arguments) is a new instance: a new frame.
export default function Component({ props, ctx }) {
  return html`<${Frame} key=${ctx.widgetId} p=${props} ctx=${ctx} />`;
}
