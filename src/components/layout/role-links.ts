import type { Role } from "@/server/auth/tokens";

export const roleLabel: Record<Role, string> = { GUEST: "Guest", SHOPPER: "Shopper", AGENT: "Agent", HOST: "Host", ADMIN: "Admin" };

const consoles: { href: string; label: string; role: Role }[] = [
  { href: "/agent", label: "Agent console", role: "AGENT" },
  { href: "/host", label: "Host console", role: "HOST" },
  { href: "/admin", label: "Admin", role: "ADMIN" },
];

/** The consoles a role may open (admins may open every one, as hasRole says). */
export const consoleLinks = (role: Role) => consoles.filter((c) => role === "ADMIN" || c.role === role);
