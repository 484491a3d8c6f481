"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, memberAction, success } from "@/lib/auth/safe-action";
import { importPatientsCsv, type ImportReport } from "@/lib/patients/import-patients";

const MAX_BYTES = 5 * 1024 * 1024;

const importSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV file to import." })
    .refine((f) => f.size > 0, "That file is empty.")
    .refine((f) => f.size <= MAX_BYTES, "That file is larger than 5 MB. Split it into smaller files.")
    .refine((f) => /\.(csv|txt)$/i.test(f.name) || f.type === "text/csv", "Choose a .csv file (save it from your spreadsheet as CSV)."),
});

export const importPatientsAction = memberAction(importSchema, {}, async ({ file }, { user, tenant }) => {
  const text = await file.text();
  if (text.includes("\u0000")) return failure(undefined, { file: ["That doesn't look like a CSV file."] });
  const report: ImportReport = await importPatientsCsv(await getDb(), tenant.id, text, user.id);
  return success(report);
});
