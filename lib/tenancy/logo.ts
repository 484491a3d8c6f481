// A practice's logo is stored as a small data: URL. We check the bytes, not the browser's claim,
// and accept only raster formats (an SVG can carry script).

export const LOGO_MAX_BYTES = 200 * 1024;

const SIGNATURES: { type: string; test: (b: Uint8Array) => boolean }[] = [
  { type: "image/png", test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: "image/jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: "image/webp", test: (b) => String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP" },
];

export type LogoResult = { ok: true; dataUrl: string } | { ok: false; message: string };

/** Validates an uploaded logo (PNG, JPEG or WebP, at most 200 KB) and returns it as a data: URL. */
export function logoToDataUrl(bytes: Uint8Array): LogoResult {
  if (bytes.length === 0) return { ok: false, message: "That file is empty." };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, message: "Use a logo smaller than 200 KB." };
  const kind = SIGNATURES.find((s) => s.test(bytes));
  if (!kind) return { ok: false, message: "Use a PNG, JPEG or WebP image." };
  return { ok: true, dataUrl: `data:${kind.type};base64,${Buffer.from(bytes).toString("base64")}` };
}
