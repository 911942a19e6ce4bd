/** The demo catalog: six categories, 28 products, prices in cents, some low and one sold out. */

export const categories = [
  { slug: "kitchen", name: "Kitchen & Table" },
  { slug: "home", name: "Home & Candles" },
  { slug: "apparel", name: "Knits & Apparel" },
  { slug: "beauty", name: "Bath & Body" },
  { slug: "outdoor", name: "Outdoor & Travel" },
  { slug: "pantry", name: "Pantry" },
] as const;

export type CategorySlug = (typeof categories)[number]["slug"];

export interface SeedProduct {
  sku: string;
  name: string;
  category: CategorySlug;
  priceCents: number;
  stock: number;
  lowStockThreshold?: number;
  description: string;
}

export const products: SeedProduct[] = [
  { sku: "KIT-001", name: "Ember Stoneware Mug", category: "kitchen", priceCents: 2400, stock: 42, description: "A hand-glazed 350 ml stoneware mug in a deep ember glaze. Thick walls keep your coffee warm; the wide handle fits three fingers." },
  { sku: "KIT-002", name: "Terracotta Pour-Over Set", category: "kitchen", priceCents: 5800, stock: 14, description: "Unglazed terracotta dripper with a matching carafe. Brews two cups, slowly, the way Sunday mornings should go." },
  { sku: "KIT-003", name: "Olive Wood Serving Board", category: "kitchen", priceCents: 6900, stock: 3, lowStockThreshold: 5, description: "Cut from a single piece of olive wood, each board has its own grain. Oil it once a month and it will outlive you." },
  { sku: "KIT-004", name: "Linen Napkins, Set of Four", category: "kitchen", priceCents: 3200, stock: 60, description: "Stone-washed European linen in warm clay. Soft from the first wash and softer with every one after." },
  { sku: "KIT-005", name: "Cast Iron Mini Skillet", category: "kitchen", priceCents: 2900, stock: 25, description: "A 16 cm pre-seasoned skillet for one egg, a cookie, or a single perfect grilled cheese. Oven and campfire safe." },
  { sku: "HOM-001", name: "Amber Glass Candle — Fireside", category: "home", priceCents: 3400, stock: 38, description: "Soy wax poured into amber glass, scented with cedar, clove and a whisper of smoke. About 50 hours of burn time." },
  { sku: "HOM-002", name: "Chunky Knit Throw", category: "home", priceCents: 12900, stock: 9, description: "An oversized throw hand-knitted from merino roving. Heavy enough to feel like a hug, light enough to carry to the sofa." },
  { sku: "HOM-003", name: "Ceramic Table Lamp", category: "home", priceCents: 11500, stock: 0, description: "A speckled ceramic base with a linen shade that turns any bulb into a low, golden glow. Back in stock soon." },
  { sku: "HOM-004", name: "Beeswax Taper Candles, Pair", category: "home", priceCents: 1800, stock: 80, description: "Hand-dipped pure beeswax tapers that burn clean and smell faintly of honey. 25 cm tall." },
  { sku: "HOM-005", name: "Wool Felt Coasters", category: "home", priceCents: 1600, stock: 120, description: "Six thick coasters in autumn colours, cut from undyed and plant-dyed wool felt." },
  { sku: "APP-001", name: "Merino Crew Sweater", category: "apparel", priceCents: 9800, stock: 22, description: "Fine-gauge merino in rust orange. Breathes in the afternoon, warms in the evening, never itches." },
  { sku: "APP-002", name: "Alpaca Beanie", category: "apparel", priceCents: 3900, stock: 2, lowStockThreshold: 5, description: "A ribbed beanie knitted from baby alpaca: warmer than wool and lighter than you'd expect." },
  { sku: "APP-003", name: "Fleece-Lined Slippers", category: "apparel", priceCents: 4500, stock: 31, description: "Suede moccasin slippers lined with recycled fleece, with a soft rubber sole for trips to the mailbox." },
  { sku: "APP-004", name: "Cashmere Blend Scarf", category: "apparel", priceCents: 7400, stock: 17, description: "A generous scarf in a cashmere and wool blend, woven in a warm herringbone of cinnamon and cream." },
  { sku: "APP-005", name: "Thermal Wool Socks, 3 Pack", category: "apparel", priceCents: 2700, stock: 75, description: "Cushioned hiking socks that are just as good for reading in bed. Reinforced heel and toe." },
  { sku: "BEA-001", name: "Warming Ginger Bath Soak", category: "beauty", priceCents: 2200, stock: 44, description: "Dead Sea salt with ginger, black pepper and orange oils. For evenings when you cannot get warm." },
  { sku: "BEA-002", name: "Shea & Honey Hand Balm", category: "beauty", priceCents: 1500, stock: 90, description: "A rich balm in a tin that fits a coat pocket. Rescues knuckles cracked by winter wind." },
  { sku: "BEA-003", name: "Cedar & Vetiver Body Oil", category: "beauty", priceCents: 3600, stock: 12, description: "A dry oil that sinks in fast and leaves a quiet woody scent. Apply after a hot shower." },
  { sku: "BEA-004", name: "Clay Face Mask", category: "beauty", priceCents: 2800, stock: 4, lowStockThreshold: 6, description: "French red clay with rosehip: ten minutes, a cup of tea, and skin that feels new." },
  { sku: "OUT-001", name: "Insulated Steel Flask", category: "outdoor", priceCents: 3800, stock: 50, description: "Keeps tea hot for 12 hours on a cold trail. 750 ml, powder-coated in burnt orange, with a cup lid." },
  { sku: "OUT-002", name: "Packable Down Vest", category: "outdoor", priceCents: 14900, stock: 8, description: "Responsibly sourced down in a vest that packs into its own pocket. The layer you forget you're wearing." },
  { sku: "OUT-003", name: "Wool Camp Blanket", category: "outdoor", priceCents: 8900, stock: 19, description: "A heavy, water-resistant wool blanket with a leather carry strap. For tailgates, campfires and cold stadiums." },
  { sku: "OUT-004", name: "Hand Warmer Duo", category: "outdoor", priceCents: 3100, stock: 65, description: "Two rechargeable hand warmers with three heat levels. One charge lasts a day on the slopes." },
  { sku: "OUT-005", name: "Enamel Camp Mug", category: "outdoor", priceCents: 1900, stock: 100, description: "Speckled enamel that goes from the camp stove to the table. Chips only add character." },
  { sku: "PAN-001", name: "Smoked Chili Honey", category: "pantry", priceCents: 1400, stock: 55, description: "Wildflower honey infused with smoked chipotle. Drizzle it on pizza, cheese, or straight onto a spoon." },
  { sku: "PAN-002", name: "Spiced Hot Cocoa Mix", category: "pantry", priceCents: 1600, stock: 70, description: "Dark Dutch cocoa with cinnamon, cardamom and a pinch of cayenne. Makes about 15 mugs." },
  { sku: "PAN-003", name: "Single-Origin Coffee Beans", category: "pantry", priceCents: 1900, stock: 36, description: "A washed Ethiopian roast with notes of apricot and brown sugar. Roasted weekly, 340 g." },
  { sku: "PAN-004", name: "Mulled Wine Spice Kit", category: "pantry", priceCents: 1200, stock: 48, description: "Cinnamon bark, star anise, cloves and dried orange, measured for two bottles of red." },
];
