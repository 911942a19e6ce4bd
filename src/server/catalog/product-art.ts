/**
 * Product pictures are drawn, not downloaded: one deterministic SVG per product, coloured by
 * its category, with a simple object for the category and the product's initials.
 */

interface Theme {
  from: string;
  to: string;
  accent: string;
  ink: string;
  art: (t: Theme) => string;
}

const mug = (t: Theme) => `
  <path d="M168 128c-6 12 6 18 0 30M200 122c-6 12 6 18 0 30M232 128c-6 12 6 18 0 30" stroke="${t.ink}" stroke-width="7" stroke-linecap="round" fill="none" opacity=".45"/>
  <path d="M262 190h16a34 34 0 0 1 0 68h-16" stroke="${t.ink}" stroke-width="15" fill="none"/>
  <rect x="132" y="172" width="140" height="132" rx="22" fill="${t.accent}"/>
  <rect x="132" y="172" width="140" height="22" rx="11" fill="${t.ink}" opacity=".18"/>`;

const candle = (t: Theme) => `
  <path d="M200 104c18 22 20 44 0 52c-20-8-18-30 0-52z" fill="#ffb347"/>
  <path d="M200 124c8 12 8 24 0 28c-8-4-8-16 0-28z" fill="#fff3c4"/>
  <rect x="197" y="154" width="6" height="22" rx="3" fill="${t.ink}"/>
  <rect x="136" y="172" width="128" height="134" rx="18" fill="${t.accent}"/>
  <ellipse cx="200" cy="176" rx="64" ry="12" fill="#fff" opacity=".35"/>
  <rect x="156" y="224" width="88" height="46" rx="8" fill="#fff" opacity=".8"/>`;

const knit = (t: Theme) => `
  <path d="M160 122l-44 20-28 62 34 14 18-34v122h120V184l18 34 34-14-28-62-44-20c-8 18-22 26-40 26s-32-8-40-26z" fill="${t.accent}"/>
  <path d="M130 288h140M130 274h140" stroke="${t.ink}" stroke-width="5" opacity=".3"/>
  <path d="M160 122c8 18 22 26 40 26s32-8 40-26" stroke="${t.ink}" stroke-width="7" fill="none" opacity=".35"/>`;

const bottle = (t: Theme) => `
  <path d="M200 112h44v12h-30" stroke="${t.ink}" stroke-width="9" stroke-linecap="round" stroke-linejoin="round" fill="none"/>
  <rect x="191" y="116" width="18" height="34" rx="4" fill="${t.ink}"/>
  <rect x="180" y="146" width="40" height="26" rx="6" fill="${t.ink}" opacity=".8"/>
  <rect x="150" y="168" width="100" height="140" rx="26" fill="${t.accent}"/>
  <rect x="166" y="208" width="68" height="60" rx="10" fill="#fff" opacity=".8"/>`;

const mountain = (t: Theme) => `
  <circle cx="268" cy="140" r="28" fill="#ffcf70"/>
  <path d="M84 300l86-138 46 70 32-42 58 110z" fill="${t.accent}"/>
  <path d="M170 162l-24 38 14 -6 10 12 12-14 14 10z" fill="#fff" opacity=".85"/>
  <path d="M84 300h232" stroke="${t.ink}" stroke-width="8" stroke-linecap="round"/>`;

const jar = (t: Theme) => `
  <rect x="150" y="132" width="100" height="30" rx="8" fill="${t.ink}"/>
  <rect x="138" y="158" width="124" height="150" rx="30" fill="${t.accent}"/>
  <rect x="158" y="206" width="84" height="56" rx="8" fill="#fff" opacity=".85"/>
  <path d="M172 226h56M172 242h36" stroke="${t.ink}" stroke-width="6" stroke-linecap="round" opacity=".5"/>`;

