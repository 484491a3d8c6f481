export * from "./tenants";
export * from "./auth";
export * from "./registration-keys";
export * from "./patients";
export * from "./payments";
export * from "./messaging";
export * from "./audit";
export * from "./rate-limits";
