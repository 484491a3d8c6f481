import { formatCents } from "@/lib/money";
import type { CollectionStats } from "@/lib/payments/collection-stats";

/** Money collected per day as a server-rendered SVG bar chart, with a text table for screen readers. */
export function CollectionChart({ stats, currency }: { stats: CollectionStats; currency: string }) {
  const max = Math.max(1, ...stats.perDay.map((d) => d.cents));
  const width = 600;
  const height = 140;
  const bar = width / stats.perDay.length;
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-36 w-full" role="img" aria-labelledby="chart-caption">
        {stats.perDay.map((d, i) => {
          const h = Math.round((d.cents / max) * (height - 4));
          return <rect key={d.day} x={i * bar + 1} y={height - h} width={bar - 2} height={h} className="fill-teal-700" />;
        })}
        <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} className="stroke-slate-300" />
      </svg>
      <figcaption id="chart-caption" className="text-sm text-slate-700">
        Collected online in the last {stats.perDay.length} days: <strong>{formatCents(stats.totalCents, currency)}</strong>
      </figcaption>
      <table className="sr-only">
        <caption>Money collected per day</caption>
        <tbody>
          {stats.perDay
            .filter((d) => d.cents > 0)
            .map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{formatCents(d.cents, currency)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
