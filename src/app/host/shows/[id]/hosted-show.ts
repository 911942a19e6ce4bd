import { notFound } from "next/navigation";
import type { Identity } from "@/server/auth/tokens";
import { AppError } from "@/server/errors";
import { getShow, hostedShow, type ShowSummary } from "@/server/live/shows";

/** The show for its host's pages (console, report): another host's show is as invisible as a missing one. */
export async function hostPageShow(identity: Identity, showId: string): Promise<ShowSummary> {
  try {
    await hostedShow(identity, showId);
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  return getShow(showId, null);
}
