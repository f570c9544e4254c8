// st.audio_input: a record button; the recording is made into a mono 16-bit WAV at the
// widget's sample rate in the page, uploaded like any file (ctx.upload), and the widget's
// value is its id. The recording can be played back and cleared.
import { html, css, Field, Icon, useEffect, useId, useRef, useState } from "appcore";
import { useHeldFiles } from "./_files.js";

css(`
.ac-audio { display: flex; align-items: center; gap: 0.6rem; padding: 0.5rem 0.6rem; min-height: 3.5rem;
  border: 1px solid var(--ac-border); border-radius: var(--ac-radius); background: var(--ac-surface); }
.ac-audio-main { flex: 1; min-width: 0; display: flex; align-items: center; gap: 0.5rem; color: var(--ac-muted); font-size: 0.875rem; }
.ac-audio-main audio { width: 100%; height: 2.2rem; }
.ac-audio-time { font-family: var(--ac-mono); font-size: 0.8rem; color: var(--ac-muted); }
.ac-audio-rec { display: inline-block; width: 0.6rem; height: 0.6rem; border-radius: 50%; background: var(--ac-error); }
.ac-audio .ac-audio-btn { display: inline-flex; align-items: center; justify-content: center; width: 2.2rem; height: 2.2rem; padding: 0;
  border: none; border-radius: 50%; background: none; color: var(--ac-text); cursor: pointer; font: inherit; font-size: 1.1rem; }
.ac-audio .ac-audio-btn:hover:not(:disabled) { color: var(--ac-primary); background: var(--ac-bg2); }
.ac-audio .ac-audio-btn:focus-visible { outline: 2px solid var(--ac-primary); }
.ac-audio .ac-audio-btn:disabled { opacity: 0.55; cursor: not-allowed; }
.ac-audio .ac-audio-stop { color: var(--ac-error); }
`);

const recordingName = () => `${new Date().toISOString().slice(0, 16).replaceAll(":", "-")}_audio.wav`;
const clock = (seconds) => `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

// PCM samples in [-1, 1] as a 16-bit mono WAV file.
function wav(samples, rate) {
  const buffer = new ArrayBuffer(44 + samples.length * 2);
  const view = new DataView(buffer);
  const text = (offset, s) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, "RIFF"); view.setUint32(4, 36 + samples.length * 2, true); text(8, "WAVE");
  text(12, "fmt "); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
  text(36, "data"); view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, Math.max(-1, Math.min(1, s)) * 0x7fff, true));
  return new Blob([buffer], { type: "audio/wav" });
}

// What MediaRecorder gave (webm/opus, ogg) decoded, mixed to mono and resampled.
async function toWav(blob, sampleRate) {
  const decoded = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(await blob.arrayBuffer());
  const rate = sampleRate || decoded.sampleRate;
  const offline = new OfflineAudioContext(1, Math.max(1, Math.ceil(decoded.duration * rate)), rate);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  return wav((await offline.startRendering()).getChannelData(0), rate);
}

export default function AudioInput({ props: p, ctx }) {
  const id = useId("audio-input");
  const recorder = useRef(null);
  const [state, setState] = useState("idle");  // idle | recording | processing | recorded | denied | error
  const [seconds, setSeconds] = useState(0);
  const [playback, setPlayback] = useState(null);
  const [message, setMessage] = useState("");
  const { held, hold } = useHeldFiles(p, ctx, () => { setPlayback(null); setState("idle"); });
  const recorded = playback !== null || held.length > 0;

  useEffect(() => {
    if (state !== "recording") return undefined;
    const started = Date.now();
    const timer = setInterval(() => setSeconds((Date.now() - started) / 1000), 250);
    return () => clearInterval(timer);
  }, [state]);

  useEffect(() => () => recorder.current?.stream.getTracks().forEach((t) => t.stop()), []);
  useEffect(() => () => playback && URL.revokeObjectURL(playback), [playback]);

  const start = async () => {
    setMessage("");
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    } catch {
      setState("denied");
      return;
    }
    const chunks = [];
    const media = new MediaRecorder(stream);
    recorder.current = media;
    media.ondataavailable = (event) => { if (event.data.size) chunks.push(event.data); };
    media.onstop = async () => {
      stream.getTracks().forEach((t) => t.stop());
      setState("processing");
      try {
        const file = new File([await toWav(new Blob(chunks, { type: media.mimeType }), p.sample_rate)], recordingName(), { type: "audio/wav" });
        const info = await ctx.upload(file);
        setPlayback(URL.createObjectURL(file));
        hold([info]);
        setState("recorded");
      } catch (error) {
        setMessage(error.message || "Recording failed");
        setState("error");
      }
    };
    setSeconds(0);
    media.start();
    setState("recording");
  };

  const stop = () => recorder.current?.state === "recording" && recorder.current.stop();
  const clear = () => {
    setPlayback(null);
    setState("idle");
    hold([]);
  };

  const main = state === "recording" ? html`<span class="ac-audio-rec" aria-hidden="true"></span><span>Recording…</span>`
    : state === "processing" ? html`<${Icon} icon="spinner" /><span>Saving the recording…</span>`
    : state === "denied" ? html`<span data-testid="ac-audio-denied">This app would like to use your microphone.</span>`
    : state === "error" ? html`<span role="alert" style="color: var(--ac-error)">Error: ${message}</span>`
    : playback ? html`<audio controls src=${playback} data-testid="ac-audio-playback"></audio>`
    : recorded ? html`<span>${held[0]?.name}</span>`
    : html`<span>${p.disabled ? "" : "Record a sound"}</span>`;

  return html`<${Field} props=${p} id=${id}>${(control) => html`<div class="ac-audio" ...${control} role="group">
    ${state === "recording"
      ? html`<button type="button" class="ac-audio-btn ac-audio-stop" aria-label="Stop recording" onClick=${stop}>
          <${Icon} icon=":material/stop_circle:" /></button>`
      : html`<button type="button" class="ac-audio-btn" aria-label="Record" disabled=${p.disabled || state === "processing"}
          onClick=${start}><${Icon} icon=":material/mic:" /></button>`}
    <div class="ac-audio-main">${main}</div>
    <span class="ac-audio-time" aria-live="off">${clock(state === "recording" ? seconds : 0)}</span>
    ${recorded && state !== "recording" ? html`<button type="button" class="ac-audio-btn" aria-label="Clear recording"
        disabled=${p.disabled} onClick=${clear}><${Icon} icon=":material/delete:" /></button>` : null}
  </div>`}<//>`;
}
