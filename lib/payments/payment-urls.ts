import { tenantUrl } from "@/lib/tenancy/urls";

/** The patient's result page for a payment, on the practice's host: /pay/result?payment=<id> (plus &canceled=1 when they left the hosted page). */
export function paymentResultUrl(slug: string, paymentId: string, opts: { canceled?: boolean } = {}): string {
  const query = new URLSearchParams({ payment: paymentId });
  if (opts.canceled) query.set("canceled", "1");
  return tenantUrl(slug, `/pay/result?${query.toString()}`);
}
