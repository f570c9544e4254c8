// appcore browser runtime: the websocket, the element tree keyed by path,
// widget values, module loading, run status, errors, theme.
// Element modules import helpers from "appcore" (this file, via the import map).

const PREFIX = document.documentElement.dataset.prefix || "";
const SESSION_KEY = "appcore.session";

// -- small DOM helper shared with element modules ----------------------------------

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") el.className = value;
    else if (name === "style" && typeof value === "object") Object.assign(el.style, value);
    else if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name in el && typeof value !== "string") el[name] = value;
    else el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Add a module's CSS to the page once (element modules keep their styles with them).
const addedCss = new Set();
export function css(text) {
  if (addedCss.has(text)) return;
  addedCss.add(text);
  document.head.append(h("style", {}, text));
}

let uid = 0;
export function nextId(prefix = "ac") {
  uid += 1;
  return `${prefix}-${uid}`;
}

// A label, help tooltip and label_visibility, the same for every widget.
export function widgetLabel(props, forId) {
  const label = h("label", { class: "ac-label", for: forId }, props.label ?? "");
  if (props.label_visibility === "hidden") label.classList.add("ac-label-hidden");
  if (props.label_visibility === "collapsed") label.classList.add("ac-label-collapsed");
  if (props.help) label.append(h("span", { class: "ac-help", title: props.help, "aria-label": props.help, tabindex: "0" }, "?"));
  return label;
}

// -- the element tree -------------------------------------------------------------

class Node_ {
  constructor(path, type) {
    this.path = path;
    this.type = type;
    this.children = [];
    this.el = null;
    this.instance = null;
    this.props = null;
  }
}

const roots = new Map();
const nodes = new Map();
let moduleUrls = {};
const modules = new Map();

function rootNode(name) {
  let node = roots.get(name);
  if (node) return node;
  node = new Node_(name, "root");
  let host = document.querySelector(`[data-root="${name}"]`);
  if (!host) {
    host = h("div", { "data-root": name, class: `ac-root ac-root-${name}` });
    document.getElementById("ac-roots").append(host);
  }
  node.el = host;
  node.instance = { children: host };
  roots.set(name, node);
  nodes.set(name, node);
  return node;
}

function loadModule(type) {
  let promise = modules.get(type);
  if (!promise) {
    const url = moduleUrls[type];
    promise = url ? import(url).catch((error) => {
      console.error(`appcore: could not load the renderer of ${type}`, error);
      return fallbackModule;
    }) : Promise.resolve(fallbackModule);
    modules.set(type, promise);
  }
  return promise;
}

const loaded = new Map();

const fallbackModule = {
  mount(root, props) {
    const pre = h("pre", { class: "ac-fallback" });
    const show = (p) => { pre.textContent = `${root.dataset.testid.slice(3)} ${JSON.stringify(p, null, 2)}`; };
    show(props);
    root.append(pre);
    return { update: show };
  },
};

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

function childHost(node) {
  return node.instance?.children || node.el;
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
    existing.instance.update(props);
    return;
  }
  if (existing) rememberFocus(existing);
  const node = new Node_(pathKey, type);
  node.props = props;
  node.widgetId = widgetId;
  node.key = key;
  const el = h("div", { class: `ac-el ac-el-${type}`, "data-testid": `ac-${type}`, "data-key": key ?? undefined });
  node.el = el;
  nodeOfEl.set(el, node);
  // Attach first: renderers may need a connected node (a <dialog>'s showModal()).
  const host = childHost(parent);
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
  const mod = loaded.get(type) || fallbackModule;
  try {
    node.instance = (mod.mount || mod.default)(el, props, elementContext(node)) || {};
  } catch (error) {
    console.error(`appcore: ${type} failed to draw`, error);
    el.replaceChildren();
    node.instance = fallbackModule.mount(el, props);
  }
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
    path: node.path,
    // Report a widget's new value; the server decides what it reruns.
    setValue(value) {
      if (!node.widgetId) return;
      send({ t: "widget", id: node.widgetId, value });
    },
    send,
    // Take this element off the page by the browser's own decision (a dismissed dialog).
    remove() { removeElement(node.path); },
    // The nearest enclosing element of a type (a form, for Enter-to-submit).
    closest(type) {
      let key = node.path;
      while (key.includes(".")) {
        key = parentOf(key)[0];
        const n = nodes.get(key);
        if (n && n.type === type) return n;
      }
      return null;
    },
    runtime: api,
  };
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
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const ws = new WebSocket(`${scheme}://${location.host}${PREFIX}/_appcore/stream`);
  socket = ws;
  ws.onopen = () => {
    backoff = 250;
    const path = location.pathname.slice(PREFIX.length) || "/";
    ws.send(JSON.stringify({ t: "hello", session: sessionStorage.getItem(SESSION_KEY), path }));
  };
  ws.onmessage = (event) => {
    const frame = JSON.parse(event.data);
    applying = applying.then(() => applyFrame(frame)).catch((error) => console.error(error));
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    setStatus("disconnected");
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 5000);
  };
}

