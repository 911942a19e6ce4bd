import { currentIdentity, requireRole } from "@/server/auth/session";
import { json, readJson, route } from "@/server/http/route";
import { getShow, showUpdateSchema, updateShow } from "@/server/live/shows";

export const GET = route<{ id: string }>(async (_req, { params }) => json(await getShow(params.id, (await currentIdentity())?.sub ?? null)));

export const PATCH = route<{ id: string }>(async (req, { params }) => {
  const identity = await requireRole("HOST");
  return json(await updateShow(identity, params.id, await readJson(req, showUpdateSchema)));
});
