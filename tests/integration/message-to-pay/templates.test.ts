import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE } from "@/lib/message-to-pay/default-templates";
import { countSegments } from "@/lib/message-to-pay/sms-segments";
import { renderTemplate, TAGS, type TagContext } from "@/lib/message-to-pay/tags";
import { MISSING_LINK_MESSAGE, templateSchema } from "@/lib/message-to-pay/template-schema";

// Tag rendering and the template rules offices meet in the Templates form. Pure code, kept with the
// Message-to-Pay integration tests so the whole feature's behaviour is read in one place.

const ctx: TagContext = {
  url: "http://bright-smiles.localhost:3000/m/abc",
  balanceCents: 124_550,
  practiceName: "Bright Smiles Dental",
  practicePhone: "(555) 010-2030",
  clinicName: "Bright Smiles Northside",
  clinicPhone: "(555) 010-4050",
  patient: { firstName: "Robert", lastName: "O'Brien", preferredName: "Bob", externalId: "1005" },
  timeZone: "America/Chicago",
  // 03:00 UTC on 1 December is still 30 November in Chicago.
  now: new Date("2026-12-01T03:00:00Z"),
};

describe("tags", () => {
  it("renders every tag with the patient's, clinic's and practice's details", () => {
    const template = TAGS.map((t) => `${t}=[${t}]`).join("|");
    const { text, unknownTags, missingRequired } = renderTemplate(template, ctx);
    expect(text).toBe(
      [
        "MsgToPayURL=http://bright-smiles.localhost:3000/m/abc",
        "StatementBalance=1,245.50",
        "ClinicName=Bright Smiles Northside",
        "namePref=Bob",
        "nameFnoPref=Robert",
        "nameFLnoPref=Robert O'Brien",
        "PatNum=1005",
        "currentMonth=November",
        "OfficePhone=(555) 010-4050",
      ].join("|"),
    );
    expect(unknownTags).toEqual([]);
    expect(missingRequired).toBe(false);
  });

  it("falls back to the first name, the practice's name and the practice's phone when there is no preferred name or clinic", () => {
    const bare = { ...ctx, clinicName: null, clinicPhone: null, patient: { ...ctx.patient, preferredName: null } };
    expect(renderTemplate("[namePref] [ClinicName] [OfficePhone] $[StatementBalance]", bare).text).toBe("Robert Bright Smiles Dental (555) 010-2030 $1,245.50");
    expect(renderTemplate("$[StatementBalance]", { ...ctx, balanceCents: 5 }).text).toBe("$0.05");
  });

  it("matches tag names case-insensitively, as Open Dental does", () => {
    expect(renderTemplate("[msgtopayurl] [NAMEPREF]", ctx).text).toBe("http://bright-smiles.localhost:3000/m/abc Bob");
  });

  it("reports a missing [MsgToPayURL] and unknown tags, leaving unknown ones as typed", () => {
    const r = renderTemplate("Hi [FirstName], you owe $[StatementBalance] [Balance] [FirstName] [see note]", ctx);
    expect(r.missingRequired).toBe(true);
    expect(r.unknownTags).toEqual(["FirstName", "Balance"]);
    expect(r.text).toBe("Hi [FirstName], you owe $1,245.50 [Balance] [FirstName] [see note]");
  });

  it("can keep the link tag in place for a preview made before the link exists", () => {
    expect(renderTemplate("[namePref]: [MsgToPayURL]", ctx, { keep: ["MsgToPayURL"] }).text).toBe("Bob: [MsgToPayURL]");
  });
});

describe("the template schema", () => {
  it("accepts the default templates", () => {
    expect(templateSchema.safeParse(DEFAULT_TEMPLATE).success).toBe(true);
    expect(DEFAULT_TEMPLATE.smsBody).toBe("Your balance with [ClinicName] is $[StatementBalance]. To make your payment, visit [MsgToPayURL].");
  });

  it("refuses a text or email body without [MsgToPayURL], with that reason on the field", () => {
    const r = templateSchema.safeParse({ smsBody: "Please pay $[StatementBalance].", emailSubject: "Your bill", emailBody: "Call us." });
    expect(r.success).toBe(false);
    const fields = r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({ smsBody: MISSING_LINK_MESSAGE, emailBody: MISSING_LINK_MESSAGE });
    expect(MISSING_LINK_MESSAGE).toContain("[MsgToPayURL]");
  });

  it("refuses unknown tags and names them", () => {
    const r = templateSchema.safeParse({ ...DEFAULT_TEMPLATE, emailSubject: "Hi [FirstName] [LastName]" });
    expect(r.success).toBe(false);
    const issue = r.success ? undefined : r.error.issues[0];
    expect(issue?.path).toEqual(["emailSubject"]);
    expect(issue?.message).toMatch(/^Unknown tags \[FirstName\], \[LastName\]/);
  });
});

describe("text segments", () => {
  it("counts GSM-7 text at 160 characters for one segment and 153 per segment after", () => {
    expect(countSegments("")).toMatchObject({ segments: 0, encoding: "GSM-7" });
    expect(countSegments("a".repeat(160))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1, remaining: 0 });
    expect(countSegments("a".repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remaining: 145 });
    expect(countSegments("a".repeat(306))).toMatchObject({ segments: 2 });
    expect(countSegments("a".repeat(307))).toMatchObject({ segments: 3 });
  });

  it("counts extension characters ({ } [ ] ~ ^ | \\ €) as two", () => {
    expect(countSegments("€")).toMatchObject({ encoding: "GSM-7", units: 2 });
    expect(countSegments("[]{}~^|\\")).toMatchObject({ units: 16 });
    expect(countSegments("a".repeat(159) + "€")).toMatchObject({ units: 161, segments: 2 });
  });

  it("switches to UCS-2 (70, then 67) for a character outside GSM-7, counting an emoji as two", () => {
    expect(countSegments("José")).toMatchObject({ encoding: "GSM-7", units: 4 });
    expect(countSegments("Núñez")).toMatchObject({ encoding: "UCS-2", units: 5, segments: 1 });
    expect(countSegments("ñ".repeat(10))).toMatchObject({ encoding: "GSM-7" });
    expect(countSegments("á".repeat(70))).toMatchObject({ encoding: "UCS-2", segments: 1 });
    expect(countSegments("á".repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(countSegments("😀")).toMatchObject({ encoding: "UCS-2", units: 2 });
  });

  it("prices the default text with a full-length link at two GSM-7 segments", () => {
    const text = renderTemplate(DEFAULT_TEMPLATE.smsBody, { ...ctx, url: `https://bright-smiles.chairside.app/m/${"x".repeat(43)}` }).text;
    expect(countSegments(text)).toMatchObject({ encoding: "GSM-7", segments: 2 });
  });
});
