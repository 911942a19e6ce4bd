import type { ChatMessage, OfferView, ProductCard } from "@/realtime/live-stream";

/** The product columns every live view needs, as a Prisma select. */
export const productCardSelect = { id: true, name: true, slug: true, priceCents: true, imageUrl: true, stock: true } as const;

export const toProductCard = (p: ProductCard): ProductCard => ({
  id: p.id,
  name: p.name,
  slug: p.slug,
  priceCents: p.priceCents,
  imageUrl: p.imageUrl,
  stock: p.stock,
});

export interface MessageRow {
  id: string;
  showId: string;
  userId: string;
  userName: string;
  body: string;
  highlighted: boolean;
  createdAt: Date;
}

export const toChatMessage = (m: MessageRow, hostId: string): ChatMessage => ({
  id: m.id,
  showId: m.showId,
  userId: m.userId,
  userName: m.userName,
  body: m.body,
  highlighted: m.highlighted,
  fromHost: m.userId === hostId,
  createdAt: m.createdAt.toISOString(),
});

export interface OfferRow {
  id: string;
  showId: string;
  priceCents: number;
  quantity: number;
  claimed: number;
  perShopperLimit: number;
  endsAt: Date;
  product: ProductCard;
}

export const offerInclude = { product: { select: productCardSelect } } as const;

export const toOfferView = (o: OfferRow): OfferView => ({
  id: o.id,
  showId: o.showId,
  product: toProductCard(o.product),
  priceCents: o.priceCents,
  quantity: o.quantity,
  claimed: o.claimed,
  perShopperLimit: o.perShopperLimit,
  endsAt: o.endsAt.toISOString(),
});