async function applyFrame(frame) {
  // The session message names the renderers; it may share a frame with the first deltas.
  for (const message of frame) if (message.t === "session") moduleUrls = message.elements;
  // Load every renderer this frame needs first, in parallel, then apply in order.
  const needed = new Set();
  for (const message of frame) {
    if (message.t === "delta") {
      for (const op of message.ops) if (op[0] === "e" && !loaded.has(op[2])) needed.add(op[2]);
    }
  }
  if (needed.size) {
    await Promise.all([...needed].map(async (type) => loaded.set(type, await loadModule(type))));
  }
  for (const message of frame) handlers[message.t]?.(message);
}

let lastStatus = "idle";

const handlers = {
  session(message) {
    sessionStorage.setItem(SESSION_KEY, message.id);
    moduleUrls = message.elements;
    document.documentElement.dataset.theme = message.theme.base;
    document.documentElement.style.setProperty("--ac-primary", message.theme.primary_color);
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
    setStatus(message.status === "error" || message.status === "compile_error" ? "error" : "idle");
    document.dispatchEvent(new CustomEvent("appcore:run-finished", { detail: message }));
  },
  delta(message) {
    for (const op of message.ops) {
      if (op[0] === "e") putElement(op[1], op[2], op[3], op[4], op[5]);
      else if (op[0] === "r") removeElement(op[1]);
    }
    restoreFocus();
    const sidebar = roots.get("sidebar");
    document.body.classList.toggle("ac-has-sidebar", !!sidebar && sidebar.children.some(Boolean));
  },
  error(message) {
    showError(message);
  },
  page_config(message) {
    if (message.title) document.title = message.title;
    if (message.icon) setFavicon(message.icon);
    if (message.layout) document.body.dataset.layout = message.layout;
    if (message.sidebar) setSidebarState(message.sidebar);
  },
};

// The sidebar's initial state, as st.set_page_config(initial_sidebar_state=...):
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

function setFavicon(icon) {
  let link = document.querySelector('link[rel="icon"]');
  if (!link) { link = h("link", { rel: "icon" }); document.head.append(link); }
  link.href = icon.length <= 4
    ? `data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'><text y='.9em' font-size='90'>${icon}</text></svg>`
    : icon;
}

function showError(message) {
  const box = document.getElementById("ac-error");
  box.hidden = false;
  box.querySelector(".ac-error-title").textContent = `${message.type}: ${message.message}`;
  box.querySelector(".ac-error-detail").textContent = (message.traceback || []).join("");
}

function hideError() {
  const box = document.getElementById("ac-error");
  if (box) box.hidden = true;
}

// The public face of the runtime for element modules and tests.
export const api = {
  send,
  get status() { return statusEl()?.dataset.state; },
  get lastStatus() { return lastStatus; },
  nodes,
  rerun() { send({ t: "rerun" }); },
};
window.appcore = api;

document.addEventListener("keydown", (event) => {
  const target = event.target;
  const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && event.key === "r") api.rerun();
});

setSidebarState("auto");
sidebarChosen = false;
rootNode("main");
rootNode("sidebar");
rootNode("dialog");
setStatus("disconnected");
connect();
