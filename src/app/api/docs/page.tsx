import type { Metadata } from "next";
import { OperationCard, Rich, type DocOperation } from "@/components/api-docs/operation-card";
import { SchemaView, type JsonSchema } from "@/components/api-docs/schema-view";
import { apiDocument } from "@/server/http/api-document";

export const metadata: Metadata = { title: "API reference" };

/** The OpenAPI document, rendered here (no CDN, no Swagger bundle). */
export default function ApiDocsPage() {
  const doc = apiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...(op as Omit<DocOperation, "method" | "path"> & { tags: string[] }), method, path })),
  );
  return (
    <div className="mx-auto max-w-5xl px-4 pt-8 sm:px-6">
      <h1 className="text-3xl font-bold">{doc.info.title}</h1>
      <p className="mt-2 max-w-3xl text-cocoa-700">
        <Rich text={doc.info.description} />
      </p>
      <p className="mt-3 text-sm">
        Machine-readable:{" "}
        <a href="/api/openapi.json" className="font-semibold text-ember-700 underline">
          /api/openapi.json
        </a>{" "}
        (OpenAPI {doc.openapi}).
      </p>
      <section aria-labelledby="errors-heading" className="card mt-6 p-5">
        <h2 id="errors-heading" className="mb-2 text-lg font-semibold">
          Errors
        </h2>
        <p className="mb-3 text-sm text-cocoa-700">Every error, from every route, has this shape and a matching HTTP status.</p>
        <SchemaView schema={doc.components.schemas.Error as JsonSchema} />
      </section>
      {doc.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="mt-10">
          <h2 id={`tag-${tag.name}`} className="mb-4 text-2xl font-bold">
            {tag.name}
          </h2>
          <div className="flex flex-col gap-4">
            {operations
              .filter((op) => op.tags.includes(tag.name))
              .map((op) => (
                <OperationCard key={`${op.method} ${op.path}`} op={op} />
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}
