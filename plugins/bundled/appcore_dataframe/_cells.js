// How a cell of st.dataframe / st.data_editor draws, by its column's type (column_config) or
// its data's kind: numbers by the runtime's formatNumber (Streamlit's), dates by momentjs
// tokens, links, images, sparklines, progress bars, chips, checkboxes, JSON.
import { html, formatNumber } from "appcore";

export function columnType(column) {
  const configured = column.type_config?.type;
  if (configured) return configured;
  return { int: "number", float: "number", bool: "checkbox", list: "list", object: "json" }[column.kind] ?? column.kind;
}

const NUMERIC = new Set(["number", "progress"]);
export const isNumeric = (column) => NUMERIC.has(columnType(column)) && column.kind !== "text";

// -- numbers ---------------------------------------------------------------------------------

// The decimals of a column's step, as Streamlit counts them (1e-7 has 7).
function stepDecimals(step) {
  if (step % 1 === 0) return 0;
  let text = String(step);
  if (text.includes("e")) text = step.toLocaleString("fullwide", { useGrouping: false, maximumFractionDigits: 20 });
  return text.includes(".") ? text.split(".")[1].length : 0;
}

// Cut, not rounded, to a number column's decimals, as Streamlit shows (and an edit keeps) the
// value; the nudge keeps 0.29, which is 28.999... hundredths, from cutting to 0.28.
function truncate(value, decimals) {
  if (decimals <= 0) return Math.trunc(value);
  const scaled = value * 10 ** decimals;
  return Math.trunc(scaled + Math.sign(scaled) * 2 ** -52 * Math.abs(scaled) * 10) / 10 ** decimals;
}

// A number or progress cell's text, with what Streamlit's columns pass its formatter: the step's
// decimals as the precision (an int column's step is 1), and a progress column's default format
// ("%3d%%" for ints, "percent" for floats).
function numberText(value, column) {
  if (typeof value !== "number") return String(value);
  const config = column.type_config ?? {};
  const progress = columnType(column) === "progress";
  const step = config.step ?? (column.kind === "int" ? 1 : undefined);
  const precision = step === undefined ? undefined : stepDecimals(step);
  const format = config.format ?? (progress ? (column.kind === "int" ? "%3d%%" : "percent") : undefined);
  try {
    return formatNumber(progress || precision === undefined ? value : truncate(value, precision), format, precision);
  } catch {
    return String(value);  // a printf pattern Streamlit's sprintf cannot read; Streamlit draws an error cell
  }
}

