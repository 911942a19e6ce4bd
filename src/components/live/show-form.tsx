"use client";

import Image from "next/image";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ApiError, requestJson } from "@/components/cart/request-json";
import { formatMoney } from "@/lib/money";
import type { ProductCard } from "@/realtime/live-stream";
import type { ShowSummary } from "@/server/live/shows";

/** A local time for <input type="datetime-local">, an hour from now. */
function inAnHour(): string {
  const d = new Date(Date.now() + 3600_000);
  d.setMinutes(0, 0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Plan a new show: title, description, start, video and the products to sell. */
export function ShowForm({ products }: { products: ProductCard[] }) {
  const router = useRouter();
  const id = useId();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [scheduledAt, setScheduledAt] = useState(inAnHour);
  const [videoUrl, setVideoUrl] = useState("/media/demo-show.mp4");
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const show = await requestJson<ShowSummary>("/api/shows", {
        method: "POST",
        body: { title, description, scheduledAt: new Date(scheduledAt).toISOString(), videoUrl, productIds: picked },
      });
      router.push(`/host/shows/${show.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? { message: e.message, field: e.field } : { message: "Could not create the show" });
      setBusy(false);
    }
  };
  const invalid = (field: string) => (error?.field === field ? true : undefined);

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-title`} className="mb-1 block text-sm font-medium">
            Title
          </label>
          <input
            id={`${id}-title`}
            className="field-input"
            required
            minLength={3}
            maxLength={120}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={invalid("title")}
          />
        </div>
        <div>
          <label htmlFor={`${id}-when`} className="mb-1 block text-sm font-medium">
            Starts at
          </label>
          <input
            id={`${id}-when`}
            className="field-input"
            type="datetime-local"
            required
            value={scheduledAt}
            onChange={(e) => setScheduledAt(e.target.value)}
            aria-invalid={invalid("scheduledAt")}
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="mb-1 block text-sm font-medium">
          Description
        </label>
        <textarea
          id={`${id}-description`}
          className="field-input"
          rows={3}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor={`${id}-video`} className="mb-1 block text-sm font-medium">
          Video URL <span className="font-normal text-cocoa-600">(MP4, WebM or HLS)</span>
        </label>
        <input
          id={`${id}-video`}
          className="field-input"
          required
          value={videoUrl}
          onChange={(e) => setVideoUrl(e.target.value)}
          aria-invalid={invalid("videoUrl")}
        />
      </div>
      <fieldset aria-invalid={invalid("productIds")}>
        <legend className="mb-2 text-sm font-medium">
          Products to sell <span className="font-normal text-cocoa-600">({picked.length} picked)</span>
        </legend>
        {products.length === 0 ? (
          <p className="text-sm text-cocoa-600">There are no active products yet.</p>
        ) : (
          <ul className="grid max-h-80 gap-2 overflow-y-auto rounded-xl border border-sand-200 p-2 sm:grid-cols-2">
            {products.map((p) => (
              <li key={p.id}>
                <label className="flex cursor-pointer items-center gap-3 rounded-lg p-1.5 hover:bg-sand-50">
                  <input
                    type="checkbox"
                    className="size-4 accent-ember-600"
                    checked={picked.includes(p.id)}
                    onChange={(e) => setPicked((list) => (e.target.checked ? [...list, p.id] : list.filter((x) => x !== p.id)))}
                  />
                  <span className="relative size-10 shrink-0 overflow-hidden rounded-md bg-sand-100">
                    <Image src={p.imageUrl} alt="" fill unoptimized sizes="40px" className="object-cover" />
                  </span>
                  <span className="min-w-0 text-sm">
                    <span className="block truncate font-medium">{p.name}</span>
                    <span className="text-cocoa-600">
                      {formatMoney(p.priceCents)} · {p.stock} in stock
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? "Creating…" : "Create show"}
        </button>
        <p role="alert" className="text-sm text-red-700">
          {error?.message}
        </p>
      </div>
    </form>
  );
}
