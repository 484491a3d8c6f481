import type { Metadata } from "next";
import Link from "next/link";
import { requireMember } from "@/lib/auth/guards";
import { SIGNATURE_HEADER } from "@/lib/outgoing-webhooks/signature";
import { VERIFY_SAMPLE } from "@/lib/outgoing-webhooks/verification-sample";
import { API_ERROR_CODES, buildOpenApiDocument } from "@/lib/sync-api/openapi";
import { rootUrl } from "@/lib/tenancy/urls";

export const metadata: Metadata = { title: "API reference" };

type Json = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete"] as const;

function typeLabel(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop()!;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeLabel).join(" | ");
  if (schema.type === "array") return `${typeLabel(schema.items as Json)}[]`;
  if (Array.isArray(schema.enum)) return (schema.enum as string[]).map((v) => JSON.stringify(v)).join(" | ");
  const bits = [String(schema.type ?? "object")];
  if (schema.format) bits.push(`(${String(schema.format)})`);
  return bits.join(" ");
}

function limits(schema: Json): string {
  const s = Array.isArray(schema.anyOf) ? ((schema.anyOf as Json[]).find((b) => b.type !== "null") ?? schema) : schema;
  const out: string[] = [];
  if (s.minLength !== undefined) out.push(`min length ${String(s.minLength)}`);
  if (s.maxLength !== undefined) out.push(`max length ${String(s.maxLength)}`);
  if (s.minItems !== undefined) out.push(`at least ${String(s.minItems)}`);
  if (s.maxItems !== undefined) out.push(`at most ${String(s.maxItems)}`);
  if (s.minimum !== undefined) out.push(`≥ ${String(s.minimum)}`);
  if (s.maximum !== undefined && Number(s.maximum) < 1e15) out.push(`≤ ${String(s.maximum)}`);
  return out.join(", ");
}

