import type { Prisma } from "@/generated/prisma/client";
import type { SearchResult, SessionStatus } from "@/realtime/support-chat";
import type { Identity } from "@/server/auth/tokens";
import { db } from "@/server/db/client";
import { env, isPostgresUrl } from "@/server/env";
import { sessionSelect, toSessionView } from "@/server/support/views";

/** Case-insensitive "contains": SQLite's LIKE already is, PostgreSQL needs to be told. */
function contains(text: string): Prisma.StringFilter {
  return (isPostgresUrl(env().DATABASE_URL) ? { contains: text, mode: "insensitive" } : { contains: text }) as Prisma.StringFilter;
}

function snippet(body: string, query: string): string {
  const at = body.toLowerCase().indexOf(query.toLowerCase());
  const start = Math.max(0, at - 40);
  return (start > 0 ? "…" : "") + body.slice(start, start + 140) + (start + 140 < body.length ? "…" : "");
}

/**
 * Past and present conversations matching a text (topic, shopper name or email, any message).
 * Admins search everything; an agent only conversations assigned to them or that they took part in.
 */
export async function searchSessions(user: Identity, input: { query?: string; status?: SessionStatus; limit: number }): Promise<SearchResult> {
  const scope: Prisma.SupportSessionWhereInput = user.role === "ADMIN" ? {} : { OR: [{ agentId: user.sub }, { messages: { some: { senderId: user.sub } } }] };
  const q = input.query;
  const text: Prisma.SupportSessionWhereInput = q
    ? {
        OR: [
          { topic: contains(q) },
          { guestName: contains(q) },
          { guestEmail: contains(q) },
          { shopper: { name: contains(q) } },
          { shopper: { email: contains(q) } },
          { messages: { some: { body: contains(q) } } },
        ],
      }
    : {};
  const rows = await db().supportSession.findMany({
    where: { AND: [scope, text, input.status ? { status: input.status } : {}] },
    orderBy: { createdAt: "desc" },
    take: input.limit,
    select: { ...sessionSelect, messages: q ? { where: { body: contains(q) }, orderBy: { seq: "asc" }, take: 1, select: { body: true } } : false },
  });
  return {
    sessions: rows.map((row) => {
      const hit = q ? row.messages?.[0]?.body : undefined;
      return { session: toSessionView(row), snippet: hit && q ? snippet(hit, q) : null };
    }),
  };
}
