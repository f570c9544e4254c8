// The grid of st.dataframe: a virtual scroller of fixed-height rows (only the rows in view are
// in the DOM), a sticky header, pinned index columns, click-to-sort, column resize, a toolbar
// (search, CSV download, full screen) and keyboard cell focus with copy (a cell, or a range chosen
// with Shift+click or Shift+arrows, as tab-separated text). Rows the element did
// not bring come from the server in blocks: GET /_appcore/dataframe/{session}/{token}; the
// server sorts and searches over the whole frame.
import { html, css, useState, useEffect, useLayoutEffect, useRef, useMemo, useCallback, tooltip } from "appcore";
import { CellContent, cellText, columnType, isNumeric } from "./_cells.js";

css(`
.ac-df { position: relative; max-width: 100%; font-size: 0.875rem; color: var(--ac-text); }
.ac-df-frame { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); overflow: hidden; background: var(--ac-bg); }
.ac-df-scroll { overflow: auto; position: relative; outline: none; }
.ac-df-scroll:focus-visible:not(.ac-df-has-focus) { box-shadow: inset 0 0 0 2px var(--ac-primary); }
.ac-df-inner { position: relative; }
.ac-df-row { display: flex; position: absolute; left: 0; }
.ac-df-head { position: sticky; top: 0; z-index: 3; display: flex; }
.ac-df-cell, .ac-df-th { box-sizing: border-box; flex: none; padding: 0 0.5rem; display: flex; align-items: center; overflow: hidden; white-space: nowrap; border-right: 1px solid var(--ac-border); border-bottom: 1px solid var(--ac-border); background: var(--ac-bg); }
.ac-df-cell > .ac-df-text { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.ac-df-num > .ac-df-text { text-align: right; }
.ac-df-center > .ac-df-text { text-align: center; }
.ac-df-cell a { color: var(--ac-link, #0068c9); }
[data-theme="dark"] .ac-df-cell a { --ac-link: #58a6ff; }
.ac-df-th { background: var(--ac-bg2); color: var(--ac-muted); font-weight: 400; position: relative; cursor: pointer; user-select: none; gap: 0.25rem; }
.ac-df-th:hover { color: var(--ac-text); }
.ac-df-th .ac-df-label { overflow: hidden; text-overflow: ellipsis; }
.ac-df-th .ac-df-sort { color: var(--ac-text); font-size: 0.75rem; }
.ac-df-idx { background: var(--ac-bg2); color: var(--ac-muted); }
.ac-df-pin { position: sticky; z-index: 1; }
.ac-df-head .ac-df-pin { z-index: 4; }
.ac-df-num { justify-content: flex-end; font-variant-numeric: tabular-nums; }
.ac-df-num.ac-df-th { justify-content: flex-end; }
.ac-df-center { justify-content: center; }
.ac-df-null { color: var(--ac-muted); }
.ac-df-focus { box-shadow: inset 0 0 0 2px var(--ac-primary); }
.ac-df-resize { position: absolute; right: -3px; top: 0; bottom: 0; width: 7px; cursor: col-resize; z-index: 2; }
.ac-df-resize:hover { background: var(--ac-primary); opacity: 0.4; }
.ac-df-loading { color: var(--ac-muted); }
.ac-df-loading::before { content: ""; display: block; width: 60%; height: 0.6rem; border-radius: 0.3rem; background: var(--ac-bg2); }
.ac-df-empty { padding: 0.5rem; color: var(--ac-muted); font-style: italic; }
.ac-df-toolbar { position: absolute; right: 0; top: -2.1rem; display: flex; gap: 0.15rem; align-items: center; opacity: 0; transition: opacity 0.15s; z-index: 5; background: var(--ac-bg); border-radius: var(--ac-radius); }
.ac-df:hover .ac-df-toolbar, .ac-df:focus-within .ac-df-toolbar, .ac-df-toolbar.ac-df-searching { opacity: 1; }
.ac-df-tool { border: none; background: none; color: var(--ac-muted); cursor: pointer; width: 1.9rem; height: 1.9rem; border-radius: var(--ac-radius); display: inline-flex; align-items: center; justify-content: center; font-size: 1rem; text-decoration: none; }
.ac-df-tool:hover, .ac-df-tool:focus-visible { background: var(--ac-bg2); color: var(--ac-text); outline: none; }
.ac-df-search { font: inherit; font-size: 0.85rem; width: 12rem; padding: 0.2rem 0.5rem; border: 1px solid var(--ac-border); border-radius: var(--ac-radius); background: var(--ac-bg); color: var(--ac-text); }
.ac-df-search:focus { outline: 2px solid var(--ac-primary); outline-offset: -1px; }
.ac-df-count { font-size: 0.75rem; color: var(--ac-muted); padding: 0 0.25rem; }
.ac-df-full { position: fixed; inset: 2.5rem 1rem 1rem; z-index: 900; background: var(--ac-bg); }
.ac-df-full .ac-df-toolbar { opacity: 1; }
.ac-df-backdrop { position: fixed; inset: 0; z-index: 899; background: rgba(0, 0, 0, 0.4); }
.ac-df-spark { display: block; width: 100%; height: 1.5rem; }
.ac-df-img { max-height: 100%; max-width: 100%; object-fit: contain; }
.ac-df-progress { display: flex; align-items: center; gap: 0.4rem; width: 100%; }
.ac-df-bar { flex: 1; height: 0.45rem; border-radius: 0.25rem; background: var(--ac-bg2); overflow: hidden; }
.ac-df-bar > span { display: block; height: 100%; background: var(--ac-primary); }
.ac-df-progress-text { font-variant-numeric: tabular-nums; font-size: 0.8rem; }
.ac-df-chips { display: flex; gap: 0.25rem; overflow: hidden; }
.ac-df-chip { background: var(--ac-bg2); border-radius: 0.75rem; padding: 0 0.5rem; font-size: 0.8rem; }
.ac-df-check { margin: 0; accent-color: var(--ac-primary); }
.ac-df-button { min-height: 0; padding: 0 0.5rem; font-size: 0.8rem; }
.ac-df-select { justify-content: center; padding: 0; }
.ac-df-selected > .ac-df-cell:not(.ac-df-idx) { background: color-mix(in srgb, var(--ac-primary) 10%, var(--ac-bg)); }
.ac-df-colsel { background: color-mix(in srgb, var(--ac-primary) 10%, var(--ac-bg)) !important; }
.ac-df-range { background: color-mix(in srgb, var(--ac-primary) 12%, var(--ac-bg)) !important; }
.ac-df-cellsel { background: color-mix(in srgb, var(--ac-primary) 18%, var(--ac-bg)) !important; }
.ac-df-th.ac-df-colsel { color: var(--ac-text); }
.ac-df-editor { width: 100%; height: 100%; box-sizing: border-box; border: none; outline: 2px solid var(--ac-primary); outline-offset: -2px; font: inherit; padding: 0 0.25rem; background: var(--ac-bg); color: var(--ac-text); }
.ac-df-cell:has(> .ac-df-editor) { padding: 0; }
.ac-df-deleted > .ac-df-cell { text-decoration: line-through; color: var(--ac-muted); }
.ac-df-added > .ac-df-cell:not(.ac-df-select) { background: color-mix(in srgb, var(--ac-success) 6%, var(--ac-bg)); }
`);

