// Edge-safe: shared by the middleware (which sets it) and the tenant layout (which reads it).

/** Request header the middleware puts on tenant rewrites: the path and query the patient asked for. */
export const TENANT_PATH_HEADER = "x-chairside-tenant-path";
