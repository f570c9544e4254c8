// What the input widgets share besides Field (from "appcore"): value formatting
// (printf-style numbers, moment-style dates), and timelike values as
// microseconds since 1970 (wall-clock, as the server computes them).
import { css, useLayoutEffect, useRef } from "appcore";

css(`
.ac-input[aria-invalid="true"], .ac-input:invalid { border-color: var(--ac-error); }
.ac-input::-webkit-calendar-picker-indicator { cursor: pointer; opacity: 0.7; }
`);

// -- dates and times typed or picked ---------------------------------------------------

// Handlers for a date or time field: a value picked from the browser's picker is sent at
// once, one typed is sent on Enter or blur, so that half-typed years are not sent.
// `typed` is a ref the component reads to keep what the person is typing.
export function typedOrPicked(typed, commit, picked) {
  return {
    onKeyDown(event) {
      if (event.key === "Enter") commit();
      else if (event.key.length === 1 || event.key === "Backspace" || event.key === "Delete") typed.current = true;
    },
    onChange() {
      picked?.();
      if (!typed.current) commit();
    },
    onBlur() { if (typed.current) commit(); },
  };
}

// One native field of a typed value (a time, a moment): its ref, `typed` for typedOrPicked
// and `sent`, the value last sent or received. The server's value wins unless the person is
// typing in the field; `received(field)` runs when it is put in.
export function useTypedField(p, received) {
  const input = useRef(null);
  const typed = useRef(false);
  const sent = useRef(p.value ?? null);
  useLayoutEffect(() => {
    if (typed.current && document.activeElement === input.current) return;
    input.current.value = p.value ?? "";
    received?.(input.current);
    sent.current = p.value ?? null;
  }, [p]);
  return { input, typed, sent };
}

// -- numbers ---------------------------------------------------------------------------

