#!/usr/bin/env bun
/**
 * The Prisma CLI as this project runs it: no native engine (none can be downloaded here), a
 * PostgreSQL copy of the schema folder written from the SQLite one, and our own migration runner.
 *   bun scripts/prisma.ts generate     both clients (SQLite and PostgreSQL)
 *   bun scripts/prisma.ts migrations   rewrite prisma/migrations/<provider>/0001_init.sql from the schema
 *   bun scripts/prisma.ts migrate      apply pending migrations to DATABASE_URL
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { migrate } from "@/server/db/migrate";
import { parseEnv, projectRoot } from "@/server/env";

const root = projectRoot(import.meta.dir);
const placeholder = join(root, "node_modules", ".calor-no-engine");
writeFileSync(placeholder, "");
const cliEnv = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
  PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

const schemas = {
  sqlite: { dir: "prisma/schema", url: "file:./prisma/.cli.db" },
  // The CLI builds its adapter even for offline diffs, so it needs a reachable server.
  postgresql: { dir: "prisma/.postgres/schema", url: process.env.PRISMA_CLI_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
} as const;

function writePostgresSchema() {
  const target = join(root, schemas.postgresql.dir);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(root, schemas.sqlite.dir), target, { recursive: true });
  const base = join(target, "base.prisma");
  writeFileSync(
    base,
    readFileSync(base, "utf8")
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('"../../src/generated/prisma"', '"../../../src/generated/prisma-postgres"'),
  );
}

function prisma(provider: keyof typeof schemas, args: string[]): string {
  const run = spawnSync(join(root, "node_modules", ".bin", "prisma"), args, {
    cwd: root,
    env: { ...cliEnv, DATABASE_URL: schemas[provider].url },
    encoding: "utf8",
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(run.status ?? 1);
  }
  return run.stdout;
}

export function initMigrationSql(provider: keyof typeof schemas): string {
  return prisma(provider, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemas[provider].dir, "--script"]);
}

const command = process.argv[2];
writePostgresSchema();
if (command === "generate") {
  for (const provider of ["sqlite", "postgresql"] as const) prisma(provider, ["generate"]);
  console.log("generated the SQLite and PostgreSQL clients");
} else if (command === "migrations") {
  for (const provider of ["sqlite", "postgresql"] as const) {
    const dir = join(root, "prisma", "migrations", provider);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "0001_init.sql"), initMigrationSql(provider));
  }
  console.log("wrote prisma/migrations/{sqlite,postgresql}/0001_init.sql");
} else if (command === "migrate") {
  const env = parseEnv(process.env, root);
  const applied = await migrate(env.DATABASE_URL, root);
  console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
} else if (command !== "schema") {
  console.error("usage: bun scripts/prisma.ts generate | migrations | migrate");
  process.exit(2);
}
