#!/usr/bin/env python3
"""Test fixture: finds ALICE but reports UTF-16 offsets (wrong for protocol 1)."""
import json
import sys

print(json.dumps({"protocol": 1, "entities": ["PERSON"]}), flush=True)
for line in sys.stdin:
    request = json.loads(line)
    results = []
    for document in request["documents"]:
        text, findings = document["text"], []
        start = text.find("ALICE")
        if start >= 0:
            units = len(text[:start].encode("utf-16-le")) // 2
            findings.append({"start": units, "end": units + 5, "entity": "PERSON", "score": 0.9})
        results.append({"id": document["id"], "findings": findings})
    print(json.dumps({"id": request["id"], "results": results}), flush=True)
