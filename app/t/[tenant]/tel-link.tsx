/** A phone number patients can tap to call. */
export function TelLink({ phone }: { phone: string }) {
  return (
    <a className="font-semibold whitespace-nowrap text-slate-900 underline" href={`tel:${phone.replace(/[^\d+]/g, "")}`}>
      {phone}
    </a>
  );
}
