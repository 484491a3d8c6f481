"use client";

import { useRef, useState } from "react";

/** A read-only value with a Copy button; falls back to selecting the text when the clipboard API is refused. */
export function CopyField({ id, label, value, multiline = false, onCopy }: { id: string; label: string; value: string; multiline?: boolean; onCopy?: () => void }) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("Copied");
    } catch {
      ref.current?.focus();
      ref.current?.select();
      setStatus("Press Ctrl+C (⌘C on a Mac) to copy");
    }
    onCopy?.();
  }
  const field = "block w-full min-w-0 rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm";
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <div className="flex items-start gap-2">
        {multiline ? (
          <textarea id={id} ref={ref} readOnly rows={3} value={value} onFocus={(e) => e.currentTarget.select()} className={field} />
        ) : (
          <input id={id} ref={ref} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className={field} />
        )}
        <button type="button" onClick={copy} className="shrink-0 rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
          Copy
        </button>
      </div>
      <p role="status" className="min-h-5 text-sm font-medium text-emerald-800">
        {status}
      </p>
    </div>
  );
}
