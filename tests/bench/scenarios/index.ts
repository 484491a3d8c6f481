import { firstLoadJs } from "./first-load-js";
import { messageSend } from "./message-send";
import { pageThroughput } from "./page-throughput";
import { syncApiPatients } from "./sync-api";
import type { Scenario } from "../scenario";

// Every scenario `npm run bench` runs, in order, against one server on one fresh database.
//
// To add one (say, "bulk send 10,000 messages" or "PUT 50,000 patients to /api/v1/patients"):
// write scenarios/<what-it-measures>.ts exporting a Scenario whose run() measures its own baseline
// first (e.g. the same call with 100 items, or a trivial endpoint) and reports every figure as a
// ratio to it, then list it here. It gets the running app (port, hosts) and the load settings;
// the demo practice is seeded, and anything else it needs it creates through the app's own API.
export const SCENARIOS: Scenario[] = [pageThroughput, firstLoadJs, syncApiPatients, messageSend];
