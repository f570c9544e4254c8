// What every component and st.iframe frame may do, as Streamlit's frames: same-origin
// scripts, forms, popups, downloads, and the device features a component may ask for
// (Streamlit's list, less the names Chromium no longer knows and warns about).
export const SANDBOX = [
  "allow-forms", "allow-modals", "allow-popups", "allow-popups-to-escape-sandbox",
  "allow-same-origin", "allow-scripts", "allow-downloads",
].join(" ");

export const ALLOW = [
  "accelerometer", "autoplay", "camera", "clipboard-write", "encrypted-media", "fullscreen", "geolocation",
  "gyroscope", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
  "publickey-credentials-get", "sync-xhr", "usb", "xr-spatial-tracking",
].join("; ");

// Bytes the server sends as base64 (JSON has no bytes), as the Uint8Array a component expects.
export function fromBase64(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

// A file of a component's folder, as the core's component route serves it (under the app's prefix).
const PREFIX = document.documentElement.dataset.prefix || "";
export function componentUrl(name, file) {
  return `${PREFIX}/_appcore/components/${encodeURIComponent(name)}/${file}`;
}
