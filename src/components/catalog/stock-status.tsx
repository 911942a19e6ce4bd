export type StockLevel = "sold-out" | "low" | "in-stock";

export const stockLevel = (stock: number, lowStockThreshold: number): StockLevel => (stock <= 0 ? "sold-out" : stock <= lowStockThreshold ? "low" : "in-stock");

const look: Record<StockLevel, string> = {
  "sold-out": "bg-stone-200 text-stone-700",
  low: "bg-amber-100 text-amber-900",
  "in-stock": "bg-emerald-50 text-emerald-800",
};

/** "Sold out", "Only N left" (at or below the product's threshold), or "In stock". */
export function StockStatus({ stock, lowStockThreshold, className = "" }: { stock: number; lowStockThreshold: number; className?: string }) {
  const level = stockLevel(stock, lowStockThreshold);
  const text = level === "sold-out" ? "Sold out" : level === "low" ? `Only ${stock} left` : "In stock";
  return (
    <span data-stock-level={level} className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ${look[level]} ${className}`}>
      <span
        aria-hidden="true"
        className={`size-1.5 rounded-full ${level === "sold-out" ? "bg-stone-500" : level === "low" ? "bg-amber-500" : "bg-emerald-500"}`}
      />
      {text}
    </span>
  );
}
