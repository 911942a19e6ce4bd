#!/usr/bin/env bash
# `npm test`: the whole suite, on SQLite and then (integration + browser) on PostgreSQL.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash scripts/ensure-tools.sh --browser
bash scripts/services.sh redis postgres

# The browser tests run `next start` on the production build.
say "building (next build)"
locked /tmp/calor-build.lock next build

status=0
say "vitest: all projects on SQLite (unit, integration, e2e, hardening)"
vitest run || status=1
say "vitest: integration and e2e on PostgreSQL"
TEST_DATABASE=postgres vitest run --project integration --project e2e || status=1
# Of the hardening cases, the claim race is the one whose answer depends on the database.
TEST_DATABASE=postgres vitest run --project hardening tests/hardening/claim-race.test.ts || status=1

if [[ "$status" == 0 ]]; then say "all tests passed"; else fail "some tests failed (see above)"; fi