function group(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// printf-style formatting, the subset of sprintf.js Streamlit documents.
export function sprintf(format, value) {
  return String(format).replace(/%([-+0 ,']*)(\d+)?(?:\.(\d+))?([diufFeEgGsxXob%])/g, (m, flags, width, prec, conv) => {
    if (conv === "%") return "%";
    const n = Number(value);
    const p = prec === undefined ? undefined : Number(prec);
    let s;
    switch (conv) {
      case "d": case "i": s = String(Math.trunc(n)); break;
      case "u": s = String(Math.trunc(n) >>> 0); break;
      case "f": case "F": s = n.toFixed(p ?? 6); break;
      case "e": case "E": s = n.toExponential(p ?? 6); if (conv === "E") s = s.toUpperCase(); break;
      case "g": case "G": s = p !== undefined ? String(Number(n.toPrecision(p || 1))) : String(n); break;
      case "x": s = Math.trunc(n).toString(16); break;
      case "X": s = Math.trunc(n).toString(16).toUpperCase(); break;
      case "o": s = Math.trunc(n).toString(8); break;
      case "b": s = Math.trunc(n).toString(2); break;
      default: s = String(value);
    }
    const numeric = conv !== "s";
    if (numeric && (flags.includes(",") || flags.includes("'"))) {
      const [whole, ...rest] = s.split(".");
      const sign = whole.startsWith("-") ? "-" : "";
      s = sign + group(whole.replace("-", "")) + (rest.length ? `.${rest.join(".")}` : "");
    }
    if (numeric && flags.includes("+") && n >= 0) s = `+${s}`;
    else if (numeric && flags.includes(" ") && n >= 0) s = ` ${s}`;
    const w = width ? Number(width) : 0;
    if (s.length < w) {
      if (flags.includes("-")) s = s.padEnd(w, " ");
      else if (flags.includes("0") && numeric) {
        const sign = /^[+\- ]/.test(s) ? s[0] : "";
        s = sign + s.slice(sign.length).padStart(w - sign.length, "0");
      } else s = s.padStart(w, " ");
    }
    return s;
  });
}

const NUMBER_PRESETS = {
  plain: (n) => String(n),
  localized: (n) => n.toLocaleString(),
  dollar: (n) => n.toLocaleString("en-US", { style: "currency", currency: "USD" }),
  euro: (n) => n.toLocaleString("en-US", { style: "currency", currency: "EUR" }),
  yen: (n) => n.toLocaleString("en-US", { style: "currency", currency: "JPY" }),
  percent: (n) => n.toLocaleString(undefined, { style: "percent", maximumFractionDigits: 2 }),
  compact: (n) => n.toLocaleString("en-US", { notation: "compact", maximumFractionDigits: 1 }),
  scientific: (n) => n.toLocaleString("en-US", { notation: "scientific", maximumFractionDigits: 3 }),
  engineering: (n) => n.toLocaleString("en-US", { notation: "engineering", maximumFractionDigits: 3 }),
  accounting: (n) => {
    const text = Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return n < 0 ? `(${text})` : text;
  },
  bytes: (n) => {
    const units = ["B", "KB", "MB", "GB", "TB", "PB"];
    let i = 0;
    let v = Math.abs(n);
    while (v >= 1000 && i < units.length - 1) { v /= 1000; i += 1; }
    return `${n < 0 ? "-" : ""}${i ? v.toFixed(1).replace(/\.0$/, "") : v}${units[i]}`;
  },
};

export function formatNumber(format, value) {
  if (value === null || value === undefined) return "";
  const preset = NUMBER_PRESETS[format];
  return preset ? preset(Number(value)) : sprintf(format || "%s", value);
}

// Decimal places a step or a printf format implies (so 0.1 + 0.2 shows as 0.3).
export function decimals(step, format) {
  const fromStep = (String(step).split(".")[1] || "").length;
  const match = /%[^a-zA-Z%]*\.(\d+)[fFeE]/.exec(format || "");
  return Math.max(fromStep, match ? Number(match[1]) : 0);
}

// -- timelike values ---------------------------------------------------------------------

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

function utcMicros(y, mo, d, hh = 0, mi = 0, ss = 0, frac = "") {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(hh, mi, ss, 0);
  return date.getTime() * 1000 + Number((frac || "").padEnd(6, "0") || 0);
}

export function isoToMicros(iso, type) {
  if (typeof iso !== "string") return null;
  if (type === "time") {
    const t = TIME_RE.exec(iso);
    return t ? utcMicros(2000, 1, 1, +t[1], +t[2], +(t[3] || 0), t[4]) : null;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?/.exec(iso);
  if (!m) return null;
  return utcMicros(+m[1], +m[2], +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0), m[7]);
}

const pad = (n, w = 2) => String(n).padStart(w, "0");

export function microsToIso(micros, type) {
  const ms = Math.floor(micros / 1000);
  const rest = micros - ms * 1000;
  const d = new Date(ms);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const frac = d.getUTCMilliseconds() * 1000 + rest;
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac ? `.${pad(frac, 6)}` : ""}`;
  if (type === "date") return day;
  if (type === "time") return clock;
  return `${day}T${clock}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function ordinal(n) {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

// moment.js display tokens (the common ones) on a wall-clock Date read in UTC.
export function formatMoment(format, d, type) {
  if (format === "iso8601") return microsToIso(d.getTime() * 1000, type);
  if (format === "localized") {
    const opts = { timeZone: "UTC" };
    if (type === "date") return d.toLocaleDateString(undefined, { ...opts, dateStyle: "medium" });
    if (type === "time") return d.toLocaleTimeString(undefined, { ...opts, timeStyle: "short" });
    return d.toLocaleString(undefined, { ...opts, dateStyle: "medium", timeStyle: "short" });
  }
  if (format === "distance" || format === "calendar") {
    const now = new Date();
    const wallNow = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes());
    const seconds = (d.getTime() - wallNow) / 1000;
    const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
    for (const [unit, size] of [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60]]) {
      if (Math.abs(seconds) >= size || unit === "minute") return rtf.format(Math.round(seconds / size), unit);
    }
  }
  const tokens = {
    YYYY: () => pad(d.getUTCFullYear(), 4), YY: () => pad(d.getUTCFullYear() % 100),
    MMMM: () => MONTHS[d.getUTCMonth()], MMM: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    MM: () => pad(d.getUTCMonth() + 1), M: () => String(d.getUTCMonth() + 1),
    Do: () => ordinal(d.getUTCDate()), DD: () => pad(d.getUTCDate()), D: () => String(d.getUTCDate()),
    dddd: () => DAYS[d.getUTCDay()], ddd: () => DAYS[d.getUTCDay()].slice(0, 3),
    HH: () => pad(d.getUTCHours()), H: () => String(d.getUTCHours()),
    hh: () => pad(d.getUTCHours() % 12 || 12), h: () => String(d.getUTCHours() % 12 || 12),
    mm: () => pad(d.getUTCMinutes()), m: () => String(d.getUTCMinutes()),
    ss: () => pad(d.getUTCSeconds()), s: () => String(d.getUTCSeconds()),
    SSS: () => pad(d.getUTCMilliseconds(), 3),
    A: () => (d.getUTCHours() < 12 ? "AM" : "PM"), a: () => (d.getUTCHours() < 12 ? "am" : "pm"),
  };
  return String(format).replace(/\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a/g,
    (token, literal) => (literal !== undefined ? literal : tokens[token]()));
}

export function formatMicros(format, micros, type) {
  return formatMoment(format, new Date(Math.floor(micros / 1000)), type);
}
