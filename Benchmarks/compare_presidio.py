#!/usr/bin/env python3
"""Veil against Microsoft Presidio and its Rust port presidio-rs, on the same corpus in one run.

Installs presidio-analyzer, spaCy and presidio-rs from PyPI into a throwaway virtual environment
(removed afterwards unless --keep), writes a corpus with Benchmarks/generate_corpus.py (mixed
Chinese and English forum posts and transcript lines, cut to --chars characters), and times:

  - Presidio's AnalyzerEngine (all its default recognizers, English) with spaCy's en_core_web_sm
    when it can be installed, else with a blank spaCy pipeline: PyPI does not carry spaCy's models,
    so on a machine that reaches only PyPI Presidio runs without its NER model, which makes it
    faster than it is in real use (a lower bound on its time, and it finds no names);
  - presidio-rs' Analyzer (built once, then reused);
  - `veil scan` with the built-in default policy (the release build; start-up included).

Each tool analyzes the corpus line by line (one document per post), after its start-up, which is
timed on its own. Prints a Markdown table with seconds, characters per second, findings and how
many times slower each tool is than Veil.

Usage (from the repository root, after `make release`):
  python3 Benchmarks/compare_presidio.py [--chars 100000] [--keep] [--venv DIR]
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VEIL = os.path.join(ROOT, ".build", "release", "veil")
PACKAGES = ["presidio-analyzer", "presidio-rs", "spacy"]


def make_corpus(path, characters):
    generated = subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_corpus.py"),
                                str(max(1, characters * 3 // (1024 * 1024) + 1)), "text"],
                               capture_output=True, text=True, check=True).stdout
    lines, count = [], 0
    for line in generated.splitlines(keepends=True):
        if count + len(line) > characters:
            break
        lines.append(line)
        count += len(line)
    with open(path, "w", encoding="utf-8") as out:
        out.write("".join(lines))
    return count


def inner(corpus):
    """Runs inside the virtual environment: times Presidio and presidio-rs, prints JSON."""
    import logging
    logging.disable(logging.CRITICAL)
    lines = [line for line in open(corpus, encoding="utf-8").read().split("\n") if line]
    results = {}

    started = time.perf_counter()
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    try:
        spacy.load("en_core_web_sm")
        model, model_note = "en_core_web_sm", "en_core_web_sm"
    except OSError:
        model = tempfile.mkdtemp()
        spacy.blank("en").to_disk(model)
        model_note = "blank spaCy pipeline (en_core_web_sm is not on PyPI): no NER, a lower bound"
    provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    analyzer.analyze("warm up 13812345678", language="en")
    startup = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(analyzer.analyze(line, language="en")) for line in lines)
    results["presidio"] = {"startup": startup, "seconds": time.perf_counter() - started, "findings": found, "note": model_note}

    started = time.perf_counter()
    import presidio_rs
    rust = presidio_rs.Analyzer()
    rust.analyze("warm up 13812345678")
    startup = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(rust.analyze(line)) for line in lines)
    results["presidio-rs"] = {"startup": startup, "seconds": time.perf_counter() - started, "findings": found,
                              "note": f"presidio-rs {getattr(presidio_rs, '__version__', '')}, Analyzer built once"}
    print(json.dumps(results))


def veil(corpus):
    """Veil's scan of the corpus (one document per line, as JSONL) and its start-up, in seconds."""
    work = os.path.dirname(corpus)
    jsonl = os.path.join(work, "corpus.jsonl")
    with open(jsonl, "w", encoding="utf-8") as out:
        for number, line in enumerate(open(corpus, encoding="utf-8").read().split("\n")):
            if line:
                out.write(json.dumps({"id": number, "text": line}, ensure_ascii=False) + "\n")
    tiny = os.path.join(work, "tiny.txt")
    open(tiny, "w").write("电话13812345678\n")

    def run(arguments):
        started = time.perf_counter()
        result = subprocess.run([VEIL] + arguments, capture_output=True, text=True, cwd=ROOT)
        if result.returncode != 0:
            sys.exit(f"veil {' '.join(arguments)} failed:\n{result.stderr}")
        return time.perf_counter() - started, result.stdout

    startup = min(run(["scan", tiny])[0] for _ in range(3))
    runs = [run(["scan", "--format", "jsonl", "--single-core", jsonl]) for _ in range(3)]
    seconds, output = min(runs)
    found = sum(len(json.loads(line)["findings"]) for line in output.splitlines() if line.strip())
    return {"startup": startup, "seconds": max(seconds - startup, 1e-6), "findings": found, "note": "default policy, one core"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--venv", help="virtual environment to create or reuse (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the virtual environment")
    parser.add_argument("--inner", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        return inner(args.inner)
    if not os.path.exists(VEIL):
        sys.exit("build the release binary first: make release")

    work = tempfile.mkdtemp(prefix="veil-compare-")
    venv = args.venv or os.path.join(work, "venv")
    try:
        python = os.path.join(venv, "bin", "python")
        if not os.path.exists(python):
            print(f"Installing {', '.join(PACKAGES)} into {venv} ...", file=sys.stderr)
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
            subprocess.run([python, "-m", "pip", "install", "-q"] + PACKAGES, check=True)
            # spaCy's models are not on PyPI; this succeeds only where a mirror carries them.
            subprocess.run([python, "-m", "pip", "install", "-q", "en_core_web_sm"], capture_output=True)
        corpus = os.path.join(work, "corpus.txt")
        characters = make_corpus(corpus, args.chars)
        print(f"Corpus: {characters:,} characters ({os.path.getsize(corpus):,} bytes) of Benchmarks/generate_corpus.py text, "
              f"one document per line", file=sys.stderr)
        measured = subprocess.run([python, os.path.abspath(__file__), "--inner", corpus], capture_output=True, text=True)
        if measured.returncode != 0:
            sys.exit(f"Presidio run failed:\n{measured.stderr[-3000:]}")
        results = json.loads(measured.stdout.strip().splitlines()[-1])
        results["veil"] = veil(corpus)
    finally:
        if not args.keep and not args.venv:
            shutil.rmtree(work, ignore_errors=True)

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; corpus {characters:,} characters\n")
    print("| tool | start-up (s) | analysis (s) | characters/s | findings | times Veil's analysis time | notes |")
    print("|---|---|---|---|---|---|---|")
    base = results["veil"]["seconds"]
    for name in ("veil", "presidio-rs", "presidio"):
        row = results[name]
        print(f"| {name} | {row['startup']:.2f} | {row['seconds']:.2f} | {characters / row['seconds']:,.0f} | {row['findings']} | "
              f"{row['seconds'] / base:.1f}× | {row['note']} |")


if __name__ == "__main__":
    main()
