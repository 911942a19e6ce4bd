"use client";

import { useEffect, useRef, useState } from "react";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { StockStatus } from "@/components/catalog/stock-status";
import type { NotificationsClientToServer, NotificationsServerToClient } from "@/realtime/notifications";
import { useServiceSocket } from "@/realtime/use-service-socket";

interface Props {
  productId: string;
  stock: number;
  lowStockThreshold: number;
}

/**
 * The product page's stock and buy button, kept current by `inventory:updated` from the
 * notifications service. Events are applied in eventId order; after every (re)connection the
 * stock is read once over HTTP, because events sent while this tab was offline are not replayed here.
 */
export function LiveProductStock({ productId, stock: initialStock, lowStockThreshold: initialThreshold }: Props) {
  const { socket, status } = useServiceSocket<NotificationsServerToClient, NotificationsClientToServer>("notifications");
  const [level, setLevel] = useState({ stock: initialStock, threshold: initialThreshold });
  const lastEventId = useRef(0);

  useEffect(() => {
    const onUpdate: NotificationsServerToClient["inventory:updated"] = (event) => {
      if (event.productId !== productId || event.eventId <= lastEventId.current) return;
      lastEventId.current = event.eventId;
      setLevel({ stock: event.stock, threshold: event.lowStockThreshold });
    };
    socket.on("inventory:updated", onUpdate);
    return () => {
      socket.off("inventory:updated", onUpdate);
    };
  }, [socket, productId]);

  useEffect(() => {
    if (status !== "connected") return;
    const controller = new AbortController();
    const eventsBefore = lastEventId.current;
    fetch(`/api/products/${encodeURIComponent(productId)}`, { cache: "no-store", signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ product: { stock: number; lowStockThreshold: number } }>) : null))
      .then((body) => {
        // An event that arrived meanwhile is newer than this read.
        if (body && lastEventId.current === eventsBefore) setLevel({ stock: body.product.stock, threshold: body.product.lowStockThreshold });
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [status, productId]);

  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite" aria-atomic="true" data-testid="product-stock" data-stock={level.stock}>
        <StockStatus stock={level.stock} lowStockThreshold={level.threshold} className="px-3 py-1 text-sm" />
      </div>
      {/* It disables itself at 0 ("Sold out"); it gets the live stock to cap the quantity. */}
      <AddToCartButton productId={productId} stock={level.stock} />
    </div>
  );
}
