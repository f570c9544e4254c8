// Streamlit's component protocol, as appcore and Streamlit both speak it to a component's iframe.
const API_VERSION = 1;

function send(type, data = {}) {
  window.parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
}

// Call onRender({ args, disabled, theme }) on every render; then tell the page we are ready.
export function connect(onRender) {
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || event.data?.type !== "streamlit:render") return;
    const { args, disabled, theme } = event.data;
    if (theme) {
      const root = document.documentElement.style;
      root.setProperty("--primary-color", theme.primaryColor);
      root.setProperty("--background-color", theme.backgroundColor);
      root.setProperty("--secondary-background-color", theme.secondaryBackgroundColor);
      root.setProperty("--text-color", theme.textColor);
      root.setProperty("--font", theme.font);
    }
    onRender({ args, disabled: Boolean(disabled), theme });
  });
  send("streamlit:componentReady", { apiVersion: API_VERSION });
}

// The value the Python call returns from now on; the app reruns.
export function setComponentValue(value) {
  send("streamlit:setComponentValue", { value, dataType: "json" });
}

// The iframe's height: call it whenever what you draw changes size.
export function setFrameHeight(height = document.body.scrollHeight) {
  send("streamlit:setFrameHeight", { height });
}
