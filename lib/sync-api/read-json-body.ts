import { problem } from "./problem";

/** Largest request body the API reads. 1,000 patients take about 300 KB. */
export const MAX_BODY_BYTES = 5_000_000;

/**
 * The parsed JSON body, or the problem response to send: 415 unless the body is application/json, 413 when the
 * declared or the actually received size is over the limit (we stop reading there), 400 for malformed JSON.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    return { ok: false, response: problem("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`.") };
  }
  const tooLarge = () => ({ ok: false as const, response: problem("payload_too_large", `The body may be at most ${maxBytes} bytes; send fewer patients per request.`) });
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Content-Length can lie (or be absent with chunked encoding): count what actually arrives.
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: problem("invalid_json", "The body is not valid JSON.") };
  }
}
