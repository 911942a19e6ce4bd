import type { ShippingAddress } from "@/server/checkout/checkout-schema";

/** A postal address the way a label reads: name, street, "City, Region Postcode", country. */
export function ShippingAddressBlock({ address, withPhone = false }: { address: ShippingAddress; withPhone?: boolean }) {
  const cityLine = `${address.city}${address.region ? `, ${address.region}` : ""} ${address.postalCode}`;
  const lines = [address.fullName, address.line1, address.line2, cityLine, address.country, withPhone ? address.phone : ""].filter(Boolean);
  return (
    <address className="mt-2 text-sm leading-6 text-cocoa-800 not-italic">
      {lines.map((line, i) => (
        <span key={i} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}
