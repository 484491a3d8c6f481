import { randomBytes } from "node:crypto";

/** A fresh demo object id with 256 random bits: a demo checkout page's URL is its only credential. */
export function demoId(prefix: "demo_cs" | "demo_pi" | "demo_pm" | "demo_re"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** The demo customer of one patient: derived, so two racing first payments agree on it. */
export function demoCustomerId(patientId: string): string {
  return `demo_cus_${patientId.replaceAll("-", "")}`;
}
