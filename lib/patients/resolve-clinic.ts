export interface ClinicChoice {
  id: string;
  name: string;
  slug: string;
}

export type ClinicResolution = { ok: true; clinicId: string | null } | { ok: false };

/**
 * The one rule both patient doors (CSV import and the sync API) use to place a patient: a clinic named by its name
 * or subdomain in any case; none named → the practice's only clinic, or no clinic when it has several. `ok: false`
 * for a name that matches no clinic of `clinicList` (which the caller loaded for its own practice).
 */
export function clinicResolver(clinicList: ClinicChoice[]): (clinic: string | null | undefined) => ClinicResolution {
  const byKey = new Map<string, string>();
  for (const c of clinicList) {
    byKey.set(c.name.toLowerCase(), c.id);
    byKey.set(c.slug.toLowerCase(), c.id);
  }
  return (clinic) => {
    if (!clinic) return { ok: true, clinicId: clinicList.length === 1 ? clinicList[0]!.id : null };
    const clinicId = byKey.get(clinic.toLowerCase());
    return clinicId ? { ok: true, clinicId } : { ok: false };
  };
}
