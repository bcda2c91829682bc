#!/usr/bin/env python3
"""Counts the instructions `veil scan` executes (valgrind's callgrind): a cost figure that does not
move with the load of a shared machine, where wall-clock time can vary by half between runs, and
(with Swift's hashing seeded the same in every run) the same on every run.

Runs the release binary with the same policy: twice on an empty file (start-up: loading plugins,
compiling patterns; the first run builds the recognizers from their data and writes their images,
the second reads them, as every later run does) and once on MEGABYTES of the benchmark corpus (Benchmarks/generate_corpus.py, plain
text), counting there only inside the function that reads, recognizes and writes the text's
sections; that count, divided by the size, is the cost per megabyte of text. The binary is
copied without its debug sections first (Debian's valgrind cannot read DWARF 5).

Needs valgrind (apt-get install valgrind). Usage:
  count_instructions.py [--veil .build/release/veil] [--policy FILE] [--megabytes 1]
With no --policy: the identifier plugins of the default policy (the benchmark's identifier row).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
import run  # noqa: E402  (the runner's corpus and default-policy helpers)


# The function that reads a plain-text input section by section, recognizes each and writes its
# findings: counting only inside it leaves start-up out of the per-megabyte figure. (Start-up loads
# plugins on every core, and its count moved by 50 M between runs with the threads' timing — 100 M
# per megabyte over half a megabyte — where subtracting one run on an empty file had been used.)
TEXT_SECTIONS = "*eachTextSection*"


def instructions(binary, policy, path, checkout, cache, only=None):
    # Swift seeds its hashing at random in each process, and a dictionary's probe lengths follow
    # the seed: counts of one binary on one text moved by 1–2% between runs. A fixed seed makes the
    # count the same on every run. The recognizer images go to a cache folder of this run's own.
    environment = dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1", VEIL_CACHE_DIR=cache)
    toggle = ["--collect-atstart=no", f"--toggle-collect={only}"] if only else []
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--smc-check=all", *toggle, binary,
                             "scan", "--single-core", "--format", "jsonl", "--policy", policy, path],
                            capture_output=True, text=True, cwd=checkout, env=environment)
    if result.returncode != 0:
        # A policy veil rejects would otherwise be counted as a run that did nothing.
        sys.exit(f"veil failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
    found = re.search(r"Collected : (\d+)", result.stderr)
    if not found:
        sys.exit(f"valgrind did not report a count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--veil", default=os.path.join(ROOT, ".build", "release", "veil"))
    parser.add_argument("--policy")
    parser.add_argument("--megabytes", type=float, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        binary = os.path.join(work, "veil")
        subprocess.run(["strip", "--strip-debug", "-o", binary, args.veil], check=True)
        policy = args.policy
        if not policy:
            policy = os.path.join(work, "identifiers.yaml")
            identifiers = [p for p in run.default_policy_plugins() if not p.startswith(("person-", "location-", "address"))]
            open(policy, "w").write("version: 1\nplugins: [%s]\n" % ", ".join(identifiers))
        text = subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_corpus.py"), f"{args.megabytes:g}", "text"],
                              capture_output=True, check=True).stdout
        sample, empty = os.path.join(work, "sample.txt"), os.path.join(work, "empty.txt")
        open(sample, "wb").write(text)
        open(empty, "wb").close()
        # The binary reads the plugins of the checkout it was built in (another commit's, to compare).
        veil = os.path.abspath(args.veil)
        checkout = veil.split("/.build/")[0] if "/.build/" in veil else ROOT
        # Start-up without the recognizers' images (the first run after a build: it writes them),
        # then with them (every later run).
        cache = os.path.join(work, "cache")
        cold = instructions(binary, policy, empty, checkout, cache)
        start = instructions(binary, policy, empty, checkout, cache)
        total = instructions(binary, policy, sample, checkout, cache, only=TEXT_SECTIONS)
        if total == 0:
            sys.exit(f"no instructions counted inside {TEXT_SECTIONS}: was the function renamed?")
        megabytes = len(text) / 1024 / 1024
        print(f"start-up: {start / 1e6:.1f} M instructions ({cold / 1e6:.1f} M on the first run after a build, which writes the recognizers' images)")
        print(f"{megabytes:.2f} MB: {total / 1e6:.1f} M instructions reading, recognizing and writing, {total / 1e6 / megabytes:.1f} M per MB of text")


if __name__ == "__main__":
    main()
