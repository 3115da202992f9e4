#!/usr/bin/env bash
# The date-sensitive Playwright specs (tagged @clock: dashboard, overdue queue, maintenance generator)
# again with the desk clock at the instants where dates go wrong, on hosts running in Asia/Shanghai
# (the main run's hosts run in UTC). The service tests cover the same clocks table-driven in vitest
# (tests/service/desk-clock.test.ts, tests/service/demo.test.ts). Needs the built app (npm run build).
set -euo pipefail
cd "$(dirname "$0")/../.."

clocks=(
  2027-01-01T00:05:00+08:00 # New Year's first minutes in Shanghai: still 2026-12-31 16:05 in UTC
  2027-02-28T23:59:00+08:00 # the last minute of a February
  2028-02-29T12:00:00+08:00 # a leap day
  2026-10-08T09:00:00+08:00 # the first working day after 国庆
)
for now in "${clocks[@]}"; do
  echo "== desk clock ${now}"
  AFTERCARE_NOW="${now}" TZ=Asia/Shanghai npx playwright test --grep @clock
done
