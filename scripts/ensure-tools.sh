#!/usr/bin/env bash
# Installs what the platform needs and is missing; does nothing when all is in place.
#   bash scripts/ensure-tools.sh             Bun, Caddy, node_modules, Prisma clients
#   bash scripts/ensure-tools.sh --browser   also Chromium (browser tests)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if ! command -v bun >/dev/null 2>&1; then
  say "installing Bun (npm install -g bun)"
  npm install -g bun >/dev/null 2>&1 || as_root npm install -g bun >/dev/null ||
    fail "could not install Bun: run 'sudo npm install -g bun' (or see https://bun.sh), then run this again"
  hash -r
  command -v bun >/dev/null 2>&1 || fail "Bun was installed but is not on PATH: add \"\$(npm prefix -g)/bin\" to PATH"
fi

apt_install caddy caddy
if [[ " $* " == *" --browser "* ]]; then
  [[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || apt_install chromium chromium
fi

# node_modules is stale when the lockfile or any package.json changed since the last install.
deps_hash="$(cat bun.lock package.json mini-services/*/package.json | sha256sum | cut -d' ' -f1)"
if [[ ! -d node_modules || "$(cat node_modules/.calor-deps 2>/dev/null)" != "$deps_hash" ]]; then
  say "installing dependencies (bun install --frozen-lockfile)"
  locked /tmp/calor-deps.lock bun install --frozen-lockfile
  echo "$deps_hash" >node_modules/.calor-deps
fi

# The Prisma clients are generated from the schema; regenerate only when it changed.
schema_hash="$(cat prisma/schema/*.prisma node_modules/prisma/package.json | sha256sum | cut -d' ' -f1)"
if [[ ! -f src/generated/prisma/client.ts || ! -f src/generated/prisma-postgres/client.ts ||
  "$(cat src/generated/.calor-schema 2>/dev/null)" != "$schema_hash" ]]; then
  say "generating the Prisma clients"
  locked /tmp/calor-prisma.lock bun scripts/prisma.ts generate
  echo "$schema_hash" >src/generated/.calor-schema
fi