const BLOCK = 100;           // rows per request
const COPY_ROWS = 10_000;    // the most rows one copy takes (the CSV download has them all)
const MAX_SCROLL = 8_000_000; // px: browsers cap an element's height; taller tables scale their scrollbar
const NAMED_WIDTHS = { small: 75, medium: 200, large: 400 };
const SELECT_WIDTH = 34;
const svg = (path) => html`<svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${path}</svg>`;
const ICONS = {
  search: svg(html`<circle cx="11" cy="11" r="7" /><path d="M20 20l-4-4" />`),
  download: svg(html`<path d="M12 4v11M7 10l5 5 5-5M5 20h14" />`),
  full: svg(html`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />`),
  close: svg(html`<path d="M6 6l12 12M18 6L6 18" />`),
  add: svg(html`<path d="M12 5v14M5 12h14" />`),
  trash: svg(html`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />`),
};

function defaultWidth(column, rows, index) {
  const named = NAMED_WIDTHS[column.width] ?? (typeof column.width === "number" ? column.width : null);
  if (named) return named;
  const type = columnType(column);
  if (["line_chart", "bar_chart", "area_chart", "progress"].includes(type)) return 150;
  if (type === "image") return 80;
  if (type === "checkbox") return Math.max(60, column.label.length * 8 + 30);
  let chars = Math.max(column.label.length + 2, column.type_config?.format ? 0 : (column.chars ?? 0));
  for (let r = 0; r < Math.min(rows.length, 50); r++) chars = Math.max(chars, cellText(rows[r][index], column).length);
  return Math.max(50, Math.min(400, Math.round(chars * 8 + 28)));
}

