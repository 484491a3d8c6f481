import { sql, type SQL } from "drizzle-orm";

/** Every state a request can be in, most decisive first. */
export const REQUEST_STATES = ["paid", "revoked", "expired", "opened", "delivered", "sent", "queued", "failed"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/**
 * Requests of one practice (alias `r`) with what decides their state: money paid through the link, and how their
 * messages fared. One place for the rule paid > revoked > expired > opened > delivered > sent > queued > failed.
 */
export function requestsWithState(tenantId: string, now: Date): SQL {
  return sql`
    select r.*, coalesce(pay.paid, 0)::int as paid_cents, m.n_delivered, m.n_sent, m.n_pending, m.n_total, m.n_failed,
      case
        when coalesce(pay.paid, 0) > 0 then 'paid'
        when r.revoked_at is not null then 'revoked'
        when r.expires_at <= ${now.toISOString()}::timestamptz then 'expired'
        when r.first_opened_at is not null then 'opened'
        when m.n_delivered > 0 then 'delivered'
        when m.n_sent > 0 then 'sent'
        when m.n_pending > 0 then 'queued'
        else 'failed'
      end as state
    from payment_requests r
    left join lateral (
      select sum(p.amount_cents - p.refunded_cents) as paid from payments p
      where p.tenant_id = r.tenant_id and p.payment_request_id = r.id and p.status in ('succeeded', 'partially_refunded')
    ) pay on true
    left join lateral (
      select count(*) filter (where status = 'delivered')::int as n_delivered,
             count(*) filter (where status in ('sent', 'delivered'))::int as n_sent,
             count(*) filter (where status in ('queued', 'sending'))::int as n_pending,
             count(*) filter (where status in ('failed', 'bounced', 'complained', 'canceled'))::int as n_failed,
             count(*)::int as n_total
      from messages where messages.tenant_id = r.tenant_id and messages.request_id = r.id
    ) m on true
    where r.tenant_id = ${tenantId}`;
}
