// The tab's socket, opened from the page's head (the server inlines this file there) so
// that the script's first run happens while the runtime's modules are still loading.
// What arrives before the runtime is ready waits in `early`; runtime.js takes the socket
// over with take() and opens every later one (a reconnect) with open().
(() => {
  const prefix = document.documentElement.dataset.prefix || "";
  const sessionKey = "appcore.session";  // the session this tab resumes after a reload
  let timezone = null;
  function open() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const ws = new WebSocket(`${scheme}://${location.host}${prefix}/_appcore/stream`);
    ws.addEventListener("open", () => ws.send(JSON.stringify({
      t: "hello", session: sessionStorage.getItem(sessionKey),
      path: location.pathname.slice(prefix.length) || "/",
      // What st.context tells the script about this tab.
      url: location.href, locale: navigator.language, timezone: timezone ?? zone(),
      timezone_offset: new Date().getTimezoneOffset(), theme: document.documentElement.dataset.theme,
    })));
    return ws;
  }
  const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
  let first = open();
  // Intl's first use takes 20-35 ms: done while the socket connects, not once it is open.
  timezone = zone();
  const early = [];
  first.onmessage = (event) => early.push(event);
  window.appcoreSocket = {
    open,
    sessionKey,
    // The first socket and the messages it has had so far, once; null after.
    take() {
      const taken = first && { ws: first, messages: early.splice(0) };
      if (first) first.onmessage = null;
      first = null;
      return taken;
    },
  };
})();
