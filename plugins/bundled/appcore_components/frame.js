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
