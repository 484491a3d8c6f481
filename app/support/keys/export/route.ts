// GET /support/keys/export?status=…&q=… — registration keys matching the console's filters as CSV (support only).
import { keyListQuerySchema } from "@/lib/registration-keys/key-schemas";
import { allKeys } from "@/lib/registration-keys/list-keys";
import { keysToCsv } from "@/lib/registration-keys/keys-csv";
import { supportCsvDownload } from "../../_components/support-csv-download";

export async function GET(request: Request) {
  const query = keyListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return supportCsvDownload("registration-keys", async (db) => keysToCsv(await allKeys(db, query)));
}
