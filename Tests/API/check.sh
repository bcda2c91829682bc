#!/usr/bin/env bash
# `veil serve` against its own OpenAPI document (Docs/openapi.yaml), with schemathesis: generated
# requests, valid and invalid, for every operation; no answer may be a server error, and every
# answer must match the document (status, content type, headers, body schema). Run by `make test`
# after the test suite, with the debug binary the suite built.
#
# One worker: hypothesis parses its own source when it describes a strategy, and CPython 3.11's
# parser is not safe on two threads at once (a "recursion depth mismatch" SystemError, now and then).
#
# Not checked: that every request the document allows is accepted. JSON that fits the schema can
# still be refused by design — an analyzer result past the end of the text, a body that is not a
# dataset — and the server answers 400 rather than guess (fail closed).
set -euo pipefail
cd "$(dirname "$0")/../.."
veil=.build/debug/veil
work=$(mktemp -d)
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true; rm -rf "$work"' EXIT
head -c 24 /dev/urandom | base64 > "$work/tokens"
chmod 600 "$work/tokens"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
VEIL_API_CHECK_KEY="api check key, not a secret" "$veil" serve --key env:VEIL_API_CHECK_KEY --token-file "$work/tokens" \
  --listen "127.0.0.1:$port" --log-level warning 2> "$work/server.log" &
server=$!
for _ in $(seq 1 300); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=1)" 2> /dev/null && break
  kill -0 "$server" 2> /dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
# The document says a request may name any policy the server was started with: this one serves the
# built-in default alone, so the copy checked here says so (random names would be refused, 400).
python3 -c '
import sys, yaml
document = yaml.safe_load(open("Docs/openapi.yaml"))
document["components"]["parameters"]["Policy"]["schema"]["enum"] = ["default"]
yaml.safe_dump(document, open(sys.argv[1], "w"), allow_unicode=True)' "$work/openapi.yaml"
python3 -m schemathesis.cli run "$work/openapi.yaml" --url "http://127.0.0.1:$port" -H "Authorization: Bearer $(cat "$work/tokens")" \
  --checks all --exclude-checks positive_data_acceptance --max-examples 25 --generation-deterministic --workers 1 \
  --report junit --report-junit-path "$work/junit.xml"
