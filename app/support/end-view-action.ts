"use server";
import { redirect } from "next/navigation";
import { consoleActions } from "./_components/console-actions";

/** "End view" on the read-only banner of every dashboard page: ends the view, back to the practice in the console. */
export async function endViewFormAction(formData: FormData): Promise<void> {
  const result = await consoleActions.endView(null, formData);
  redirect(result.ok ? result.data.redirectTo : "/dashboard");
}
