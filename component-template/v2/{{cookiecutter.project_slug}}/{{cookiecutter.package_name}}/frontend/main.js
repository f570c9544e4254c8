// Called with the component's element (a shadow root) every time the app draws it.
// setStateValue keeps a value across reruns; setTriggerValue sends one for a single run.
export default function ({ parentElement, data, setStateValue }) {
  const button = parentElement.querySelector("button");
  button.textContent = data.label;
  button.onclick = () => {
    const count = (Number(button.dataset.count) || 0) + 1;
    button.dataset.count = String(count);
    setStateValue("count", count);
  };
  return () => { button.onclick = null; };  // the component left the page
}
