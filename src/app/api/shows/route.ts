import type { NextRequest } from "next/server";
import { currentIdentity, requireRole } from "@/server/auth/session";
import { json, readJson, readQuery, route } from "@/server/http/route";
import { createShow, listShows, showInputSchema, showListQuerySchema } from "@/server/live/shows";

export const GET = route(async (req: NextRequest) => {
  const { status } = readQuery(req, showListQuerySchema);
  return json(await listShows((await currentIdentity())?.sub ?? null, status));
});

export const POST = route(async (req) => {
  const identity = await requireRole("HOST");
  return json(await createShow(identity, await readJson(req, showInputSchema)), 201);
});
