type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  $ref?: string;
};

/** A one-line type: "string (email, ≤ 254)", "integer 1–48", "\"a\" | \"b\"". */
export function typeLabel(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "object";
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeLabel).join(" | ");
  if (schema.type === "array") return `array of ${schema.items ? typeLabel(schema.items) : "any"}`;
  const base = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  const limits = [
    schema.format,
    schema.minimum !== undefined && schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER
      ? `${schema.minimum}–${schema.maximum}`
      : schema.minimum !== undefined
        ? `≥ ${schema.minimum}`
        : undefined,
    schema.minLength ? `≥ ${schema.minLength} chars` : undefined,
    schema.maxLength ? `≤ ${schema.maxLength} chars` : undefined,
  ].filter(Boolean);
  return limits.length ? `${base} (${limits.join(", ")})` : base;
}

/** An object's fields as a nested list; other schemas as their type. */
export function SchemaView({ schema }: { schema: JsonSchema }) {
  const object = schema.type === "array" && schema.items?.properties ? schema.items : schema;
  if (!object.properties) return <code className="text-sm text-cocoa-800">{typeLabel(schema)}</code>;
  return (
    <div className="text-sm">
      {object !== schema && <p className="mb-1 text-cocoa-600">array of:</p>}
      <ul className="flex flex-col gap-1.5 border-l-2 border-sand-200 pl-3">
        {Object.entries(object.properties).map(([name, prop]) => {
          const nested = prop.properties || prop.items?.properties;
          return (
            <li key={name}>
              <code className="font-semibold text-cocoa-900">{name}</code>
              {!object.required?.includes(name) && <span className="text-cocoa-500">?</span>}
              <span className="text-cocoa-600">: </span>
              {nested ? (
                <span className="text-cocoa-600">{prop.type === "array" ? "array of objects" : "object"}</span>
              ) : (
                <code className="text-ember-800">{typeLabel(prop)}</code>
              )}
              {prop.description && <span className="text-cocoa-600"> — {prop.description}</span>}
              {nested && (
                <div className="mt-1.5">
                  <SchemaView schema={prop} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export type { JsonSchema };
