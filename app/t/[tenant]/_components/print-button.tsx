"use client";

/** Opens the browser's print dialog; the print stylesheet hides everything but the receipt. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="block w-full rounded-xl bg-[var(--accent)] px-5 py-4 text-center text-xl font-semibold text-white">
      {label}
    </button>
  );
}
