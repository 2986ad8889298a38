#!/usr/bin/env bash
# Micro benchmark of the districts locator (plain Java, no server): ns per locate for the 226 real Praha districts,
# all 6,279 Czech municipalities as one synthetic city, and a synthetic 10,000-cell grid — the cost must stay flat
# as districts grow. Needs ../shared/data. Usage: bench/districts-locator-micro.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -o test -pl module-districts -Dtest=DistrictLocatorBenchmark -Dbench=true \
    -Dsurefire.failIfNoSpecifiedTests=false \
    -DtrimStackTrace=false 2>&1 | grep -v '^\[' || true
