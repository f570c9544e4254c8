// {{ cookiecutter.component_name }}: a button that counts its clicks and sends the count to Python.
import { connect, setComponentValue, setFrameHeight } from "./bridge.js";

const button = document.getElementById("button");
let clicks = 0;

button.addEventListener("click", () => {
  clicks += 1;
  setComponentValue(clicks);
});

connect(({ args, disabled }) => {
  button.textContent = args.label;
  button.disabled = disabled;
  setFrameHeight();
});
