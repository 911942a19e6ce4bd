import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AppError, httpStatus, rejectNul, toErrorBody } from "@/server/errors";

type RouteContext<P> = { params: Promise<P> };

/**
 * Every API route goes through here: one place turns thrown errors into
 * `{ error: { code, message, field? } }` with the right status.
 */
export function route<P = Record<string, string>>(handler: (req: NextRequest, ctx: { params: P }) => Promise<Response> | Response) {
  return async (req: NextRequest, ctx: RouteContext<P>) => {
    try {
      const params = await ctx.params;
      rejectNul([params, [...req.nextUrl.searchParams.values()]]);
      return await handler(req, { params });
    } catch (error) {
      const body = toErrorBody(error);
      if (body.code === "INTERNAL")
        console.error(
          JSON.stringify({ level: "error", msg: "route failed", path: req.nextUrl.pathname, error: String(error), stack: (error as Error)?.stack }),
        );
      return NextResponse.json({ error: body }, { status: httpStatus(body) });
    }
  };
}

/** Parses a JSON body with its zod schema; a bad body is a 400 naming the field. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const text = await req.text();
  if (text.length > 256 * 1024) throw new AppError("VALIDATION", "Body is too large");
  const body: unknown = text ? JSON.parse(text) : {};
  rejectNul(body);
  return schema.parse(body);
}

export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.output<S> {
  return schema.parse(Object.fromEntries(req.nextUrl.searchParams));
}

export const json = <T>(data: T, init?: number | ResponseInit) => NextResponse.json(data, typeof init === "number" ? { status: init } : init);
