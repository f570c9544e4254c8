// What the input widgets share besides Field and formatNumber (from "appcore"): a step's
// decimals, moment-style dates, and timelike values as microseconds since 1970 (wall-clock,
// as the server computes them).
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
