#!/usr/bin/env python3
"""A `veil eval` gold file with its people and places renamed: every Chinese name (two to four
characters, all Han) becomes a name drawn by Faker's zh_CN provider, and every place written with an
administrative suffix (省, 市, 县, 区) another place of that level — the spans moved to match.

What it measures: whether a recognizer finds names and places it has never seen, in sentences it
may have seen. A tagger that memorized People's Daily's 江泽民 and 北京 scores high on the corpus's
held-out lines and low on another newspaper; on the renamed lines it scores what the context and
the name statistics are worth. Faker's names are drawn from its own tables, not from Veil's data.

Usage (build and evaluation time only; needs `pip install faker`):
  gold_renamed.py GOLD.jsonl [--seed N] > RENAMED.jsonl
"""
import argparse
import json
import random
import sys

from faker import Faker


def is_han(text):
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gold")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    fake = Faker("zh_CN")
    fake.seed_instance(args.seed)
    random.seed(args.seed)

    def place(original):
        suffix = original[-1]
        if suffix == "省":
            candidate = fake.province()
            return candidate if candidate.endswith("省") else None
        if suffix == "市":
            return fake.city_name() + "市"
        if suffix in "县区":
            return fake.district() + suffix
        return None

    with open(args.gold, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text, spans = record["text"], sorted(record["spans"], key=lambda s: s["start"])
            out, moved, cursor = [], [], 0
            for span in spans:
                original = text[span["start"]:span["end"]]
                replacement = None
                if span["entity"] == "PERSON" and 2 <= len(original) <= 4 and is_han(original):
                    replacement = fake.name()
                elif span["entity"] == "LOCATION" and len(original) >= 2 and is_han(original):
                    replacement = place(original)
                replacement = replacement or original
                out.append(text[cursor:span["start"]])
                start = sum(len(part) for part in out)
                out.append(replacement)
                moved.append(dict(span, start=start, end=start + len(replacement)))
                cursor = span["end"]
            out.append(text[cursor:])
            record["text"], record["spans"] = "".join(out), moved
            print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
