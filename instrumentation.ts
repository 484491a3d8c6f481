// Next.js calls register() once when a server process starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("./lib/platform/on-server-start");
  await onServerStart();
}
