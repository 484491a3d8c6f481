import type { RequestState } from "@/lib/message-to-pay/request-state";

export const STATE_LABEL: Record<RequestState, string> = {
  paid: "Paid",
  revoked: "Revoked",
  expired: "Expired",
  opened: "Opened",
  delivered: "Delivered",
  sent: "Sent",
  queued: "Queued",
  failed: "Failed",
};

const STYLE: Record<RequestState, string> = {
  paid: "bg-emerald-100 text-emerald-900",
  revoked: "bg-slate-200 text-slate-900",
  expired: "bg-slate-200 text-slate-900",
  opened: "bg-sky-100 text-sky-900",
  delivered: "bg-teal-100 text-teal-900",
  sent: "bg-teal-50 text-teal-900",
  queued: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
};

export function StateBadge({ state }: { state: RequestState }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STYLE[state]}`}>{STATE_LABEL[state]}</span>;
}
