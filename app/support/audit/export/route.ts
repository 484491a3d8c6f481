// GET /support/audit/export?… — audit entries matching the console's filters as CSV (support only).
import { auditToCsv } from "@/lib/audit/audit-csv";
import { auditQuerySchema } from "@/lib/audit/audit-query";
import { allAudit } from "@/lib/audit/list-audit";
import { supportCsvDownload } from "../../_components/support-csv-download";

export async function GET(request: Request) {
  const query = auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return supportCsvDownload("audit", async (db) => auditToCsv(await allAudit(db, query)));
}
