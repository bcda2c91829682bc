#!/usr/bin/env python3
"""Veil's benchmark runner: throughput (MB/s of input), peak RSS and start-up time of the release
build on the deterministic corpus of generate_corpus.py. Not a test: figures depend on the machine.

Usage (from the repository root, after `make release`; `make bench` does both):
  python3 Benchmarks/run.py [--size MB] [--plugins] [--text FILE]...
      --plugins: also each plugin alone
      --text FILE: also a scan of FILE, plain text of your own (real posts read differently from the
                   generated corpus: the Weibo NER posts joined one per line, say)

Besides the corpus layouts, a file of 20,000 short JSONL records (one-line survey answers)
measures what a record costs beyond its text.

Prints a Markdown table. Each figure is the best of --repeat runs (default 1) measured with
/usr/bin/time; throughput counts the whole run, start-up included. "1 core" runs use
--single-core and are pinned to one CPU with taskset.
"""
import argparse
import json
import os
import re
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VEIL = os.path.join(ROOT, ".build", "release", "veil")
KEY = "benchmark key, not a secret"


def timed(arguments, env=None):
    """Wall seconds and peak RSS (MB) of one run of veil. A run with --single-core is also pinned
    to one CPU (taskset), so reading and writing cannot borrow a second core."""
    with tempfile.NamedTemporaryFile() as report:
        pin = ["taskset", "-c", "0"] if "--single-core" in arguments and shutil.which("taskset") else []
        command = pin + ["/usr/bin/time", "-f", "%e %M", "-o", report.name, VEIL] + arguments
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        if result.returncode != 0:
            sys.exit(f"veil {' '.join(arguments)} failed:\n{result.stderr.decode()}")
        seconds, kilobytes = open(report.name).read().split()[-2:]
        return float(seconds), int(kilobytes) / 1024


def corpus(directory, size, layout):
    path = os.path.join(directory, f"corpus-{size}MB.{ {'text': 'txt'}.get(layout, layout) }")
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as out:
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_corpus.py"), str(size), layout], stdout=out, check=True)
    return path