// As Streamlit's stretched table: when the columns are narrower than the frame, the ones
// sized by their content (not pinned, no width of their own or the person's) grow to fill it,
// each in proportion to its width.
function stretched(widths, columns, sized, room) {
  const flexible = columns.map((c) => c.pinned !== true && c.width == null && sized[c.name] == null);
  const spare = room - widths.reduce((a, b) => a + b, 0);
  const grown = widths.reduce((sum, w, i) => sum + (flexible[i] ? w : 0), 0);
  if (spare < 1 || !grown) return widths;
  const out = widths.map((w, i) => (flexible[i] ? Math.floor(w + (spare * w) / grown) : w));
  out[flexible.lastIndexOf(true)] += room - out.reduce((a, b) => a + b, 0);  // the pixels rounding left
  return out;
}

function styleOf(text) {
  return text || undefined; // the server kept only colours, backgrounds and font properties
}

// The rows of one view (a sort and a search) of one table, block by block.
function useRows(props, ctx, sort, search) {
  const viewKey = `${props.token}|${sort ? `${sort.name}:${sort.asc ? "asc" : "desc"}` : ""}|${search}`;
  const cache = useRef({ key: null, blocks: new Map(), pending: new Map(), total: null });
  const [, bump] = useState(0);
  const c = cache.current;
  if (c.key !== viewKey) {
    for (const controller of c.pending.values()) controller.abort();
    c.key = viewKey;
    c.blocks = new Map();
    c.pending = new Map();
    c.total = null;
    if (!sort && !search) {
      c.total = props.total_rows;
      for (let b = 0; b * BLOCK < props.rows.length; b++) {
        const rows = props.rows.slice(b * BLOCK, (b + 1) * BLOCK);
        c.blocks.set(b, {
          rows, positions: rows.map((_, i) => b * BLOCK + i),
          display: props.display?.slice(b * BLOCK, (b + 1) * BLOCK), styles: props.styles?.slice(b * BLOCK, (b + 1) * BLOCK),
        });
      }
    }
  }
  const fetchBlock = useCallback((b) => {
    const current = cache.current;
    if (current.blocks.has(b)) return Promise.resolve();
    if (current.pending.has(b)) return current.pending.get(b).done;
    const sessionId = ctx.runtime.sessionId;
    if (!sessionId || !props.token) return Promise.resolve();
    const controller = new AbortController();
    current.pending.set(b, controller);
    const key = current.key;
    const query = new URLSearchParams({ start: String(b * BLOCK), end: String((b + 1) * BLOCK) });
    if (sort) query.set("sort", `${sort.name}:${sort.asc ? "asc" : "desc"}`);
    if (search) query.set("search", search);
    controller.done = fetch(`${ctx.runtime.prefix}/_appcore/dataframe/${encodeURIComponent(sessionId)}/${encodeURIComponent(props.token)}?${query}`,
          { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((body) => {
        if (cache.current.key !== key) return;
        cache.current.pending.delete(b);
        cache.current.total = body.total;
        cache.current.blocks.set(b, body);
        bump((n) => n + 1);
      })
      .catch(() => { if (cache.current.key === key) cache.current.pending.delete(b); });
    return controller.done;
  }, [viewKey]);
  const row = (r) => {
    const block = c.blocks.get(Math.floor(r / BLOCK));
    if (!block) return null;
    const i = r - Math.floor(r / BLOCK) * BLOCK;
    return i < block.rows.length ? { cells: block.rows[i], position: block.positions[i], display: block.display?.[i], styles: block.styles?.[i] } : null;
  };
  return { total: c.total, row, fetchBlock, viewKey };
}

function canEdit(edit, column, data) {
  if (!edit || data.deleted) return false;
  return edit.editable.has(column.name) || (data.target?.added !== undefined && edit.indexEditable.has(column.name));
}

// The rows an editor shows: the input's rows with the record's edits over them, deleted rows
// gone (struck through while sorted, searched or windowed), then the added rows.
function useEditedView(props, edit, knownTotal, baseRow, sort, search) {
  const record = edit?.record;
  const inline = edit && !props.windowed && !sort && !search;
  const visible = useMemo(() => {
    if (!inline) return null;
    const deleted = new Set(record.deleted_rows);
    const out = [];
    for (let p = 0; p < props.total_rows; p++) if (!deleted.has(p)) out.push(p);
    return out;
  }, [inline, record, props.total_rows]);
  if (!edit) return { total: knownTotal ?? 0, row: baseRow };
  const deleted = new Set(record.deleted_rows);
  const baseCount = visible ? visible.length : (knownTotal ?? 0);
  const overlay = (data) => {
    if (!data) return null;
    const changes = record.edited_rows[String(data.position)];
    const cells = changes ? data.cells.map((v, i) => (props.columns[i].name in changes ? changes[props.columns[i].name] : v)) : data.cells;
    const display = changes ? data.display?.map((v, i) => (props.columns[i].name in changes ? null : v)) : data.display;
    return { ...data, cells, display, target: { position: data.position }, deleted: deleted.has(data.position) };
  };
  const row = (r) => {
    if (r < baseCount) {
      if (!visible) return overlay(baseRow(r));
      const p = visible[r];
      return overlay({ cells: props.rows[p], position: p, display: props.display?.[p], styles: props.styles?.[p] });
    }
    const i = r - baseCount;
    const added = record.added_rows[i];
    if (!added) return null;
    return { cells: props.columns.map((c) => (c.name in added ? added[c.name] : null)), position: `added-${i}`, target: { added: i } };
  };
  return { total: baseCount + record.added_rows.length, row };
}

// The input that edits one cell: typed by its column. Enter or leaving commits, Escape cancels.
function CellEditor({ value, column, onDone }) {
  const ref = useRef(null);
  const done = useRef(false);
  const type = columnType(column);
  const options = column.type_config?.options;
  useLayoutEffect(() => { ref.current?.focus(); ref.current?.select?.(); }, []);
  const finish = (commit) => {
    if (done.current) return;
    done.current = true;
    if (!commit) { onDone(false); return; }
    const el = ref.current;
    const text = el.value;
    let next = text;
    if (type === "selectbox" && options) next = text === "" ? null : options[Number(text)].value;
    else if (type === "number") next = text.trim() === "" ? null : Number(text);
    else if (type === "date" || type === "time") next = text === "" ? null : text;
    else if (type === "datetime") next = text === "" ? null : text.replace("T", " ");
    else if (type === "list" || type === "multiselect") next = text.trim() === "" ? [] : text.split(",").map((t) => t.trim());
    // A value the column does not take is not committed, as Streamlit's grid refuses it: one
    // such cell in the edit record would have the server refuse every later edit with it.
    if (!columnTakes(column, type, next)) { onDone(false); return; }
    onDone(true, next);
  };
  const keys = (event) => {
    event.stopPropagation();
    if (event.key === "Enter") { event.preventDefault(); finish(true); }
    else if (event.key === "Escape") { event.preventDefault(); finish(false); }
  };
  const common = { ref, class: "ac-df-editor", onKeyDown: keys, onBlur: () => finish(true), "aria-label": `edit ${column.label}` };
  if (type === "selectbox" && options) {
    const at = options.findIndex((o) => o.value === value);
    return html`<select ...${common} value=${at < 0 ? "" : String(at)}>
      <option value=""></option>${options.map((o, i) => html`<option value=${String(i)}>${o.label ?? String(o.value)}</option>`)}</select>`;
  }
  if (type === "number") {
    const tc = column.type_config ?? {};
    return html`<input ...${common} type="number" value=${value ?? ""} min=${tc.min_value ?? undefined} max=${tc.max_value ?? undefined}
      step=${tc.step ?? (column.kind === "int" ? 1 : "any")} />`;
  }
  if (type === "date") return html`<input ...${common} type="date" value=${value ?? ""} />`;
  if (type === "time") return html`<input ...${common} type="time" step="1" value=${value ?? ""} />`;
  if (type === "datetime") return html`<input ...${common} type="datetime-local" step="1" value=${(value ?? "").replace(" ", "T").slice(0, 19)} />`;
  const text = Array.isArray(value) ? value.join(", ") : value ?? "";
  return html`<input ...${common} type="text" value=${text} maxlength=${column.type_config?.max_chars ?? undefined} />`;
}

// Whether `column` takes `value` (the page's half of the server's parse_cell): a finite number
// within its bounds, something in a required column, text matching a TextColumn's `validate`
// (a JavaScript regular expression, as Streamlit tests it; one that does not compile lets
// everything through, as it does there).
function columnTakes(column, type, value) {
  const { min_value: min, max_value: max, validate } = column.type_config ?? {};
  if (value === null) return !column.required;
  if (type === "number") return Number.isFinite(value) && !(min != null && value < min) && !(max != null && value > max);
  if (type !== "text" || !validate || typeof value !== "string") return true;
  try { return new RegExp(validate).test(value); } catch { return true; }
}

function gridHeight(height, total, rowHeight) {
  const chrome = rowHeight + 2; // header row and the frame's border
  if (typeof height === "number") return height;
  if (height === "content") return chrome + Math.max(1, total) * rowHeight;
  if (height === "stretch") return Math.max(chrome + 10 * rowHeight, 400);
  return chrome + Math.max(1, Math.min(total, 10)) * rowHeight;
}

function downloadHref(props, ctx, sort, search) {
  const query = new URLSearchParams({ format: "csv" });
  if (sort) query.set("sort", `${sort.name}:${sort.asc ? "asc" : "desc"}`);
  if (search) query.set("search", search);
  return `${ctx.runtime.prefix}/_appcore/dataframe/${encodeURIComponent(ctx.runtime.sessionId ?? "")}/${encodeURIComponent(props.token)}?${query}`;
}

// `selection`: {rows:Set, columns:Set, cells:Set("r,c")} and `onSelect(kind, ...)`, when the
// table's selections are on (st.dataframe(on_select=...)).
// `edit` (st.data_editor): {record, editable:Set, canAdd, canDelete, onCell(target, name, value),
// onAdd(), onDelete()}; `target` is {position} for an input row or {added: i} for a new one.
export function Grid({ props, ctx, selection = null, onSelect = null, edit = null }) {
  const rowHeight = props.row_height || 35;
  const [sort, setSort] = useState(null);
  const [search, setSearch] = useState("");
  const [searchText, setSearchText] = useState("");
  const [searching, setSearching] = useState(false);
  const [full, setFull] = useState(false);
  const [widths, setWidths] = useState({});
  const [focus, setFocus] = useState(null); // [view row, column index]
  const [anchor, setAnchor] = useState(null); // where a Shift+click or Shift+arrow range starts
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef(null);
  const searchBox = useRef(null);
  const [editing, setEditing] = useState(null); // [view row, column index] of the open cell editor
  const { total: knownTotal, row: baseRow, fetchBlock } = useRows(props, ctx, sort, search);
  const { total, row } = useEditedView(props, edit, knownTotal, baseRow, sort, search);

  useEffect(() => { setSort(null); setSearch(""); setSearchText(""); setFocus(null); setAnchor(null); setEditing(null); }, [props.token]);
  // The chosen range, [first row, first column, last row, last column], or null for one cell.
  const range = anchor && focus && (anchor[0] !== focus[0] || anchor[1] !== focus[1])
    ? [Math.min(anchor[0], focus[0]), Math.min(anchor[1], focus[1]), Math.max(anchor[0], focus[0]), Math.max(anchor[1], focus[1])]
    : null;
  const inRange = (r, i) => range && r >= range[0] && r <= range[2] && i >= range[1] && i <= range[3];
  const focusCell = (cell, extend) => {
    setAnchor(extend ? (anchor ?? focus ?? cell) : null);
    setFocus(cell);
  };
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 250);
    return () => clearTimeout(timer);
  }, [searchText]);
  useLayoutEffect(() => { if (searching) searchBox.current?.focus(); }, [searching]);
  // Layout effects, not effects: a new view's first rows are asked for in the render that
  // shows the new view, not a frame later.
  useLayoutEffect(() => { if (scroller.current) { scroller.current.scrollTop = 0; setScrollTop(0); } }, [sort, search]);

  const columns = props.columns;
  const rowSelect = selection && selection.modes.some((m) => m.endsWith("-row") || m === "single-row-required");
  const columnSelect = selection && selection.modes.some((m) => m.endsWith("-column"));
  const cellSelect = selection && selection.modes.some((m) => m.endsWith("-cell"));
  const lead = rowSelect ? SELECT_WIDTH : 0;
  const [room, setRoom] = useState(0);  // the frame's inner width, for a stretched table
  useLayoutEffect(() => {
    const node = scroller.current;
    if (!node || props.width === "content") return undefined;
    const observer = new ResizeObserver(() => setRoom(node.clientWidth));
    observer.observe(node);
    setRoom(node.clientWidth);
    return () => observer.disconnect();
  }, [props.width, full]);
  const colWidths = useMemo(() => {
    const natural = columns.map((c, i) => widths[c.name] ?? defaultWidth(c, props.rows, i));
    return props.width === "content" ? natural : stretched(natural, columns, widths, room - lead);
  }, [columns, widths, props.rows, props.width, room, lead]);
  const lefts = [];
  let x = lead;
  for (const w of colWidths) { lefts.push(x); x += w; }
  const innerWidth = x;

  // An editor's added and deleted rows count: it grows (to ten rows) as rows are added, as Streamlit's.
  const height = full ? null : gridHeight(props.height, edit ? total : knownTotal ?? props.total_rows, rowHeight);
  const viewport = full ? (scroller.current?.clientHeight ?? 600) : height - 2;
  const bodyView = Math.max(rowHeight, viewport - rowHeight);
  const content = total * rowHeight;
  const virtual = Math.min(content, MAX_SCROLL);
  const scale = virtual > bodyView && content > virtual ? (content - bodyView) / (virtual - bodyView) : 1;
  const contentTop = scrollTop * scale;
  const first = Math.max(0, Math.floor(contentTop / rowHeight) - 2);
  const last = Math.min(total, Math.ceil((contentTop + bodyView) / rowHeight) + 2);

  useLayoutEffect(() => {
    if (knownTotal === null) { fetchBlock(0); return; }
    for (let b = Math.floor(first / BLOCK); b * BLOCK < last; b++) fetchBlock(b);
  });

  const onScroll = useCallback((event) => {
    const top = event.currentTarget.scrollTop;
    requestAnimationFrame(() => setScrollTop(top));
  }, []);

  const clickHeader = (column, index) => {
    if (columnSelect && !column.index) { onSelect("column", column.name); return; }
    setSort((s) => (s?.name !== column.name ? { name: column.name, asc: true } : s.asc ? { name: column.name, asc: false } : null));
  };

  const startResize = (event, column, index) => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX, start = colWidths[index];
    const move = (e) => setWidths((w) => ({ ...w, [column.name]: Math.max(40, start + e.clientX - startX) }));
    const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };

  const openEditor = (r, i, data) => {
    if (columnType(columns[i]) === "checkbox") { edit.onCell(data.target, columns[i].name, !data.cells[i]); return; }
    setFocus([r, i]);
    setEditing([r, i]);
  };

  // The cells as the page shows them, tab-separated as spreadsheets take them (a cell holding a
  // tab, a line break or a quote is quoted). Rows not yet in the page are fetched first.
  const copyCells = async ([r0, c0, r1, c1]) => {
    r1 = Math.min(r1, r0 + COPY_ROWS - 1);
    const blocks = new Set();
    for (let r = r0; r <= r1; r++) if (!row(r)) blocks.add(Math.floor(r / BLOCK));
    await Promise.all([...blocks].map((b) => fetchBlock(b)));
    const quote = (text) => (/[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    const lines = [];
    for (let r = r0; r <= r1; r++) {
      const data = row(r);
      const cells = [];
      for (let i = c0; i <= c1; i++) cells.push(data ? quote(String(data.display?.[i] ?? cellText(data.cells[i], columns[i]))) : "");
      lines.push(cells.join("\t"));
    }
    await navigator.clipboard?.writeText(lines.join("\n"));
  };

  const keyDown = (event) => {
    if (editing) return; // the cell editor has the keys
    if ((event.ctrlKey || event.metaKey) && event.key === "c" && focus) {
      event.preventDefault();
      copyCells(range ?? [focus[0], focus[1], focus[0], focus[1]]);
      return;
    }
    if (edit && focus && !editing && (event.key === "Enter" || event.key === "F2")) {
      const r = row(focus[0]);
      if (r && canEdit(edit, columns[focus[1]], r)) { event.preventDefault(); openEditor(focus[0], focus[1], r); }
      return;
    }
    if (edit && focus && !editing && (event.key === "Delete" || event.key === "Backspace")) {
      const r = row(focus[0]);
      if (r && canEdit(edit, columns[focus[1]], r)) { event.preventDefault(); edit.onCell(r.target, columns[focus[1]].name, null); }
      return;
    }
    const moves = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], PageDown: [10, 0], PageUp: [-10, 0] };
    const move = moves[event.key];
    if (!move || !total) return;
    event.preventDefault();
    const [r0, c0] = focus ?? [0, 0];
    const next = [Math.max(0, Math.min(total - 1, r0 + (focus ? move[0] : 0))), Math.max(0, Math.min(columns.length - 1, c0 + (focus ? move[1] : 0)))];
    focusCell(next, event.shiftKey);
    const el = scroller.current;
    const top = next[0] * rowHeight / scale;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + bodyView) el.scrollTop = top + rowHeight - bodyView;
  };

  const head = html`<div class="ac-df-head" role="row" style=${`height:${rowHeight}px;width:${innerWidth}px`}>
    ${rowSelect ? html`<div class="ac-df-th ac-df-pin ac-df-select" style=${`width:${SELECT_WIDTH}px;left:0`} role="columnheader" aria-label="select rows"></div>` : null}
    ${columns.map((c, i) => {
      const sorted = sort?.name === c.name;
      const pinned = c.pinned === true;
      const cls = ["ac-df-th", isNumeric(c) ? "ac-df-num" : "", pinned ? "ac-df-pin" : "",
                   selection?.columns.has(c.name) ? "ac-df-colsel" : ""].filter(Boolean).join(" ");
      return html`<div class=${cls} role="columnheader" data-column=${c.name}
          aria-sort=${sorted ? (sort.asc ? "ascending" : "descending") : undefined}
          style=${`width:${colWidths[i]}px;${pinned ? `left:${lefts[i]}px;` : ""}`}
          onClick=${() => clickHeader(c, i)} ...${c.help ? tooltip(c.help) : {}}>
        <span class="ac-df-label">${c.label}</span>
        ${sorted ? html`<span class="ac-df-sort" aria-hidden="true">${sort.asc ? "↑" : "↓"}</span>` : null}
        <span class="ac-df-resize" onPointerDown=${(e) => startResize(e, c, i)} onClick=${(e) => e.stopPropagation()}></span>
      </div>`;
    })}
  </div>`;

  const body = [];
  for (let r = first; r < last; r++) {
    const data = row(r);
    const top = rowHeight + r * rowHeight - contentTop + scrollTop;
    const selected = data && selection?.rows.has(data.position);
    const rowClass = `ac-df-row${selected ? " ac-df-selected" : ""}${data?.deleted ? " ac-df-deleted" : ""}${data?.target?.added !== undefined ? " ac-df-added" : ""}`;
    body.push(html`<div class=${rowClass} role="row" key=${r} data-row=${data?.position}
        aria-rowindex=${r + 2} style=${`top:${top}px;height:${rowHeight}px;width:${innerWidth}px`}>
      ${rowSelect ? html`<div class="ac-df-cell ac-df-pin ac-df-select ac-df-idx" style=${`width:${SELECT_WIDTH}px;left:0`} role="gridcell">
        ${data && !data.deleted ? html`<input type="checkbox" class="ac-df-check" checked=${selected} aria-label=${`select row ${r + 1}`}
          onChange=${() => onSelect("row", data.position)} />` : null}</div>` : null}
      ${columns.map((c, i) => {
        const pinned = c.pinned === true;
        const focused = focus && focus[0] === r && focus[1] === i;
        const cellSelected = data && selection?.cells.has(`${data.position},${c.name}`);
        const cls = ["ac-df-cell", c.index ? "ac-df-idx" : "", isNumeric(c) ? "ac-df-num" : "",
                     c.alignment === "center" ? "ac-df-center" : "", pinned ? "ac-df-pin" : "",
                     focused ? "ac-df-focus" : "", selection?.columns.has(c.name) ? "ac-df-colsel" : "",
                     cellSelected ? "ac-df-cellsel" : "", inRange(r, i) ? "ac-df-range" : "",
                     data ? "" : "ac-df-loading"].filter(Boolean).join(" ");
        const align = c.alignment === "right" || c.alignment === "left" ? `text-align:${c.alignment};` : "";
        return html`<div class=${cls} role="gridcell" style=${`width:${colWidths[i]}px;${pinned ? `left:${lefts[i]}px;` : ""}${data?.styles?.[i] ? `${styleOf(data.styles[i])};` : ""}`}
            onClick=${(event) => { focusCell([r, i], event.shiftKey); if (cellSelect && data && !c.index) onSelect("cell", data.position, c.name);
                              if (edit && data && columnType(c) === "checkbox" && canEdit(edit, c, data)) edit.onCell(data.target, c.name, !data.cells[i]); }}
            onDblClick=${() => { if (edit && data && canEdit(edit, c, data)) openEditor(r, i, data); }}>
          ${editing && editing[0] === r && editing[1] === i && data
            ? html`<${CellEditor} value=${data.cells[i]} column=${c} onDone=${(commit, value) => {
                setEditing(null);
                scroller.current?.focus();
                if (commit) edit.onCell(data.target, c.name, value);
              }} />`
            : data ? html`<span class="ac-df-text" style=${align || undefined}><${CellContent} value=${data.cells[i]} column=${c} display=${data.display?.[i]} placeholder=${data.target?.added !== undefined ? "" : props.placeholder} /></span>` : null}
        </div>`;
      })}
    </div>`);
  }

  const frameStyle = full ? "height:100%" : `height:${height}px`;
  const widthCss = props.width === "content" ? `width:${innerWidth + 2}px;max-width:100%;` : typeof props.width === "number" ? `width:${props.width}px;max-width:100%;` : "";
  const tools = html`<div class=${`ac-df-toolbar${searching ? " ac-df-searching" : ""}`} role="toolbar" aria-label="table tools">
    ${searching ? html`<input class="ac-df-search" ref=${searchBox} type="search" placeholder="Search" aria-label="Search the table"
        value=${searchText} onInput=${(e) => setSearchText(e.currentTarget.value)}
        onKeyDown=${(e) => { if (e.key === "Escape") { setSearchText(""); setSearching(false); } }} />
      ${search ? html`<span class="ac-df-count" aria-live="polite">${knownTotal === null ? "…" : `${total.toLocaleString()} ${total === 1 ? "row" : "rows"}`}</span>` : null}` : null}
    ${edit?.canAdd ? html`<button type="button" class="ac-df-tool" aria-label="Add row" title="Add row" onClick=${() => {
        edit.onAdd();
        // As Streamlit: the new row's first editable cell opens for typing.
        const first = columns.findIndex((c) => columnType(c) !== "checkbox"
          && (edit.editable.has(c.name) || edit.indexEditable.has(c.name)));
        if (first >= 0) { setFocus([total, first]); setEditing([total, first]); }
        requestAnimationFrame(() => { const el = scroller.current; if (el) el.scrollTop = el.scrollHeight; });
      }}>${ICONS.add}</button>` : null}
    ${edit?.canDelete && selection?.rows.size ? html`<button type="button" class="ac-df-tool" aria-label="Delete rows" title="Delete rows" onClick=${() => edit.onDelete()}>${ICONS.trash}</button>` : null}
    <button type="button" class="ac-df-tool" aria-label="Search" title="Search" onClick=${() => { if (searching) { setSearchText(""); } setSearching(!searching); }}>${ICONS.search}</button>
    <a class="ac-df-tool" aria-label="Download as CSV" title="Download as CSV" href=${downloadHref(props, ctx, sort, search)} download>${ICONS.download}</a>
    <button type="button" class="ac-df-tool" aria-label=${full ? "Close fullscreen" : "Fullscreen"} title=${full ? "Close fullscreen" : "Fullscreen"} onClick=${() => setFull(!full)}>${full ? ICONS.close : ICONS.full}</button>
  </div>`;

  return html`${full ? html`<div class="ac-df-backdrop" onClick=${() => setFull(false)}></div>` : null}
    <div class=${`ac-df${full ? " ac-df-full" : ""}`} style=${widthCss} onKeyDown=${(e) => { if (e.key === "Escape" && full) setFull(false); }}>
    ${tools}
    <div class="ac-df-frame" style=${frameStyle}>
      <div class=${`ac-df-scroll${focus ? " ac-df-has-focus" : ""}`} ref=${scroller} tabindex="0" role="grid" aria-label=${props.alt ?? undefined}
          aria-rowcount=${total + 1} aria-colcount=${columns.length} style="height:100%" onScroll=${onScroll} onKeyDown=${keyDown}>
        <div class="ac-df-inner" style=${`height:${rowHeight + virtual}px;width:${innerWidth}px`}>
          ${head}
          ${body}
          ${knownTotal === 0 ? html`<div class="ac-df-empty" style=${`position:absolute;top:${rowHeight}px`}>${search ? "No rows match." : "empty"}</div>` : null}
        </div>
      </div>
    </div>
  </div>`;
}
