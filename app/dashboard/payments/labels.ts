import type { PaymentStatus } from "@/db/schema";

export const STATUS_LABEL: Record<PaymentStatus, string> = {
  pending: "Pending",
  succeeded: "Paid",
  failed: "Failed",
  canceled: "Canceled",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
};

export const STATUS_STYLE: Record<PaymentStatus, string> = {
  pending: "bg-amber-100 text-amber-950",
  succeeded: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  canceled: "bg-slate-200 text-slate-900",
  refunded: "bg-slate-200 text-slate-900",
  partially_refunded: "bg-sky-100 text-sky-950",
};
