import { SchemaView, typeLabel, type JsonSchema } from "@/components/api-docs/schema-view";

export interface DocOperation {
  method: string;
  path: string;
  summary: string;
  description?: string;
  parameters: { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: JsonSchema } } }>;
}

const methodColour: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-900",
  post: "bg-sky-100 text-sky-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

/** Renders **bold** and `code` from the document's descriptions; everything else stays text. */
export function Rich({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g).map((part, i) =>
        part.startsWith("**") ? (
          <strong key={i}>{part.slice(2, -2)}</strong>
        ) : part.startsWith("`") ? (
          <code key={i} className="rounded bg-sand-100 px-1 text-[0.9em]">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function OperationCard({ op }: { op: DocOperation }) {
  const anchor = `${op.method}-${op.path.replace(/[^a-z0-9]+/gi, "-")}`;
  return (
    <article id={anchor} className="card scroll-mt-24 overflow-hidden">
      <header className="flex flex-wrap items-center gap-3 border-b border-sand-100 bg-sand-50 px-5 py-3">
        <span className={`rounded-md px-2 py-0.5 font-mono text-xs font-bold uppercase ${methodColour[op.method] ?? "bg-sand-200"}`}>{op.method}</span>
        <code className="font-mono text-sm font-semibold break-all text-cocoa-900">{op.path}</code>
        <span className="text-sm text-cocoa-700">{op.summary}</span>
      </header>
      <div className="flex flex-col gap-5 px-5 py-4">
        {op.description &&
          op.description.split("\n\n").map((para, i) => (
            <p key={i} className="text-sm text-cocoa-700">
              <Rich text={para} />
            </p>
          ))}
        {op.parameters.length > 0 && (
          <section>
            <h4 className="mb-2 text-xs font-bold tracking-wider text-cocoa-600 uppercase">Parameters</h4>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs text-cocoa-600">
                  <tr>
                    <th scope="col" className="py-1 pr-4 font-semibold">
                      Name
                    </th>
                    <th scope="col" className="py-1 pr-4 font-semibold">
                      In
                    </th>
                    <th scope="col" className="py-1 pr-4 font-semibold">
                      Type
                    </th>
                    <th scope="col" className="py-1 font-semibold">
                      Description
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-t border-sand-100 align-top">
                      <td className="py-1.5 pr-4">
                        <code className="font-semibold">{p.name}</code>
                        {p.required && <span className="ml-1 text-xs text-ember-700">required</span>}
                      </td>
                      <td className="py-1.5 pr-4 text-cocoa-600">{p.in}</td>
                      <td className="py-1.5 pr-4">
                        <code className="text-ember-800">{typeLabel(p.schema)}</code>
                        {p.schema.default !== undefined && <span className="text-cocoa-600"> = {JSON.stringify(p.schema.default)}</span>}
                      </td>
                      <td className="py-1.5 text-cocoa-700">{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
        {op.requestBody && (
          <section>
            <h4 className="mb-2 text-xs font-bold tracking-wider text-cocoa-600 uppercase">Request body (JSON)</h4>
            <SchemaView schema={op.requestBody.content["application/json"].schema} />
          </section>
        )}
        <section>
          <h4 className="mb-2 text-xs font-bold tracking-wider text-cocoa-600 uppercase">Responses</h4>
          <ul className="flex flex-col gap-2">
            {Object.entries(op.responses).map(([status, r]) => (
              <li key={status} className="text-sm">
                <details>
                  <summary className="cursor-pointer">
                    <code className={`font-bold ${Number(status) < 400 ? "text-emerald-800" : "text-red-800"}`}>{status}</code>{" "}
                    <span className="text-cocoa-700">{r.description}</span>
                  </summary>
                  {r.content && (
                    <div className="mt-2 ml-4">
                      <SchemaView schema={r.content["application/json"].schema} />
                    </div>
                  )}
                </details>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
