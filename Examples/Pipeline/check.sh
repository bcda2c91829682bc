#!/usr/bin/env bash
# Builds the pipeline example against this checkout of Veil, runs it on posts.jsonl, and checks that
# its output is byte for byte what the `veil` CLI writes for the same input, policy and key (the
# CLI gets the example's Swift recognizer as the pattern plugin in plugins/). Run by `make test`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# SwiftPM can keep the file list of a path dependency from an earlier build: when Veil gained a
# source file since, the first build fails to find it, and `swift package clean` did not always
# help; a build from an empty .build folder reads the sources again.
swift build --package-path "$here" -q || { rm -rf "$here/.build"; swift build --package-path "$here" -q; }
swift build --package-path "$root" --product veil -q
export VEIL_KEY="pipeline example key, not a secret"
expected="$(mktemp)"; actual="$(mktemp)"
trap 'rm -f "$expected" "$actual"' EXIT
"$root/.build/debug/veil" anonymize --plugins "$here/plugins" --policy "$here/policy.yaml" "$here/posts.jsonl" > "$expected"
"$(swift build --package-path "$here" --show-bin-path)/pipeline" < "$here/posts.jsonl" > "$actual"
if ! cmp -s "$expected" "$actual"; then
  echo "Examples/Pipeline: the library's output differs from the CLI's:" >&2
  diff "$expected" "$actual" >&2 || true
  exit 1
fi
if grep -q -e '卢立兵' -e '13812345678' -e 'EMP-004217' "$actual"; then
  echo "Examples/Pipeline: an original value was left in the output" >&2
  exit 1
fi
echo "Examples/Pipeline: $(wc -l < "$actual") records, the same as the CLI's"