// -- dates and times -------------------------------------------------------------------------

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ISO = /^(?:(\d{4})-(\d{2})-(\d{2}))?[ T]?(?:(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/;
const pad = (n, w = 2) => String(n).padStart(w, "0");

function parts(text) {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  return { y: Number(y ?? 1970), mo: Number(mo ?? 1), d: Number(d ?? 1), h: Number(h ?? 0), mi: Number(mi ?? 0),
           s: Number(s ?? 0), ms: Number((frac ?? "0").slice(0, 3).padEnd(3, "0")) };
}

function ordinal(n) {
  const s = ["th", "st", "nd", "rd"], v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

const TOKENS = /\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a/g;

function moment(p, format) {
  const weekday = new Date(Date.UTC(p.y, p.mo - 1, p.d)).getUTCDay();
  const h12 = p.h % 12 || 12;
  const table = {
    YYYY: p.y, YY: pad(p.y % 100), MMMM: MONTHS[p.mo - 1], MMM: MONTHS[p.mo - 1].slice(0, 3), MM: pad(p.mo), M: p.mo,
    Do: ordinal(p.d), DD: pad(p.d), D: p.d, dddd: DAYS[weekday], ddd: DAYS[weekday].slice(0, 3),
    HH: pad(p.h), H: p.h, hh: pad(h12), h: h12, mm: pad(p.mi), m: p.mi, ss: pad(p.s), s: p.s, SSS: pad(p.ms, 3),
    A: p.h < 12 ? "AM" : "PM", a: p.h < 12 ? "am" : "pm",
  };
  return format.replace(TOKENS, (token, literal) => literal ?? String(table[token]));
}

function distance(text) {
  const then = Date.parse(text.replace(" ", "T"));
  if (Number.isNaN(then)) return text;
  const seconds = (then - Date.now()) / 1000;
  const units = [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? units[units.length - 1];
  return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(Math.round(seconds / size), unit);
}

export function formatDate(value, format, type) {
  // As Streamlit: a DateColumn shows the date alone, even of a pandas datetime with its time.
  format ||= type === "date" ? "YYYY-MM-DD" : "";
  if (typeof value !== "string" || !format) return String(value);
  if (format === "iso8601") return value.replace(" ", "T");
  if (format === "distance") return distance(value);
  const p = parts(type === "time" ? `1970-01-01 ${value}` : value);
  if (!p) return value;
  if (format === "localized") {
    const date = new Date(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
    if (type === "date") return date.toLocaleDateString();
    if (type === "time") return date.toLocaleTimeString();
    return date.toLocaleString();
  }
  return moment(p, format);
}

// -- cells -------------------------------------------------------------------------------------

const SAFE_URL = /^(https?:|mailto:|\/|\.\/|data:image\/(png|jpe?g|gif|webp|svg\+xml);)/i;

export function cellText(value, column, placeholder) {
  if (value === null || value === undefined) return placeholder ?? "None";
  const type = columnType(column);
  const format = column.type_config?.format;
  if (type === "number" || type === "progress") return numberText(value, column);
  if (type === "date" || type === "time" || type === "datetime") return formatDate(value, format, type);
  if (Array.isArray(value)) return value.map((v) => (v === null ? "None" : typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

function linkText(value, displayText) {
  if (!displayText) return value;
  if (!displayText.includes("(")) return displayText;
  try {
    const match = new RegExp(displayText).exec(value);
    return match?.[1] ?? value;
  } catch { return displayText; }
}

function Spark({ values, config, type }) {
  const numbers = (values ?? []).map(Number).filter((v) => Number.isFinite(v));
  if (!numbers.length) return null;
  const min = config.y_min ?? Math.min(...numbers, type === "bar_chart" ? 0 : Infinity);
  const max = config.y_max ?? Math.max(...numbers);
  const span = max - min || 1;
  const y = (v) => 28 - ((Math.min(Math.max(v, min), max) - min) / span) * 26;
  const step = numbers.length > 1 ? 100 / (numbers.length - 1) : 0;
  const color = config.color && config.color !== "auto" ? config.color : "var(--ac-primary)";
  if (type === "bar_chart") {
    const w = 100 / numbers.length;
    return html`<svg class="ac-df-spark" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
      ${numbers.map((v, i) => html`<rect x=${i * w + w * 0.1} width=${w * 0.8} y=${y(v)} height=${Math.max(0, 28 - y(v))} fill=${color} />`)}</svg>`;
  }
  const points = numbers.map((v, i) => `${(i * step).toFixed(2)},${y(v).toFixed(2)}`).join(" ");
  return html`<svg class="ac-df-spark" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
    ${type === "area_chart" ? html`<polygon points=${`0,28 ${points} 100,28`} fill=${color} opacity="0.3" />` : null}
    <polyline points=${points} fill="none" stroke=${color} stroke-width="1.5" vector-effect="non-scaling-stroke" /></svg>`;
}

// The inside of one cell; `display` is a Styler's text for it, when there is one.
export function CellContent({ value, column, display, placeholder }) {
  if (value === null || value === undefined) return html`<span class="ac-df-null">${placeholder ?? "None"}</span>`;
  if (display !== null && display !== undefined) return display;
  const type = columnType(column);
  const config = column.type_config ?? {};
  switch (type) {
    case "checkbox":
      return html`<input type="checkbox" class="ac-df-check" checked=${Boolean(value)} disabled tabindex="-1" aria-label=${String(Boolean(value))} />`;
    case "link": {
      const href = String(value);
      const text = linkText(href, config.display_text);
      return SAFE_URL.test(href) ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${text}</a>` : text;
    }
    case "image":
      return SAFE_URL.test(String(value)) ? html`<img class="ac-df-img" src=${String(value)} alt="" loading="lazy" />` : String(value);
    case "line_chart": case "bar_chart": case "area_chart":
      return html`<${Spark} values=${Array.isArray(value) ? value : []} config=${config} type=${type} />`;
    case "progress": {
      const min = config.min_value ?? 0, max = config.max_value ?? (column.kind === "float" && value <= 1 ? 1 : 100);
      const share = Math.max(0, Math.min(1, (Number(value) - min) / ((max - min) || 1)));
      return html`<span class="ac-df-progress"><span class="ac-df-bar"><span style=${`width:${(share * 100).toFixed(1)}%`}></span></span>
        <span class="ac-df-progress-text">${numberText(Number(value), column)}</span></span>`;
    }
    case "list": case "multiselect":
      return html`<span class="ac-df-chips">${(Array.isArray(value) ? value : [value]).map((v) => html`<span class="ac-df-chip">${v === null ? "None" : String(v)}</span>`)}</span>`;
    case "selectbox": {
      const option = (config.options ?? []).find((o) => o.value === value);
      return option?.label ?? String(value);
    }
    case "button":
      return html`<span class="ac-btn ac-df-button">${String(value)}</span>`;
    default:
      return cellText(value, column, placeholder);
  }
}
