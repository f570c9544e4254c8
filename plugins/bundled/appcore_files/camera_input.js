// st.camera_input: the camera's picture and a "Take Photo" button; the photo (a JPEG)
// is uploaded like any file (ctx.upload) and the widget's value is its id. "Clear photo"
// empties it and shows the camera again.
import { html, css, Field, useEffect, useId, useRef, useState } from "appcore";
import { useHeldFiles } from "./_files.js";

css(`
.ac-camera { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); overflow: hidden; background: var(--ac-surface); }
.ac-camera-view { position: relative; width: 100%; aspect-ratio: 16 / 9; background: var(--ac-surface); display: flex;
  align-items: center; justify-content: center; }
.ac-camera-view.ac-camera-text { aspect-ratio: auto; min-height: 8rem; }
.ac-camera-view video, .ac-camera-view img { width: 100%; height: 100%; object-fit: cover; display: block; }
.ac-camera-note { padding: 1rem; text-align: center; color: var(--ac-muted); font-size: 0.875rem; }
.ac-camera .ac-btn { width: 100%; border: none; border-top: 1px solid var(--ac-border); border-radius: 0; display: inline-flex;
  align-items: center; justify-content: center; gap: 0.4rem; }
`);

const photoName = () => `camera-input-${new Date().toISOString().replaceAll(":", "_")}.jpg`;

export default function CameraInput({ props: p, ctx }) {
  const id = useId("camera-input");
  const video = useRef(null);
  const stream = useRef(null);
  const [state, setState] = useState("starting");   // starting | denied | uploading | taken | error
  const [ready, setReady] = useState(false);        // the camera shows its first frame: there is a picture to take
  const [photo, setPhoto] = useState(null);         // an object URL of the photo this page took
  const [message, setMessage] = useState("");
  const { held, hold } = useHeldFiles(p, ctx, () => setPhoto(null));
  const hasPhoto = photo !== null || held.length > 0;

  const showingCamera = !p.disabled && !hasPhoto && state !== "uploading";
  useEffect(() => {
    if (!showingCamera) return undefined;
    let stopped = false;
    const height = p.resolution_height;
    const constraints = { video: height ? { height: { ideal: height } } : true, audio: false };
    if (!navigator.mediaDevices?.getUserMedia) { setState("denied"); return undefined; }
    navigator.mediaDevices.getUserMedia(constraints).then((media) => {
      if (stopped) { media.getTracks().forEach((t) => t.stop()); return; }
      stream.current = media;
      if (video.current) video.current.srcObject = media;
    }, () => { if (!stopped) setState("denied"); });
    return () => {
      stopped = true;
      stream.current?.getTracks().forEach((t) => t.stop());
      stream.current = null;
      setReady(false);
    };
  }, [showingCamera, p.resolution_height]);

  const take = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement("canvas");
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext("2d").drawImage(v, 0, 0);
    canvas.toBlob(async (blob) => {
      if (!blob) return;
      const file = new File([blob], photoName(), { type: "image/jpeg" });
      setPhoto(URL.createObjectURL(blob));
      setState("uploading");
      try {
        hold([await ctx.upload(file)]);
        setState("taken");
      } catch (error) {
        setPhoto(null);
        setMessage(error.message || "Upload failed");
        setState("error");
      }
    }, "image/jpeg", 0.92);
  };

  const clear = () => {
    setPhoto(null);
    setMessage("");
    setState("starting");
    hold([]);
  };

  useEffect(() => () => photo && URL.revokeObjectURL(photo), [photo]);

  const showsPicture = photo !== null || (!hasPhoto && !p.disabled && state !== "denied");
  const view = hasPhoto || state === "uploading"
    ? (photo ? html`<img src=${photo} alt="The photo taken" data-testid="ac-camera-photo" />`
      : html`<div class="ac-camera-note">${held[0]?.name ?? "Photo taken"}</div>`)
    : p.disabled ? html`<div class="ac-camera-note">This camera is disabled.</div>`
    : state === "denied" ? html`<div class="ac-camera-note" data-testid="ac-camera-denied">This app would like to use your camera.<br />
        Allow camera access in your browser, then reload the page.</div>`
    : html`<video ref=${video} autoplay muted playsinline data-testid="ac-camera-video" aria-label="Camera"
        onLoadedData=${(event) => setReady(event.currentTarget.videoWidth > 0)}></video>`;

  return html`<${Field} props=${p} id=${id}>${(control) => html`<div class="ac-camera" ...${control} role="group">
    <div class=${`ac-camera-view${showsPicture ? "" : " ac-camera-text"}`}>${view}</div>
    ${state === "error" ? html`<div class="ac-camera-note" role="alert" style="color: var(--ac-error)">Error: ${message}</div>` : null}
    ${hasPhoto || state === "uploading"
      ? html`<button type="button" class="ac-btn" disabled=${p.disabled || state === "uploading"} onClick=${clear}>
          Clear photo</button>`
      : html`<button type="button" class="ac-btn" disabled=${p.disabled || !ready} onClick=${take}>
          Take Photo</button>`}
  </div>`}<//>`;
}
