import { describe, expect, it } from "vitest";
import { mapHeaders, parsePatientsCsv } from "@/lib/patients/import-csv";
import { normalizePhone, parseDate } from "@/lib/patients/patient-record";

const clinics = [
  { id: "c1", name: "Downtown", slug: "downtown" },
  { id: "c2", name: "Northside", slug: "northside" },
];

describe("patients CSV", () => {
  it("maps the column names practice software uses", () => {
    expect(mapHeaders(["PatNum", "FName", "LName", "Birthdate", "Wireless Phone", "E-mail", "Est Balance", "Clinic"])).toEqual({
      externalId: 0,
      firstName: 1,
      lastName: 2,
      birthdate: 3,
      phone: 4,
      email: 5,
      balance: 6,
      clinic: 7,
    });
  });

  it("reads valid rows with cents, dates, phones and clinics", () => {
    const csv = "Patient ID,First Name,Last Name,DOB,Email,Phone,Clinic,Balance,Statement Date\n" + "17,José,Núñez,04/09/1961,JOSE@EXAMPLE.COM,(555) 010-2030,northside,\"$1,204.50\",2026-11-01\n";
    const { rows, problems } = parsePatientsCsv(csv, clinics);
    expect(problems).toEqual([]);
    expect(rows[0]).toEqual({
      line: 2,
      record: {
        externalId: "17",
        firstName: "José",
        lastName: "Núñez",
        preferredName: undefined,
        birthdate: "1961-04-09",
        email: "jose@example.com",
        phone: "+15550102030",
        clinicId: "c2",
        balanceCents: 120450,
        statementDate: "2026-11-01",
      },
    });
  });

  it("reports every bad row with its line number and a reason", () => {
    const csv = [
      "id,first,last,dob,email,phone,clinic,balance",
      "1,Ann,Lee,1980-02-30,ann@example.com,,Downtown,10",
      "2,Bob,,1970-01-01,,,Downtown,10",
      "3,Cy,Ray,1970-01-01,not-an-email,,Downtown,10",
      "4,Di,Fox,1970-01-01,,12,Downtown,ten",
      "5,Ed,Ng,1970-01-01,,,Uptown,10",
      "6,Flo,Ma,1970-01-01,,,Downtown,10",
      "6,Flo,Ma,1970-01-01,,,Downtown,10",
    ].join("\n");
    const { rows, problems, total } = parsePatientsCsv(csv, clinics);
    expect(total).toBe(7);
    expect(rows.map((r) => r.line)).toEqual([7]);
    expect(problems).toEqual([
      { line: 2, field: "birthdate", message: "Enter the birthdate as YYYY-MM-DD or MM/DD/YYYY." },
      { line: 3, field: "last name", message: "Enter a last name." },
      { line: 4, field: "email", message: "Enter a valid email address." },
      { line: 5, field: "balance", message: '"ten" is not an amount. Use a number like 125.40.' },
      { line: 6, field: "clinic", message: 'There is no clinic called "Uptown". Use one of: Downtown, Northside.' },
      { line: 8, field: "patient id", message: "Patient id 6 already appears on line 7." },
    ]);
  });

  it("says which required columns are missing", () => {
    const { problems } = parsePatientsCsv("name,phone\nAnn,5550102030\n", clinics);
    expect(problems).toEqual([{ line: 1, message: "The header row has no column for: patient id, first name, last name, birthdate, balance." }]);
  });

  it("parses dates and phones strictly", () => {
    expect(parseDate("2/3/1999")).toBe("1999-02-03");
    expect(parseDate("1999-02-29")).toBeNull();
    expect(normalizePhone("555-010-2030")).toBe("+15550102030");
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("12345")).toBeNull();
  });
});
