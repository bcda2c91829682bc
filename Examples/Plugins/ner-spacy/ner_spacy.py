#!/usr/bin/env python3
"""Veil process plugin (protocol 1, Docs/process-plugin-protocol.md) around spaCy's NER.

Usage: ner_spacy.py [--model NAME_OR_PATH] [--score S]
spaCy's labels become Veil's entities: PERSON -> PERSON; GPE, LOC, FAC -> LOCATION; ORG ->
ORGANIZATION. spaCy gives no confidence per entity, so every finding gets --score. Offsets are
spaCy's character offsets, i.e. code points, as the protocol asks."""
import argparse
import json
import os
import sys

LABELS = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION", "ORG": "ORGANIZATION"}
HERE = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    # Standard error reaches the user, prefixed by Veil with this plugin's id.
    print(message, file=sys.stderr, flush=True)
    sys.exit(2)


def load(model):
    try:
        import spacy
    except ImportError:
        fail("spaCy is not installed for " + sys.executable + ". Install it and a model: "
             "python3 -m pip install spacy && python3 -m spacy download en_core_web_sm")
    local = os.path.join(HERE, model)
    try:
        return spacy.load(local if os.path.isdir(local) else model)
    except OSError:
        fail(f"the spaCy model '{model}' is not installed. Install it with: python3 -m spacy download {model} "
             "(or set --model in plugin.yaml to an installed model or a model folder)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--score", type=float, default=0.8)
    args = parser.parse_args()
    nlp = load(args.model)
    print(json.dumps({"protocol": 1, "entities": sorted(set(LABELS.values()))}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            documents = request["documents"]
            results = []
            for document, parsed in zip(documents, nlp.pipe(document["text"] for document in documents)):
                findings = [{"start": entity.start_char, "end": entity.end_char, "entity": LABELS[entity.label_],
                             "score": args.score, "rule": entity.label_}
                            for entity in parsed.ents if entity.label_ in LABELS and entity.end_char > entity.start_char]
                results.append({"id": document["id"], "findings": findings})
            answer = {"id": request["id"], "results": results}
        except Exception as error:  # never echo document text
            answer = {"id": request.get("id"), "error": type(error).__name__}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
