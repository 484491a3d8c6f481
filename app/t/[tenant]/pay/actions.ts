"use server";

import { runIdentify } from "../_components/identify-action";
import type { IdentityFormState } from "../_components/identity-form";

export async function identifyForPayNow(_state: IdentityFormState, form: FormData): Promise<IdentityFormState> {
  return runIdentify(form, "pay-now", "/pay/amount");
}
