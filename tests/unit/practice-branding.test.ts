import { describe, expect, it } from "vitest";
import { contrastWithWhite, isReadableAccent } from "@/lib/tenancy/accent-color";
import { LOGO_MAX_BYTES, logoToDataUrl } from "@/lib/tenancy/logo";

describe("accent colour", () => {
  it("accepts dark colours and refuses ones white text can't be read on", () => {
    expect(isReadableAccent("#0f766e")).toBe(true);
    expect(isReadableAccent("#1d4ed8")).toBe(true);
    expect(isReadableAccent("#fde047")).toBe(false);
    expect(isReadableAccent("#ffffff")).toBe(false);
    expect(isReadableAccent("teal")).toBe(false);
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 0);
  });
});

describe("logo upload", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  it("turns a PNG into a data URL by its bytes", () => {
    const r = logoToDataUrl(png);
    expect(r.ok && r.dataUrl.startsWith("data:image/png;base64,")).toBe(true);
  });

  it("refuses SVG, other files and files over the size limit", () => {
    expect(logoToDataUrl(new TextEncoder().encode("<svg onload='x()'></svg>"))).toEqual({ ok: false, message: "Use a PNG, JPEG or WebP image." });
    expect(logoToDataUrl(new Uint8Array(LOGO_MAX_BYTES + 1))).toEqual({ ok: false, message: "Use a logo smaller than 200 KB." });
    expect(logoToDataUrl(new Uint8Array())).toEqual({ ok: false, message: "That file is empty." });
  });
});
