"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, requestJson } from "@/components/cart/request-json";
import type { AdminProduct } from "@/server/admin/admin-products";

/** Archive hides a product from the shop (orders keep it); restore brings it back. */
export function ProductStatusToggle({ product }: { product: AdminProduct }) {
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const archived = product.status === "ARCHIVED";

  const toggle = async () => {
    setSaving(true);
    setError(null);
    try {
      await requestJson(`/api/admin/products/${product.id}`, { method: "PATCH", body: { status: archived ? "ACTIVE" : "ARCHIVED" } });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not change the product");
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        onClick={toggle}
        disabled={saving}
        className={archived ? "btn-primary" : "btn border border-red-200 bg-white text-red-700 hover:bg-red-50"}
      >
        {saving ? "Saving…" : archived ? "Restore to the shop" : "Archive product"}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
