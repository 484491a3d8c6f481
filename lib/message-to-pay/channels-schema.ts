import { z } from "zod";

const channel = z.enum(["email", "sms"]);

/** The channels a send uses, from repeated checkboxes (one value or many); at least one. */
export const channelsSchema = z
  .union([channel, z.array(channel)], { error: "Choose email, text or both." })
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(channel).min(1, "Choose email, text or both."));