const gift = (t: Theme) => `
  <rect x="134" y="186" width="132" height="118" rx="12" fill="${t.accent}"/>
  <rect x="124" y="162" width="152" height="34" rx="8" fill="${t.accent}"/>
  <rect x="190" y="162" width="20" height="142" fill="${t.ink}" opacity=".55"/>
  <path d="M200 162c-22-34-52-26-44-8 6 12 44 8 44 8zm0 0c22-34 52-26 44-8-6 12-44 8-44 8z" fill="${t.ink}" opacity=".7"/>`;

const board = (t: Theme) => `
  <rect x="112" y="150" width="172" height="140" rx="30" fill="${t.accent}"/>
  <rect x="270" y="198" width="62" height="44" rx="22" fill="${t.accent}"/>
  <circle cx="310" cy="220" r="8" fill="#fff" opacity=".7"/>
  <path d="M138 186c30 10 80-10 120 0M138 220c40 12 70-8 120 4M138 254c30 8 80-6 120 0" stroke="${t.ink}" stroke-width="4" fill="none" opacity=".25"/>`;

const pan = (t: Theme) => `
  <rect x="236" y="198" width="118" height="26" rx="13" fill="${t.ink}"/>
  <circle cx="172" cy="212" r="84" fill="${t.ink}"/>
  <circle cx="172" cy="212" r="66" fill="${t.accent}"/>
  <path d="M140 196c10-26 56-30 66-4c8 22-4 40-34 40c-28 0-40-16-32-36z" fill="#fff"/>
  <circle cx="174" cy="206" r="13" fill="#ffb347"/>`;

const folded = (t: Theme) => `
  <rect x="108" y="240" width="184" height="54" rx="14" fill="${t.accent}"/>
  <rect x="120" y="192" width="172" height="54" rx="14" fill="${t.ink}" opacity=".75"/>
  <rect x="102" y="144" width="184" height="54" rx="14" fill="${t.accent}" opacity=".9"/>
  <path d="M118 171h152M134 219h146M124 267h152" stroke="#fff" stroke-width="3" stroke-dasharray="7 7" opacity=".6"/>`;

const lamp = (t: Theme) => `
  <ellipse cx="200" cy="214" rx="84" ry="14" fill="#ffcf70" opacity=".55"/>
  <path d="M148 124h104l34 86H114z" fill="${t.accent}"/>
  <rect x="194" y="208" width="12" height="44" fill="${t.ink}"/>
  <path d="M156 304c0-42 20-58 44-58s44 16 44 58z" fill="${t.ink}" opacity=".85"/>`;

const beanie = (t: Theme) => `
  <circle cx="200" cy="120" r="22" fill="${t.ink}" opacity=".85"/>
  <path d="M120 252c0-72 36-118 80-118s80 46 80 118z" fill="${t.accent}"/>
  <rect x="108" y="240" width="184" height="54" rx="14" fill="${t.ink}" opacity=".8"/>
  <path d="M134 250v34M160 250v34M186 250v34M212 250v34M238 250v34M264 250v34" stroke="${t.accent}" stroke-width="7" opacity=".6"/>`;

const sock = (t: Theme) => `
  <path d="M160 112h76v136l58 30c24 12 16 46-12 42l-104-18c-20-4-28-18-22-36l4-14z" fill="${t.accent}"/>
  <rect x="154" y="108" width="88" height="36" rx="8" fill="${t.ink}" opacity=".8"/>
  <path d="M272 270c14 6 18 22 8 32" stroke="${t.ink}" stroke-width="14" fill="none" opacity=".3" stroke-linecap="round"/>`;

const flask = (t: Theme) => `
  <rect x="180" y="104" width="40" height="30" rx="7" fill="${t.ink}"/>
  <rect x="154" y="128" width="92" height="184" rx="32" fill="${t.accent}"/>
  <rect x="154" y="172" width="92" height="16" fill="${t.ink}" opacity=".22"/>
  <rect x="172" y="206" width="14" height="80" rx="7" fill="#fff" opacity=".35"/>`;

