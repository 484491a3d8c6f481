export { expectNoAxeViolations } from "./axe";
export { mobile } from "./devices";
export { expectHydrated } from "./hydration";
export * from "./office";
export * from "./patient";
export { E2E_APPS, E2E_STRIPE } from "./servers";
export { rootUrl, tenantUrl } from "./urls";
