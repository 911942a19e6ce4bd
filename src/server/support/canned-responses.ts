import type { CannedResponse } from "@/realtime/support-chat";
import { db } from "@/server/db/client";

export function listCannedResponses(): Promise<CannedResponse[]> {
  return db().cannedResponse.findMany({ orderBy: { shortcut: "asc" }, select: { id: true, shortcut: true, title: true, body: true } });
}
