#!/usr/bin/env bash
# `npm run dev`: the whole platform in development on http://localhost:8080 (SQLite + demo data
# unless .env says otherwise): Next (hot reload), the three services (bun --hot) and Caddy.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_env
bash scripts/ensure-tools.sh

export NODE_ENV=development
export WEB_PORT="${WEB_PORT:-3000}" GATEWAY_PORT="${GATEWAY_PORT:-8080}"
export SUPPORT_CHAT_PORT="${SUPPORT_CHAT_PORT:-3031}" LIVE_STREAM_PORT="${LIVE_STREAM_PORT:-3032}" NOTIFICATIONS_PORT="${NOTIFICATIONS_PORT:-3033}"
export WEB_UPSTREAM="127.0.0.1:$WEB_PORT"
export SUPPORT_CHAT_UPSTREAMS="127.0.0.1:$SUPPORT_CHAT_PORT" LIVE_STREAM_UPSTREAMS="127.0.0.1:$LIVE_STREAM_PORT" NOTIFICATIONS_UPSTREAMS="127.0.0.1:$NOTIFICATIONS_PORT"
# Services restart on every save: let Caddy notice them back quickly.
export HEALTH_INTERVAL="${HEALTH_INTERVAL:-2s}"

needed=()
[[ -n "${REDIS_URL:-}" ]] && needed+=(redis)
[[ "${DATABASE_URL:-}" =~ ^postgres ]] && needed+=(postgres)
((${#needed[@]})) && bash scripts/services.sh "${needed[@]}"

bun scripts/prisma.ts migrate
bun scripts/seed-if-empty.ts

say "starting: gateway http://localhost:$GATEWAY_PORT (Ctrl-C stops everything)"
exec concurrently --kill-others-on-fail --prefix "[{name}]" \
  --names "web,support-chat,live-stream,notifications,caddy" \
  --prefix-colors "magenta,cyan,yellow,green,blue" \
  "next dev -p $WEB_PORT" \
  "bun run --cwd mini-services/support-chat dev" \
  "bun run --cwd mini-services/live-stream dev" \
  "bun run --cwd mini-services/notifications dev" \
  "caddy run --config Caddyfile --adapter caddyfile"
