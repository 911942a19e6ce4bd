"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, requestJson } from "@/components/cart/request-json";
import { FormField } from "@/components/orders/form-field";
import type { AdminProduct } from "@/server/admin/admin-products";

const REASONS = ["Restock delivery", "Damaged", "Inventory count correction", "Returned by customer"];

/** Adds or removes units with a reason; every adjustment is kept in the product's history. */
export function StockAdjustForm({ product }: { product: AdminProduct }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const delta = Number(data.get("delta"));
    const reason = String(data.get("reason") ?? "").trim();
    const found: Record<string, string> = {};
    if (!Number.isInteger(delta) || delta === 0) found.delta = "must be a whole number other than 0";
    if (!reason) found.reason = "is required";
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    setMessage(null);
    try {
      const saved = await requestJson<AdminProduct>(`/api/admin/products/${product.id}/stock`, { method: "POST", body: { delta, reason } });
      setMessage({ ok: true, text: `Stock is now ${saved.stock}.` });
      form.reset();
      router.refresh();
    } catch (error) {
      const api = error instanceof ApiError ? error : null;
      if (api?.field) setErrors({ [api.field]: api.message.replace(new RegExp(`^${api.field}: `), "") });
      setMessage({ ok: false, text: api?.message ?? "Could not adjust the stock" });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4" aria-busy={saving}>
      <FormField name="delta" label="Units to add (use − to remove)" required type="number" step={1} placeholder="e.g. 20 or -3" error={errors.delta} />
      <div>
        <FormField name="reason" label="Reason" required list="stock-reasons" placeholder="Restock delivery" error={errors.reason} />
        <datalist id="stock-reasons">
          {REASONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={saving}>
          {saving ? "Saving…" : "Adjust stock"}
        </button>
        <p role="status" aria-live="polite" className={`text-sm ${message?.ok ? "text-emerald-800" : "text-red-700"}`}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}
