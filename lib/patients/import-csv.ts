import Papa from "papaparse";
import { parseMoneyToCents } from "@/lib/money";
import { patientRecordSchema, type PatientRecord } from "./patient-record";
import { clinicResolver } from "./resolve-clinic";
import type { ResolvedPatient } from "./upsert-patients";

// Practice software exports name their columns many ways; we map the common ones.
const HEADER_ALIASES: Record<keyof PatientRecord | "balance", string[]> = {
  externalId: ["externalid", "patnum", "patientid", "patientnumber", "id", "chartnumber", "chart", "accountnumber", "account"],
  firstName: ["firstname", "first", "fname", "givenname"],
  lastName: ["lastname", "last", "lname", "surname", "familyname"],
  preferredName: ["preferredname", "preferred", "nickname"],
  birthdate: ["birthdate", "dob", "dateofbirth", "birthday", "bdate"],
  email: ["email", "emailaddress"],
  phone: ["phone", "mobile", "mobilephone", "cell", "cellphone", "wirelessphone", "phonenumber", "textphone"],
  clinic: ["clinic", "clinicname", "location", "office"],
  balance: ["balance", "balancedue", "amountdue", "estbalance", "patientbalance", "balancecents"],
  balanceCents: [],
  statementDate: ["statementdate", "laststatement", "laststatementdate", "statement", "asof"],
};

type Field = keyof typeof HEADER_ALIASES;
const REQUIRED: Field[] = ["externalId", "firstName", "lastName", "birthdate", "balance"];
const LABELS: Record<Field, string> = {
  externalId: "patient id",
  firstName: "first name",
  lastName: "last name",
  preferredName: "preferred name",
  birthdate: "birthdate",
  email: "email",
  phone: "phone",
  clinic: "clinic",
  balance: "balance",
  balanceCents: "balance",
  statementDate: "statement date",
};

export interface ImportProblem {
  line: number;
  field?: string;
  message: string;
}

export interface ParsedImport {
  rows: { line: number; record: ResolvedPatient }[];
  problems: ImportProblem[];
  /** Rows in the file, not counting the header. */
  total: number;
}

function normalizeHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Which column holds which field; unknown columns are ignored. */
export function mapHeaders(headers: string[]): Partial<Record<Field, number>> {
  const map: Partial<Record<Field, number>> = {};
  headers.forEach((raw, index) => {
    const h = normalizeHeader(raw);
    for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [Field, string[]][]) {
      if (map[field] === undefined && aliases.includes(h)) map[field] = index;
    }
  });
  return map;
}

/**
 * Reads a patients CSV into validated records with clinics resolved, and a report of every bad
 * row (line number and reason). Nothing is written here; the caller upserts the valid rows.
 */
export function parsePatientsCsv(csv: string, clinicList: { id: string; name: string; slug: string }[]): ParsedImport {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [headers, ...data] = parsed.data;
  if (!headers) return { rows: [], problems: [{ line: 1, message: "The file is empty." }], total: 0 };
  const columns = mapHeaders(headers);
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => LABELS[f]).join(", ");
    return { rows: [], problems: [{ line: 1, message: `The header row has no column for: ${names}.` }], total: data.length };
  }
  const resolveClinic = clinicResolver(clinicList);

  const rows: ParsedImport["rows"] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  data.forEach((cells, i) => {
    const line = i + 2;
    const cell = (f: Field) => (columns[f] === undefined ? undefined : (cells[columns[f]!] ?? "").trim());
    const balanceText = cell("balance") ?? "";
    const balanceCents = parseMoneyToCents(balanceText === "" ? "0" : balanceText);
    if (balanceCents === null) {
      problems.push({ line, field: LABELS.balance, message: `"${balanceText}" is not an amount. Use a number like 125.40.` });
      return;
    }
    const result = patientRecordSchema.safeParse({
      externalId: cell("externalId"),
      firstName: cell("firstName"),
      lastName: cell("lastName"),
      preferredName: cell("preferredName"),
      birthdate: cell("birthdate") ?? "",
      email: cell("email"),
      phone: cell("phone"),
      clinic: cell("clinic"),
      balanceCents,
      statementDate: cell("statementDate"),
    });
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ line, field: LABELS[issue.path[0] as Field], message: issue.message });
      return;
    }
    const { clinic, ...record } = result.data;
    const placed = resolveClinic(clinic);
    if (!placed.ok) {
      problems.push({ line, field: "clinic", message: `There is no clinic called "${clinic}". Use one of: ${clinicList.map((c) => c.name).join(", ")}.` });
      return;
    }
    const clinicId = placed.clinicId;
    const firstLine = seen.get(record.externalId);
    if (firstLine !== undefined) {
      problems.push({ line, field: LABELS.externalId, message: `Patient id ${record.externalId} already appears on line ${firstLine}.` });
      return;
    }
    seen.set(record.externalId, line);
    rows.push({ line, record: { ...record, clinicId } });
  });
  return { rows, problems, total: data.length };
}
