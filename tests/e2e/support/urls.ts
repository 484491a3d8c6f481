import { test } from "@playwright/test";

// Absolute URLs on the app of the project that is running (demo → :3210, stripe → :3211).
// Chromium resolves <anything>.localhost to loopback, so tenant hosts need no hosts-file entry.

function projectBaseUrl(): URL {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("This Playwright project has no baseURL (see playwright.config.ts).");
  return new URL(baseURL);
}

/** `http://localhost:<port><path>`: the root site and office dashboard. Call inside a test or hook. */
export function rootUrl(path = "/"): string {
  return new URL(path, projectBaseUrl()).toString();
}

/** `http://<slug>.localhost:<port><path>`: a practice's patient portal. Call inside a test or hook. */
export function tenantUrl(slug: string, path = "/"): string {
  if (!path.startsWith("/")) throw new Error(`tenantUrl: path must start with "/" (got "${path}")`);
  const base = projectBaseUrl();
  return `${base.protocol}//${slug}.${base.host}${path}`;
}
