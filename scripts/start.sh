#!/usr/bin/env bash
# `npm start`: production mode under pm2 (ecosystem.config.js): next start, the services
# (N instances each, see .env.example) and Caddy on http://localhost:${GATEWAY_PORT:-8080}.
# ecosystem.config.js applies pending migrations and creates missing secrets in .env.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_env
export NODE_ENV=production
# pm2 require()s ecosystem.config.js, an ES module here: Node loads those from 20.19 on.
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
  fail "npm start needs Node.js 20.19 or newer (pm2 loads ecosystem.config.js as an ES module); this is $(node -v)"
bash scripts/ensure-tools.sh

needed=()
[[ -n "${REDIS_URL:-}" ]] && needed+=(redis)
[[ "${DATABASE_URL:-}" =~ ^postgres ]] && needed+=(postgres)
((${#needed[@]})) && bash scripts/services.sh "${needed[@]}"

# Build when there is no build or a source file is newer than it.
if [[ ! -f .next/BUILD_ID ]] || [[ -n "$(find src prisma/schema next.config.ts package.json bun.lock -newer .next/BUILD_ID -print -quit)" ]]; then
  say "building (next build)"
  locked /tmp/calor-build.lock next build
fi

# A local trial on the embedded SQLite file gets the demo catalog (seeding is a development
# step, hence its NODE_ENV); a real database is left alone.
if [[ "${DATABASE_URL:-file:}" == file:* ]]; then
  NODE_ENV=development bun scripts/prisma.ts migrate
  NODE_ENV=development bun scripts/seed-if-empty.ts
fi

pm2 start ecosystem.config.js --update-env
gateway="http://localhost:${GATEWAY_PORT:-8080}"
for _ in $(seq 1 60); do
  if curl -fs -o /dev/null "$gateway/"; then
    say "CALOR is up: $gateway   (pm2 status | pm2 logs | npm run stop)"
    exit 0
  fi
  sleep 1
done
fail "$gateway did not answer within 60 s: see 'pm2 logs'"
