import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "src/generated/**",
    "prisma/.postgres/**",
    "next-env.d.ts",
    "bench/results/**",
    "tests/e2e/screenshots/**",
    "coverage/**",
  ]),
]);