/** The object drawn is chosen by what the product is, falling back to its category's. */
const artByKeyword: [RegExp, Theme["art"]][] = [
  [/\b(mug|cup)\b|pour-over/i, mug],
  [/\bboard\b/i, board],
  [/skillet|\bpan\b/i, pan],
  [/napkin|throw|blanket|scarf|coaster/i, folded],
  [/candle|taper/i, candle],
  [/\blamp\b/i, lamp],
  [/beanie|\bhat\b/i, beanie],
  [/sock|slipper/i, sock],
  [/sweater|vest|cardigan/i, knit],
  [/flask|bottle/i, flask],
  [/\boil\b|mask|lotion|pump/i, bottle],
  [/honey|cocoa|coffee|beans|spice|jar|soak|balm|salt/i, jar],
];

const themes: Record<string, Theme> = {
  kitchen: { from: "#fff1e6", to: "#ffd8bd", accent: "#e0693a", ink: "#6b2a12", art: mug },
  home: { from: "#fff6df", to: "#ffe3a6", accent: "#d9922b", ink: "#5e3b0c", art: candle },
  apparel: { from: "#fbeee9", to: "#f3cfc4", accent: "#b5523f", ink: "#4d1d14", art: knit },
  beauty: { from: "#fbeff3", to: "#f4d2df", accent: "#c25b82", ink: "#4f1930", art: bottle },
  outdoor: { from: "#eef5ea", to: "#d4e6cb", accent: "#4f8a4b", ink: "#1f3b1d", art: mountain },
  pantry: { from: "#f8f1e4", to: "#ead9b8", accent: "#a8742f", ink: "#48300f", art: jar },
};
const fallbackTheme: Theme = { from: "#f8f1e8", to: "#e2cfb6", accent: "#d94408", ink: "#35261d", art: gift };

/** FNV-1a: a stable number per slug, so the same product always gets the same picture. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function initialsOf(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[1]!].map((w) => w[0]) : [...(words[0] ?? "?")].slice(0, 2);
  return letters.join("").toUpperCase();
}

export const productImagePath = (slug: string) => `/images/products/${encodeURIComponent(slug)}`;

export function renderProductSvg(product: { slug: string; name: string; categorySlug: string | null }): string {
  const theme = (product.categorySlug && themes[product.categorySlug]) || fallbackTheme;
  const art = artByKeyword.find(([pattern]) => pattern.test(product.name))?.[1] ?? theme.art;
  const h = hashOf(product.slug);
  const angle = h % 360;
  const blobX = 60 + (h % 280);
  const blobY = 40 + ((h >>> 9) % 120);
  const blobR = 70 + ((h >>> 17) % 60);
  const tilt = ((h >>> 5) % 13) - 6;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="${escapeXml(product.name)}">
<defs><linearGradient id="bg" gradientTransform="rotate(${angle} .5 .5)"><stop offset="0" stop-color="${theme.from}"/><stop offset="1" stop-color="${theme.to}"/></linearGradient></defs>
<rect width="400" height="400" fill="url(#bg)"/>
<circle cx="${blobX}" cy="${blobY}" r="${blobR}" fill="#fff" opacity=".35"/>
<circle cx="${400 - blobX / 2}" cy="${360 - blobY / 3}" r="${blobR / 2}" fill="${theme.accent}" opacity=".12"/>
<ellipse cx="200" cy="318" rx="110" ry="14" fill="${theme.ink}" opacity=".12"/>
<g transform="rotate(${tilt} 200 220)">${art(theme)}</g>
<g transform="translate(24 24)"><rect width="64" height="40" rx="20" fill="#fff" opacity=".9"/>
<text x="32" y="27" text-anchor="middle" font-family="ui-rounded, system-ui, sans-serif" font-size="17" font-weight="700" letter-spacing="1" fill="${theme.ink}">${escapeXml(initialsOf(product.name))}</text></g>
</svg>`;
}
