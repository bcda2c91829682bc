#!/usr/bin/env python3
"""Convert the Weibo NER CoNLL files (../shared/data/weibo-ner/) into `veil eval` gold JSONL.

PER.NAM -> PERSON, GPE.NAM and LOC.NAM -> LOCATION, ORG.NAM -> ORGANIZATION; nominal mentions
(.NOM) are not personal data and are dropped. The digit after each character (its position in its
word) is not text. Usage: gold_from_weibo.py weiboNER_2nd_conll.dev > weibo-dev.gold.jsonl
The data stays outside the repository (CC BY-SA 3.0 labels; text under Weibo's terms).
"""
import json
import sys

MAP = {"PER.NAM": "PERSON", "GPE.NAM": "LOCATION", "LOC.NAM": "LOCATION", "ORG.NAM": "ORGANIZATION"}


def posts(path):
    chars, tags = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if chars:
                    yield chars, tags
                chars, tags = [], []
                continue
            token, tag = line.split("\t")
            chars.append(token[:-1] if len(token) > 1 and token[-1].isdigit() else token)
            tags.append(tag)
    if chars:
        yield chars, tags


def spans(tags):
    found, start, kind = [], None, None
    for index, tag in enumerate(tags + ["O"]):
        if tag.startswith("I-") and kind == tag[2:]:
            continue
        if start is not None and kind in MAP:
            found.append({"start": start, "end": index, "entity": MAP[kind]})
        start, kind = (index, tag[2:]) if tag[:2] in ("B-", "I-") else (None, None)
    return found


def main():
    path = sys.argv[1]
    name = path.rsplit("/", 1)[-1]
    for number, (chars, tags) in enumerate(posts(path)):
        print(json.dumps({"id": f"{name}:{number}", "text": "".join(chars), "spans": spans(tags)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
