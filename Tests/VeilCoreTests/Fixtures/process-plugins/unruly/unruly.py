#!/usr/bin/env python3
"""Test fixture for Veil's process plugin protocol: behaves, or misbehaves when a document says so."""
import json
import os
import sys
import time

print(json.dumps({"protocol": 1, "entities": ["PERSON"]}), flush=True)
for line in sys.stdin:
    request = json.loads(line)
    texts = [document["text"] for document in request["documents"]]
    joined = "\n".join(texts)
    if "CRASH" in joined:
        os._exit(3)
    if "HANG" in joined:
        mark = os.environ.get("UNRULY_HANGING_MARK")
        if mark:  # the tests learn which process hangs (written whole, then renamed into place)
            with open(mark + ".tmp", "w") as file:
                file.write(str(os.getpid()))
            os.rename(mark + ".tmp", mark)
        time.sleep(30)
    if "FLOOD" in joined:
        for _ in range(2000):
            print("progress " + joined + " " + "." * 1000, file=sys.stderr)
        sys.stderr.flush()
    if "NOISY" in joined:
        print("debug: working on " + joined, file=sys.stderr, flush=True)
    if "LEAKERROR" in joined:
        print(json.dumps({"id": request["id"], "error": "could not parse: " + joined}), flush=True)
        continue
    if "STRANGE" in joined:
        print(json.dumps({"id": request["id"], "results": [{"id": d["id"], "findings": [
            {"start": 0, "end": 1, "entity": d["text"], "score": 0.9}]} for d in request["documents"]]}), flush=True)
        continue
    if "GARBAGE" in joined:
        print("this is not JSON", flush=True)
        continue
    answer_id = request["id"] + 1000 if "WRONGID" in joined else request["id"]
    results = []
    for document in request["documents"]:
        text = document["text"]
        findings = []
        if "OUTSIDE" in text:
            findings.append({"start": 0, "end": len(text) + 5, "entity": "PERSON", "score": 0.9})
        start = text.find("ALICE")
        if start >= 0:
            findings.append({"start": start, "end": start + 5, "entity": "PERSON", "score": 0.9, "rule": "alice"})
        results.append({"id": document["id"], "findings": findings})
    print(json.dumps({"id": answer_id, "results": results}), flush=True)
