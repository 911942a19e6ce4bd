import type { NextConfig } from "next";

const config: NextConfig = {
  // Native and WASM database drivers stay outside the bundle and load from node_modules.
  serverExternalPackages: ["@libsql/client", "libsql", "pg", "@prisma/adapter-libsql", "@prisma/adapter-pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  // unauthorized()/forbidden(): console pages answer 401/403 with their own explanation page.
  experimental: { authInterrupts: true },
};

export default config;
