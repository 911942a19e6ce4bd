"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, requestJson } from "@/components/cart/request-json";
import { centsToInput, parseMoneyInput } from "@/components/admin/money-input";
import { FormField } from "@/components/orders/form-field";
import type { AdminProduct } from "@/server/admin/admin-products";
import type { CategoryView } from "@/server/catalog/product-view";

interface Props {
  categories: CategoryView[];
  /** Edit this product; without it the form creates one. */
  product?: AdminProduct;
}

type Errors = Record<string, string>;

/** Create or edit a product. Stock is set once here at creation; later only through adjustments. */
export function ProductForm({ categories, product }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const editing = !!product;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    const found: Errors = {};
    const priceCents = parseMoneyInput(value("price"));
    if (priceCents === null) found.priceCents = "must be an amount like 24.99";
    const threshold = Number(value("lowStockThreshold"));
    const stock = Number(value("stock") || "0");
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    const body = {
      ...(editing ? {} : { sku: value("sku"), stock }),
      name: value("name"),
      description: value("description"),
      priceCents,
      lowStockThreshold: threshold,
      categoryId: value("categoryId"),
      ...(value("imageUrl") ? { imageUrl: value("imageUrl") } : {}),
    };
    setSaving(true);
    setErrors({});
    setMessage(null);
    try {
      const saved = await requestJson<AdminProduct>(editing ? `/api/admin/products/${product.id}` : "/api/admin/products", {
        method: editing ? "PATCH" : "POST",
        body,
      });
      setMessage({ ok: true, text: editing ? "Saved." : `Created ${saved.name}.` });
      if (!editing) form.reset();
      router.refresh();
    } catch (error) {
      const api = error instanceof ApiError ? error : null;
      if (api?.field) setErrors({ [api.field]: api.message.replace(new RegExp(`^${api.field}: `), "") });
      setMessage({ ok: false, text: api?.message ?? "Could not save the product" });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-busy={saving}>
      {!editing ? <FormField name="sku" label="SKU" required placeholder="MUG-CLAY-01" error={errors.sku} autoCapitalize="characters" /> : null}
      <FormField name="name" label="Name" required defaultValue={product?.name} error={errors.name} className={editing ? "sm:col-span-2" : ""} />
      <div className="sm:col-span-2">
        <label htmlFor="field-description" className="mb-1.5 block text-sm font-medium text-cocoa-800">
          Description
        </label>
        <textarea
          id="field-description"
          name="description"
          rows={3}
          defaultValue={product?.description}
          className="field-input"
          aria-invalid={errors.description ? true : undefined}
        />
        {errors.description ? <p className="mt-1 text-sm font-medium text-red-700">{errors.description}</p> : null}
      </div>
      <FormField
        name="price"
        label="Price (USD)"
        required
        inputMode="decimal"
        placeholder="24.99"
        defaultValue={product ? centsToInput(product.priceCents) : ""}
        error={errors.priceCents}
      />
      <div>
        <label htmlFor="field-categoryId" className="mb-1.5 block text-sm font-medium text-cocoa-800">
          Category
        </label>
        <select
          id="field-categoryId"
          name="categoryId"
          required
          defaultValue={product?.category.id ?? categories[0]?.id}
          className="field-input"
          aria-invalid={errors.categoryId ? true : undefined}
        >
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.categoryId ? <p className="mt-1 text-sm font-medium text-red-700">{errors.categoryId}</p> : null}
      </div>
      {!editing ? <FormField name="stock" label="Initial stock" required type="number" min={0} defaultValue={0} error={errors.stock} /> : null}
      <FormField
        name="lowStockThreshold"
        label="Low-stock threshold"
        required
        type="number"
        min={0}
        defaultValue={product?.lowStockThreshold ?? 5}
        error={errors.lowStockThreshold}
        hint="Admins get an alert when stock falls to this or below."
      />
      <FormField
        name="imageUrl"
        label="Image URL"
        defaultValue={product?.imageUrl}
        error={errors.imageUrl}
        hint={editing ? undefined : "Leave empty for a generated picture."}
        className="sm:col-span-2"
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={saving}>
          {saving ? "Saving…" : editing ? "Save changes" : "Create product"}
        </button>
        <p role="status" aria-live="polite" className={`text-sm ${message?.ok ? "text-emerald-800" : "text-red-700"}`}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}
