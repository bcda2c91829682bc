#!/usr/bin/env python3
"""Load on `veil serve` with wrk (Debian's `wrk` package): requests per second, latency percentiles
and the server's memory, on loopback, with the default policy. Not a test: figures depend on the
machine.

Starts the release binary on a free loopback port with a token and a key of its own, and sends
POST /v1/anonymize bodies of about 1 KB of Chinese forum text each (Benchmarks/generate_corpus.py,
cut at line ends), a few hundred different ones in turn, from --connections connections for
--seconds seconds, --rounds times; the server's resident memory is read after each round, so that
it can be seen staying flat as requests add up.

Usage (from the repository root, after `make release`):
  python3 Benchmarks/serve_load.py [--connections 32] [--seconds 20] [--rounds 5] [--bytes 1024]
"""
import argparse
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VEIL = os.path.join(ROOT, ".build", "release", "veil")

# Cycles through the bodies of a file (one JSON body a line), each request the next one.
LUA = r"""
local bodies = {}
for line in io.lines(os.getenv("VEIL_LOAD_BODIES")) do bodies[#bodies + 1] = line end
local token = os.getenv("VEIL_LOAD_TOKEN")
local index = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
request = function()
  index = index % #bodies + 1
  return wrk.format(nil, "/v1/anonymize", nil, bodies[index])
end
"""


def posts(size, count, work):
    """`count` texts of about `size` bytes from the benchmark corpus's Chinese lines."""
    corpus = os.path.join(work, "corpus.txt")
    with open(corpus, "w", encoding="utf-8") as out:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_corpus.py"), "2", "text"], stdout=out, check=True)
    lines = [line for line in open(corpus, encoding="utf-8").read().splitlines() if re.search(r"[\u4e00-\u9fff]", line)]
    texts, current = [], ""
    for line in lines:
        current = (current + "\n" + line) if current else line
        if len(current.encode()) >= size:
            texts.append(current)
            current = ""
            if len(texts) == count:
                break
    return texts


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def resident_megabytes(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bytes", type=int, default=1024)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        texts = posts(args.bytes, 400, work)
        bodies = os.path.join(work, "bodies.jsonl")
        with open(bodies, "w", encoding="utf-8") as out:
            for text in texts:
                out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
        token = secrets.token_hex(24)
        tokens = os.path.join(work, "tokens")
        with open(tokens, "w") as out:
            out.write(token + "\n")
        os.chmod(tokens, 0o600)
        script = os.path.join(work, "load.lua")
        open(script, "w").write(LUA)
        port = free_port()
        environment = dict(os.environ, VEIL_LOAD_KEY="serve load benchmark key, not a secret", VEIL_LOAD_BODIES=bodies, VEIL_LOAD_TOKEN=token)
        server = subprocess.Popen(
            [VEIL, "serve", "--key", "env:VEIL_LOAD_KEY", "--token-file", tokens, "--listen", f"127.0.0.1:{port}", "--log-level", "warning",
             "--max-in-flight", "256"],
            stderr=subprocess.PIPE, env=environment, cwd=ROOT)
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                sys.exit("the server did not start:\n" + server.stderr.read().decode())
            started = resident_megabytes(server.pid)
            print(f"Bodies: {len(texts)} texts of about {args.bytes} bytes of Chinese forum text (mean {sum(len(t.encode()) for t in texts) / len(texts):.0f} bytes)")
            print(f"Server: default policy, 127.0.0.1:{port}, {os.cpu_count()} cores; resident memory at start {started:.0f} MB\n")
            print("| round | requests | requests/s | p50 | p99 | non-2xx | resident memory after |")
            print("|---|---|---|---|---|---|---|")
            total = 0
            for round in range(1, args.rounds + 1):
                result = subprocess.run(
                    ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", "-s", script, f"http://127.0.0.1:{port}"],
                    capture_output=True, text=True, env=environment, check=True).stdout
                requests = int(re.search(r"(\d+) requests in", result).group(1))
                rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result).group(1))
                p50 = re.search(r"^\s+50%\s+(\S+)", result, re.MULTILINE).group(1)
                p99 = re.search(r"^\s+99%\s+(\S+)", result, re.MULTILINE).group(1)
                errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result)
                total += requests
                print(f"| {round} | {total:,} | {rate:,.0f} | {p50} | {p99} | {errors.group(1) if errors else 0} | {resident_megabytes(server.pid):.0f} MB |")
        finally:
            server.terminate()
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
