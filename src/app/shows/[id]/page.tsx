import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LiveViewer } from "@/components/live/live-viewer";
import { currentIdentity } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { getShow } from "@/server/live/shows";

type Params = Promise<{ id: string }>;
export const dynamic = "force-dynamic";

const showFor = cache(async (id: string) => {
  try {
    return await getShow(id, (await currentIdentity())?.sub ?? null);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const show = await showFor((await params).id);
  return { title: show.title, description: show.description || `A live show with ${show.hostName}` };
}

export default async function ShowPage({ params }: { params: Params }) {
  return <LiveViewer summary={await showFor((await params).id)} />;
}