function SchemaTable({ name, schema }: { name: string; schema: Json }) {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return (
    <div id={`schema-${name}`} className="space-y-2">
      <h3 className="font-mono text-lg font-semibold">{name}</h3>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Fields of {name}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">Field</th>
              <th scope="col" className="px-3 py-2">Type</th>
              <th scope="col" className="px-3 py-2">Notes</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(props).map(([field, s]) => (
              <tr key={field} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2 font-mono">
                  {field}
                  {required.has(field) ? <span className="text-red-800"> *</span> : null}
                </td>
                <td className="px-3 py-2 font-mono">{typeLabel(s)}</td>
                <td className="px-3 py-2">{[s.description as string | undefined, limits(s)].filter(Boolean).join(" — ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {schema.additionalProperties === false ? <p className="text-sm text-slate-700">Other fields are refused. * = required.</p> : null}
    </div>
  );
}

// The readable form of /api/v1/openapi.json, rendered from the same document.
export default async function ApiReferencePage() {
  await requireMember({ returnTo: "/dashboard/api/reference" });
  const doc = buildOpenApiDocument(rootUrl("").replace(/\/$/, "")) as Json & { paths: Record<string, Json>; components: { schemas: Record<string, Json> }; info: { description: string } };
  return (
    <div className="max-w-4xl space-y-10">
      <div className="space-y-3">
        <p>
          <Link href="/dashboard/api" className="font-medium text-teal-900 underline">
            ← API keys and webhooks
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">API reference</h1>
        {doc.info.description.split("\n\n").map((para) => (
          <p key={para} className="text-slate-700">
            {para}
          </p>
        ))}
        <p className="text-slate-700">
          Machine-readable: <a href="/api/v1/openapi.json" className="font-medium text-teal-900 underline">/api/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
      </div>

      <section aria-labelledby="endpoints-title" className="space-y-6">
        <h2 id="endpoints-title" className="text-2xl font-semibold">Endpoints</h2>
        {Object.entries(doc.paths).flatMap(([path, item]) =>
          METHODS.filter((m) => item[m]).map((m) => {
            const op = item[m] as Json;
            const params = [...((item.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])];
            const body = (op.requestBody as Json | undefined)?.content as Record<string, { schema: Json }> | undefined;
            const responses = op.responses as Record<string, Json>;
            return (
              <article key={`${m} ${path}`} aria-labelledby={`op-${String(op.operationId)}`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
                <h3 id={`op-${String(op.operationId)}`} className="font-mono text-lg font-semibold break-all">
                  <span className="mr-1 rounded bg-slate-900 px-2 py-0.5 text-sm text-white">{m.toUpperCase()}</span> {path}
                </h3>
                <p className="font-medium">{String(op.summary)}</p>
                {op.description ? <p className="text-slate-700">{String(op.description).replace(/\*/g, "")}</p> : null}
                {params.length > 0 ? (
                  <div>
                    <h4 className="font-semibold">Parameters</h4>
                    <ul className="list-disc pl-6 text-sm">
                      {params.map((p) => (
                        <li key={String(p.name)}>
                          <code className="font-mono">{String(p.name)}</code> ({String(p.in)}
                          {p.required ? ", required" : ""}) — {typeLabel(p.schema as Json)} {p.description ? `— ${String(p.description)}` : ""}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {body ? (
                  <p className="text-sm">
                    <span className="font-semibold">Body:</span> <code className="font-mono">application/json</code>,{" "}
                    <a href={`#schema-${typeLabel(body["application/json"]!.schema)}`} className="text-teal-900 underline">{typeLabel(body["application/json"]!.schema)}</a>
                  </p>
                ) : null}
                <div>
                  <h4 className="font-semibold">Responses</h4>
                  <ul className="list-disc pl-6 text-sm">
                    {Object.entries(responses).map(([status, r]) => (
                      <li key={status}>
                        <span className="font-mono">{status}</span> — {String(r.description).replace(/`/g, "")}
                      </li>
                    ))}
                  </ul>
                </div>
              </article>
            );
          }),
        )}
      </section>

      <section aria-labelledby="schemas-title" className="space-y-6">
        <h2 id="schemas-title" className="text-2xl font-semibold">Schemas</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <SchemaTable key={name} name={name} schema={schema} />
        ))}
      </section>

      <section aria-labelledby="errors-title" className="space-y-3">
        <h2 id="errors-title" className="text-2xl font-semibold">Errors</h2>
        <p className="text-slate-700">
          Every error is <code className="font-mono">application/problem+json</code> with <code className="font-mono">type</code>, <code className="font-mono">title</code>,{" "}
          <code className="font-mono">status</code>, <code className="font-mono">detail</code> and a stable <code className="font-mono">code</code>. A 422 also lists{" "}
          <code className="font-mono">errors: [{"{ pointer, code, message }"}]</code>, each pointing at a field like <code className="font-mono">/patients/3/birthdate</code> or a query
          parameter like <code className="font-mono">/query/limit</code>.
        </p>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Error codes</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Code</th>
                <th scope="col" className="px-3 py-2">When</th>
              </tr>
            </thead>
            <tbody>
              {API_ERROR_CODES.map((e) => (
                <tr key={e.code} className="border-t border-slate-200">
                  <td className="px-3 py-2 font-mono">{e.status}</td>
                  <td className="px-3 py-2 font-mono">{e.code}</td>
                  <td className="px-3 py-2">{e.when.replace(/`/g, "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section id="webhooks" aria-labelledby="webhooks-title" className="space-y-3">
        <h2 id="webhooks-title" className="text-2xl font-semibold">Webhooks</h2>
        <p className="text-slate-700">
          Each event is a POST with a JSON body <code className="font-mono">{"{ id, type, created, data: { payment } }"}</code> (the payment as in the Payment schema). Types:{" "}
          <code className="font-mono">payment.succeeded</code>, <code className="font-mono">payment.refunded</code> (full or partial) and <code className="font-mono">test.ping</code>.
          Answer with any 2xx within 10 seconds; anything else is retried after 30 s, 1 min, 2 min… (at most 1 h apart) until 24 hours after the event, then marked failed.
          The <code className="font-mono">Chairside-Event-Id</code> header stays the same across retries: use it to ignore duplicates.
        </p>
        <p className="text-slate-700">
          The <code className="font-mono">{SIGNATURE_HEADER}</code> header is <code className="font-mono">t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where the hex is
          HMAC-SHA256, keyed with your endpoint&apos;s signing secret, of the timestamp, a dot and the raw body. Recompute it, compare in constant time, and refuse timestamps
          more than 5 minutes old:
        </p>
        <pre className="overflow-x-auto rounded-xl bg-slate-900 p-4 text-sm text-slate-50">
          <code>{VERIFY_SAMPLE}</code>
        </pre>
      </section>
    </div>
  );
}