def short_records(directory, count):
    """COUNT one-line survey answers as JSONL: what a dataset of short rows (a survey export) costs
    per record, beyond its few bytes of text."""
    path = os.path.join(directory, f"short-records-{count}.jsonl")
    if not os.path.exists(path):
        answers = ["还行吧", "很满意，下次还来", "No comment", "服务态度一般", "电话13812345678，请回电",
                   "Great service, thanks!", "价格有点贵", "没有意见", "王老师讲得很清楚", "Ask for Lisa at the desk"]
        with open(path, "w", encoding="utf-8") as out:
            for index in range(count):
                out.write(json.dumps({"id": index, "answer": answers[index % len(answers)]}, ensure_ascii=False) + "\n")
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--plugins", action="store_true")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "veil-bench"))
    parser.add_argument("--text", action="append", default=[], help="also scan this plain-text file")
    args = parser.parse_args()
    if not os.path.exists(VEIL):
        sys.exit("build the release binary first: make release (or make bench)")
    os.makedirs(args.work, exist_ok=True)
    env = dict(os.environ, VEIL_BENCH_KEY=KEY)
    key = ["--key", "env:VEIL_BENCH_KEY"]
    size_mb = args.size

    def best(arguments):
        runs = [timed(arguments, env) for _ in range(args.repeat)]
        return min(r[0] for r in runs), max(r[1] for r in runs)

    tiny = os.path.join(args.work, "tiny.txt")
    open(tiny, "w").write("电话13812345678\n")
    startup = statistics.median(timed(["scan", tiny])[0] for _ in range(5))

    rows = []
    for layout in ("text", "jsonl", "csv"):
        path = corpus(args.work, size_mb, layout)
        megabytes = os.path.getsize(path) / 1024 / 1024
        for command in ("scan", "anonymize"):
            extra = ["--format", "jsonl"] if command == "scan" else key + ["-o", os.path.join(args.work, "out")]
            cores = [("all", []), ("1", ["--single-core"])]
            for label, flag in cores:
                seconds, rss = best([command] + extra + flag + [path])
                rows.append((f"default policy, {command}", layout, label, megabytes / seconds, seconds, rss))

    # Many short records: the cost of a record itself (parsing, a document per record, every
    # recognizer's per-document set-up), which a corpus of long posts hides.
    records = 20_000
    path = short_records(args.work, records)
    megabytes = os.path.getsize(path) / 1024 / 1024
    per_second = []
    for label, flag in [("all", []), ("1", ["--single-core"])]:
        seconds, rss = best(["scan", "--format", "jsonl"] + flag + [path])
        rows.append((f"default policy, scan", f"{records:,} short records", label, megabytes / seconds, seconds, rss))
        per_second.append(f"{'all cores' if label == 'all' else 'one core'} {records / seconds:,.0f}")

    # The identifier plugins alone (no name or place plugins), on plain text: those of the default
    # policy, so opt-in plugins (date, age) are not counted.
    ids = default_policy_plugins()
    # The same with the address plugin, which reads Chinese and English street addresses.
    path = corpus(args.work, size_mb, "text")
    megabytes = os.path.getsize(path) / 1024 / 1024
    for name, exclude in (("identifier plugins only", ("person-", "location-", "address")), ("identifier and address plugins", ("person-", "location-"))):
        policy = os.path.join(args.work, f"{name.replace(' ', '-')}.yaml")
        open(policy, "w").write("version: 1\nplugins: [%s]\n" % ", ".join(p for p in ids if not p.startswith(exclude)))
        for label, flag in [("all", []), ("1", ["--single-core"])]:
            seconds, rss = best(["scan", "--format", "jsonl", "--policy", policy] + flag + [path])
            rows.append((f"{name}, scan", "text", label, megabytes / seconds, seconds, rss))

    for path in args.text:
        megabytes = os.path.getsize(path) / 1024 / 1024
        for label, flag in [("all", []), ("1", ["--single-core"])]:
            seconds, rss = best(["scan", "--format", "jsonl"] + flag + [path])
            rows.append(("default policy, scan", os.path.basename(path), label, megabytes / seconds, seconds, rss))

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(f"Corpus: {size_mb:g} MB per layout (Benchmarks/generate_corpus.py); veil start-up (scan of one line): {startup * 1000:.0f} ms\n")
    print("| run | input | cores | MB/s | seconds | peak RSS (MB) |")
    print("|---|---|---|---|---|---|")
    for run, layout, cores, rate, seconds, rss in rows:
        print(f"| {run} | {layout} | {cores} | {rate:.2f} | {seconds:.2f} | {rss:.0f} |")
    print(f"\nShort records per second (start-up included): {', '.join(per_second)}")

    if args.plugins:
        listing = subprocess.run([VEIL, "plugins", "list"], capture_output=True, text=True, cwd=ROOT).stdout.split("\n")
        ids = [line.split()[0] for line in listing[1:] if line.strip() and not line.startswith(" ")]
        path = corpus(args.work, size_mb, "jsonl")
        megabytes = os.path.getsize(path) / 1024 / 1024
        print("\nEach plugin alone (scan, JSONL, one core). Its share is its time beyond a run with no plugins")
        print("(reading, parsing and writing the records, start-up) over the default policy's time beyond it:\n")
        print("| plugin | MB/s | seconds | share of the default policy's time |")
        print("|---|---|---|---|")
        def alone(plugins):
            policy = os.path.join(args.work, f"only-{'-'.join(plugins) or 'none'}.yaml")
            open(policy, "w").write(f"version: 1\nplugins: [{', '.join(plugins)}]\n")
            return best(["scan", "--format", "jsonl", "--single-core", "--policy", policy, path])[0]
        whole = best(["scan", "--format", "jsonl", "--single-core", path])[0]
        floor = alone([])
        print(f"| (no plugins) | {megabytes / floor:.2f} | {floor:.2f} | — |")
        for plugin in ids:
            seconds = alone([plugin])
            print(f"| {plugin} | {megabytes / seconds:.2f} | {seconds:.2f} | {100 * max(seconds - floor, 0) / max(whole - floor, 1e-9):.0f}% |")

def default_policy_plugins():
    """The plugins the built-in default policy names (Policies/default.yaml's `plugins: [...]`)."""
    text = open(os.path.join(ROOT, "Policies", "default.yaml"), encoding="utf-8").read()
    listed = re.search(r"^plugins:\s*\[([^\]]*)\]", text, re.MULTILINE).group(1)
    return [name.strip() for name in listed.replace("\n", " ").split(",") if name.strip()]


if __name__ == "__main__":
    main()
