"use client";

import { CopyField } from "@/app/_components/copy-field";
import { markLinkSharedAction } from "./actions";

/** A portal link field: copying it counts as sharing the link (setup step 3). */
export function PortalCopyField(props: { id: string; label: string; value: string; multiline?: boolean }) {
  return <CopyField {...props} onCopy={() => void markLinkSharedAction(null, {})} />;
}
