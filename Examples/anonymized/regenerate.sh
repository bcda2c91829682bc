#!/usr/bin/env bash
# Writes the anonymized examples kept under version control, with the examples' published key
# (not a secret: it only makes the outputs reproducible). The test suite checks that the current
# build still writes exactly these files; after a deliberate change, run this and review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
export VEIL_EXAMPLES_KEY="the examples' published key: not a secret"
veil="../.build/debug/veil"
"$veil" anonymize --key env:VEIL_EXAMPLES_KEY interview-en.txt -o anonymized/interview-en.txt
"$veil" anonymize --key env:VEIL_EXAMPLES_KEY forum-post-zh.txt -o anonymized/forum-post-zh.txt
"$veil" anonymize --key env:VEIL_EXAMPLES_KEY --policy forum-dump.yaml forum-dump.csv -o anonymized/forum-dump.csv
"$veil" anonymize --key env:VEIL_EXAMPLES_KEY --policy forum-thread.yaml forum-thread.jsonl -o anonymized/forum-thread.jsonl
