const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const usdWhole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** Money is integer cents everywhere; this is the one place it becomes text. */
export const formatMoney = (cents: number) => usd.format(cents / 100);

/** For labels such as price ranges: "$25", not "$25.00". */
export const formatMoneyWhole = (cents: number) => usdWhole.format(cents / 100);
