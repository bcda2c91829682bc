#!/usr/bin/env python3
"""Veil process plugin (protocol 1, see Docs/process-plugin-protocol.md): finds the names listed in
watchlist.txt. Standard library only. Offsets are Python string indices, i.e. code points."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def names():
    with open(os.path.join(HERE, "watchlist.txt"), encoding="utf-8") as handle:
        listed = {line.strip() for line in handle if line.strip() and not line.startswith("#")}
    return sorted(listed, key=len, reverse=True)


def find(text, listed):
    findings, taken = [], [False] * len(text)
    for name in listed:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(taken[start:end]):
                findings.append({"start": start, "end": end, "entity": "PERSON", "score": 0.95, "rule": "watchlist"})
                taken[start:end] = [True] * len(name)
            start = text.find(name, end)
    return sorted(findings, key=lambda finding: finding["start"])


def main():
    listed = names()
    print(json.dumps({"protocol": 1, "entities": ["PERSON"]}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            results = [{"id": document["id"], "findings": find(document["text"], listed)} for document in request["documents"]]
            answer = {"id": request["id"], "results": results}
        except Exception as error:  # never echo document text
            answer = {"id": request.get("id"), "error": type(error).__name__}
        print(json.dumps(answer, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
