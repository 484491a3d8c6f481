import { expect, type Locator } from "@playwright/test";

/**
 * Waits until React has hydrated the element, so handlers that only exist in JavaScript (the Copy
 * button, the key's typo check, the live web-address check) are attached. Forms that also work without
 * JavaScript need no wait; these do, right after a full page load. React marks every node it has
 * hydrated with a `__reactFiber$…` property.
 */
export async function expectHydrated(element: Locator): Promise<void> {
  await expect
    .poll(() => element.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$"))), { message: "React never hydrated the element" })
    .toBe(true);
}
