// What the file widgets share: sizes and types said as Streamlit's uploader says them,
// the type filter, a file's icon, the value of a widget that captures its file (camera,
// microphone). Not a renderer: the modules import it by relative path.
import { useLayoutEffect, useRef, useState } from "appcore";

const UNITS = ["GB", "MB", "KB", "B"];

// 1024 bytes to the KB; a unit is used once the value passes half of the next one.
export function sizeDisplay(bytes, decimals = 1) {
  let size = Math.max(0, bytes || 0);
  let unit = UNITS.length - 1;
  while (unit > 0 && size > 512) { size /= 1024; unit -= 1; }
  return `${size.toFixed(decimals)}${UNITS[unit]}`;
}

// ".jpg" and ".jpeg" are one type to a person: listed once, under the first name.
const SAME = { jpeg: "jpg", tiff: "tif", htm: "html", mpeg: "mpg", mpeg4: "mp4" };

export function typesDisplay(types) {
  const seen = new Set();
  const shown = [];
  for (const type of types) {
    const label = type.endsWith("/*") ? type.slice(0, -2)
      : type.includes("/") ? type : (SAME[type.replace(/^\./, "")] ?? type.replace(/^\./, "")).toUpperCase();
    if (seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    shown.push(label);
  }
  return shown.join(", ");
}

export function accepts(file, types) {
  if (!types || !types.length) return true;
  const mime = (file.type || "").toLowerCase();
  const name = (file.webkitRelativePath || file.name || "").toLowerCase();
  return types.some((type) => (type.includes("/")
    ? (type.endsWith("/*") ? mime.startsWith(type.slice(0, -1)) : mime === type)
    : name.endsWith(type)));
}

export const acceptAttribute = (types) => (types && types.length ? types.join(",") : undefined);

const KINDS = [
  [":material/image:", ["jpg", "jpeg", "png", "gif", "webp", "svg", "bmp"]],
  [":material/picture_as_pdf:", ["pdf"]],
  [":material/table_chart:", ["csv", "tsv", "xlsx", "xls"]],
  [":material/description:", ["txt", "md", "json", "xml", "yaml", "yml"]],
  [":material/code:", ["py", "js", "ts", "jsx", "tsx", "css", "html", "java", "cpp", "c", "go", "rs", "rb", "php", "swift", "kt", "scala", "sh", "bash", "sql"]],
  [":material/audio_file:", ["mp3", "wav", "m4a", "ogg", "flac", "aac"]],
  [":material/video_file:", ["mp4", "webm", "mov", "avi", "mkv", "wmv"]],
  [":material/folder_zip:", ["zip", "tar", "gz", "rar", "7z", "bz2"]],
];

export function fileIcon(name) {
  const dot = name.lastIndexOf(".");
  const extension = dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
  return KINDS.find(([, extensions]) => extensions.includes(extension))?.[0] ?? ":material/draft:";
}

// A long name keeps its start, its end and its extension: "a_very_lo...name.csv".
export function middleEllipsis(name, limit = 20) {
  if (name.length <= limit) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && dot < name.length - 1 ? name.slice(dot) : "";
  const room = limit - extension.length - 3;
  if (room <= 0 || !extension) {
    const half = Math.floor((limit - 3) / 2);
    return `${name.slice(0, half)}...${name.slice(-half)}`;
  }
  const stem = name.slice(0, dot);
  const tail = Math.floor(room / 2);
  return `${stem.slice(0, Math.ceil(room / 2))}...${tail ? stem.slice(-tail) : ""}${extension}`;
}

// A file named the way Streamlit's camera and recorder name theirs.
export const stamp = () => new Date().toISOString();

// The files a capturing widget holds: the server's value, or what this page sent since (it
// is not resent). `hold(infos)` keeps uploaded files' infos and sends their ids as the value
// (`hold([])` clears it). When the server's value is not what this page sent (a reset, a form
// cleared), it wins, and `onCleared` runs if it holds nothing.
export function useHeldFiles(p, ctx, onCleared) {
  const sent = useRef((p.value || []).map((f) => f.file_id));
  const [held, setHeld] = useState(() => p.value || []);

  useLayoutEffect(() => {
    const ids = (p.value || []).map((f) => f.file_id);
    if (ids.join() === sent.current.join()) return;
    sent.current = ids;
    setHeld(p.value || []);
    if (!ids.length) onCleared();
  }, [p]);

  const hold = (infos) => {
    sent.current = infos.map((f) => f.file_id);
    setHeld(infos);
    ctx.setValue(sent.current);
  };
  return { held, hold };
}
