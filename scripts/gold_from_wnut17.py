#!/usr/bin/env python3
"""Convert the WNUT-17 CoNLL files (../shared/data/wnut17/) into `veil eval` gold JSONL.

Each post's tokens are joined with single spaces (the README's convention); person -> PERSON,
location -> LOCATION, corporation and group -> ORGANIZATION; creative-work and product are not
personal data and are dropped. Offsets are code points into the joined text.
Usage: gold_from_wnut17.py wnut17train.conll > wnut17-train.gold.jsonl
The data stays outside the repository (CC BY 4.0, Derczynski et al., W-NUT 2017).
"""
import json
import sys

MAP = {"person": "PERSON", "location": "LOCATION", "corporation": "ORGANIZATION", "group": "ORGANIZATION"}


def posts(path):
    tokens, tags = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            token, tag = line.split("\t")[:2]
            tokens.append(token)
            tags.append(tag.strip())
    if tokens:
        yield tokens, tags


def record(name, number, tokens, tags):
    text, starts = "", []
    for index, token in enumerate(tokens):
        if index:
            text += " "
        starts.append(len(text))
        text += token
    spans, open_span = [], None
    for index, tag in enumerate(tags + ["O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        continues = tag.startswith("I-") and open_span is not None and open_span[1] == kind
        if open_span is not None and not continues:
            start, entity, last = open_span
            if entity in MAP:
                spans.append({"start": starts[start], "end": starts[last] + len(tokens[last]), "entity": MAP[entity]})
            open_span = None
        if continues:
            open_span = (open_span[0], kind, index)
        elif kind is not None:
            open_span = (index, kind, index)
    return {"id": f"{name}:{number}", "text": text, "spans": spans}


def main():
    path = sys.argv[1]
    name = path.rsplit("/", 1)[-1]
    for number, (tokens, tags) in enumerate(posts(path)):
        print(json.dumps(record(name, number, tokens, tags), ensure_ascii=False))


if __name__ == "__main__":
    main()
