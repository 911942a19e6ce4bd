import { z } from "zod";
import { errorCodes } from "@/server/errors";

/**
 * A small OpenAPI 3.1 registry built from the same zod schemas the routes validate with.
 * Each area describes its routes in its own `api-spec.ts` and adds them in api-document.ts.
 */

type Method = "get" | "post" | "put" | "patch" | "delete";
type JsonSchema = Record<string, unknown>;

/** Who may call an operation: anyone; any browser (a guest identity is created); a signed-in account; or a role. */
export type Access = "public" | "visitor" | "account" | "ADMIN" | "AGENT" | "HOST" | "service";

export interface ApiOperation {
  method: Method;
  /** OpenAPI path template, e.g. /api/products/{idOrSlug}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  /** Error statuses may omit the schema: they all answer with the error body. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string().describe("Safe to show to a person"),
    field: z.string().optional().describe("The input field at fault (validation and conflicts)"),
  }),
});

const accessText: Record<Access, string> = {
  public: "Anyone.",
  visitor: "Any browser: a guest identity (session cookie) is created when there is none.",
  account: "A signed-in account (not a guest).",
  ADMIN: "Admins only.",
  AGENT: "Support agents (and admins).",
  HOST: "Live-show hosts (and admins).",
  service: "Other CALOR services, with the shared service token.",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  void $schema;
  return rest;
}

function parameters(where: "path" | "query" | "header", schema: z.ZodObject | undefined) {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...fieldSchema } = jsonSchema(field as z.ZodType, "input");
    return {
      name,
      in: where,
      required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: fieldSchema,
    };
  });
}

export class ApiRegistry {
  private readonly operations: ApiOperation[] = [];

  constructor(private readonly info: { title: string; version: string; description: string }) {}

  add(operations: ApiOperation[]): this {
    for (const op of operations) {
      if (this.operations.some((o) => o.method === op.method && o.path === op.path))
        throw new Error(`OpenAPI: ${op.method.toUpperCase()} ${op.path} is registered twice`);
      this.operations.push(op);
    }
    return this;
  }

  document() {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.operations) {
      const responses = Object.fromEntries(
        Object.entries(op.responses).map(([status, r]) => {
          const schema = r.schema ? jsonSchema(r.schema, "output") : Number(status) >= 400 ? { $ref: "#/components/schemas/Error" } : undefined;
          return [status, { description: r.description, ...(schema && { content: { "application/json": { schema } } }) }];
        }),
      );
      paths[op.path] ??= {};
      paths[op.path]![op.method] = {
        tags: [op.tag],
        summary: op.summary,
        description: [op.description, `**Access:** ${accessText[op.access]}`].filter(Boolean).join("\n\n"),
        "x-access": op.access,
        ...(op.access !== "public" && op.access !== "service" && { security: [{ session: [] }] }),
        ...(op.access === "service" && { security: [{ serviceToken: [] }] }),
        parameters: [...parameters("path", op.params), ...parameters("query", op.query), ...parameters("header", op.headers)],
        ...(op.body && { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } }),
        responses,
      };
    }
    return {
      openapi: "3.1.0",
      info: this.info,
      servers: [{ url: "/" }],
      tags: [...new Set(this.operations.map((o) => o.tag))].map((name) => ({ name })),
      paths,
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "calor_session", description: "Set by the auth endpoints (an HTTP-only JWT)." },
          serviceToken: { type: "http", scheme: "bearer", description: "SERVICE_TOKEN, for service-to-service calls." },
        },
        schemas: { Error: jsonSchema(errorBodySchema, "output") },
      },
    };
  }
}

export type OpenApiDocument = ReturnType<ApiRegistry["document"]>;
