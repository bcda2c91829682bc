#!/usr/bin/env bash
# Veil on Spark in local mode (local[2]) against `veil anonymize` on one machine, with the release
# binary (`make release`): run by `make test`. Needs Java 17 and pyspark (`make test-deps`).
set -euo pipefail
cd "$(dirname "$0")"
python3 -m unittest -v test_veil_spark 2>&1 | grep -v -e "^WARNING: Using incubator modules" -e "NativeCodeLoader" -e "log4j2-defaults.properties" -e "Setting default log level" -e "To adjust logging level"
exit "${PIPESTATUS[0]}"
