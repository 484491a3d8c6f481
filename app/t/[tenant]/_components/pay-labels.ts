import type { Messages } from "@/lib/i18n/messages/en";
import { formatCents } from "@/lib/money";
import type { PortalTenant } from "@/lib/tenancy/portal-tenant";
import type { PayFormLabels } from "./pay-form";

/** The plain strings the pay form needs, formatted for the patient's locale. */
export function payLabels(t: Messages, intl: string, tenant: PortalTenant, verified: boolean): PayFormLabels {
  return {
    amountLabel: t.pay.amountLabel,
    amountHint: t.pay.amountHint(formatCents(100, tenant.currency, intl), formatCents(tenant.maxPaymentCents, tenant.currency, intl)),
    receiptEmailLabel: t.pay.receiptEmailLabel,
    receiptEmailHint: t.pay.receiptEmailHint,
    saveCard: verified ? t.pay.saveCard : undefined,
    submit: t.pay.continueToPay,
    secureNote: t.pay.secureNote,
  };
}
