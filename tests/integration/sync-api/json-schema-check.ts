// A small JSON Schema (2020-12) checker covering the keywords our generated document uses, so the test can
// ask "does the published schema accept this?" without another dependency. Unknown keywords fail loudly.

type Schema = Record<string, unknown>;

const HANDLED = new Set([
  "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "pattern", "enum", "const", "anyOf", "oneOf", "$ref",
  "format", "description", "default", "title", "examples",
]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** Problems (paths) where `value` breaks `schema`; `root` resolves `#/components/schemas/X` refs. */
export function checkJsonSchema(schema: Schema, value: unknown, root: Schema, path = ""): string[] {
  for (const k of Object.keys(schema)) if (!HANDLED.has(k)) throw new Error(`json-schema-check: unhandled keyword ${k} at ${path}`);
  if (typeof schema.$ref === "string") {
    const target = schema.$ref.replace(/^#\//, "").split("/").reduce<unknown>((o, k) => (o as Schema)[k], root) as Schema;
    return checkJsonSchema(target, value, root, path);
  }
  const errs: string[] = [];
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((ty) => ty === t || (ty === "number" && t === "integer"))) return [`${path}: expected ${types.join("|")}, got ${t}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errs.push(`${path}: not in enum`);
  if ("const" in schema && schema.const !== value) errs.push(`${path}: not const`);
  if (schema.anyOf && !(schema.anyOf as Schema[]).some((s) => checkJsonSchema(s, value, root, path).length === 0)) errs.push(`${path}: no anyOf branch`);
  if (schema.oneOf && (schema.oneOf as Schema[]).filter((s) => checkJsonSchema(s, value, root, path).length === 0).length !== 1) errs.push(`${path}: not exactly one oneOf branch`);
  if (t === "string") {
    const s = value as string;
    if (typeof schema.minLength === "number" && [...s].length < schema.minLength) errs.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === "number" && [...s].length > schema.maxLength) errs.push(`${path}: longer than ${schema.maxLength}`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(s)) errs.push(`${path}: pattern`);
  }
  if (t === "integer" || t === "number") {
    const n = value as number;
    if (typeof schema.minimum === "number" && n < schema.minimum) errs.push(`${path}: below minimum`);
    if (typeof schema.maximum === "number" && n > schema.maximum) errs.push(`${path}: above maximum`);
    if (typeof schema.exclusiveMinimum === "number" && n <= schema.exclusiveMinimum) errs.push(`${path}: not above exclusiveMinimum`);
    if (typeof schema.exclusiveMaximum === "number" && n >= schema.exclusiveMaximum) errs.push(`${path}: not below exclusiveMaximum`);
  }
  if (t === "array") {
    const a = value as unknown[];
    if (typeof schema.minItems === "number" && a.length < schema.minItems) errs.push(`${path}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === "number" && a.length > schema.maxItems) errs.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items) a.forEach((item, i) => errs.push(...checkJsonSchema(schema.items as Schema, item, root, `${path}/${i}`)));
  }
  if (t === "object") {
    const o = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in o)) errs.push(`${path}/${r}: required`);
    for (const [k, v] of Object.entries(o)) {
      if (props[k]) errs.push(...checkJsonSchema(props[k], v, root, `${path}/${k}`));
      else if (schema.additionalProperties === false) errs.push(`${path}/${k}: not allowed`);
    }
  }
  return errs;
}
