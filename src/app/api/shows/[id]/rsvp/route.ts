import { ensureIdentity } from "@/server/auth/session";
import { json, route } from "@/server/http/route";
import { setRsvp } from "@/server/live/shows";

// Guests may RSVP too: the reminder follows them into their account when they sign in.
export const POST = route<{ id: string }>(async (_req, { params }) => json(await setRsvp(await ensureIdentity(), params.id, true)));

export const DELETE = route<{ id: string }>(async (_req, { params }) => json(await setRsvp(await ensureIdentity(), params.id, false)));
