/** One choice of a list's state filter: its query value and what the select shows. */
export interface FilterChoice {
  value: string;
  label: string;
}

/**
 * The GET form above a console list: search text `q`, one select of states, Apply, and (when given) a link that
 * downloads the same selection as CSV. Plain GET, so a filtered list is a URL support can share.
 */
export function ListFilterForm(props: {
  label: string;
  idPrefix: string;
  q: string;
  searchPlaceholder: string;
  select: { name: string; label: string; value: string; choices: FilterChoice[] };
  csvHref?: string;
  wideSearch?: boolean;
}) {
  const { idPrefix, select } = props;
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label={props.label}>
      <div>
        <label htmlFor={`${idPrefix}-q`} className="block font-medium">Search</label>
        <input
          id={`${idPrefix}-q`}
          name="q"
          defaultValue={props.q}
          placeholder={props.searchPlaceholder}
          className={`${props.wideSearch ? "w-72 " : ""}rounded-md border border-slate-500 px-3 py-2`}
        />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-${select.name}`} className="block font-medium">{select.label}</label>
        <select id={`${idPrefix}-${select.name}`} name={select.name} defaultValue={select.value} className="rounded-md border border-slate-500 px-3 py-2">
          {select.choices.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold">Apply</button>
      {props.csvHref ? <a href={props.csvHref} className="py-2 font-semibold text-teal-800 underline">Download as CSV</a> : null}
    </form>
  );
}
