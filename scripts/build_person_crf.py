#!/usr/bin/env python3
"""Train the character-level name tagger of `person-zh` (Plugins/person-zh/crf.tsv).

A linear-chain CRF (python-crfsuite, build time only) labels each character of a line O, B-/I-PER,
B-/I-LOC or B-/I-ORG. Its features are the characters around it, character pairs, and what
`person-zh`'s own data says about each character: surname, given-name and foreign-name chances
(surnames.tsv, given.tsv, foreign.tsv), the longest common word starting and ending there
(common-words.txt), titles after it (titles.txt) and cues before and after it (cues.txt,
cues-learned.txt). Veil computes exactly the same features at run time
(Sources/VeilRecognizers/Names/NameTagger.swift), so the two must change together.

Training text: `veil eval` gold files (scripts/gold_from_peoples_daily.py, scripts/gold_from_weibo.py).
By default People's Daily lines whose number is not a multiple of 5 (the rest are held out for
`veil eval`) and the Weibo NER train split, repeated so social-media text weighs more.

Usage:
  build_person_crf.py --dump-features lines.txt > Tests/VeilCoreTests/Fixtures/tagger-features.json
  build_person_crf.py --pd pd.jsonl --weibo weibo-train.jsonl [--weibo-repeat 3] [--c1 0.1] [--c2 0.01]
                      [--iterations 150] [--out Plugins/person-zh/crf.tsv] [--test gold.jsonl ...]
"""
import argparse
import json
import math
import os
import sys

import pycrfsuite

from crf_model import write_model

PLUGIN = os.path.join(os.path.dirname(__file__), "..", "Plugins", "person-zh")
BOS, EOS = "\u2402", "\u2403"
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
ENTITY = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}


FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
WHITESPACE = set(map(chr, [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
                          0x2028, 0x2029, 0x202F, 0x205F, 0x3000]))


def read_rows(name):
    with open(os.path.join(PLUGIN, name), encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]


def read_words(name):
    """A word list as Veil reads it: first column, trimmed, ASCII letters folded as its automaton does."""
    return [row[0].strip().translate(FOLD) for row in read_rows(name) if row[0].strip()]


class Resources:
    def __init__(self):
        self.surname = {}
        self.compound = set()
        for name, in_names, occurrences in read_rows("surnames.tsv"):
            chance = (int(in_names) + 0.1) / (int(occurrences) + 1)
            if len(name) == 1:
                self.surname[name] = chance
            elif len(name) == 2:
                self.compound.add(name)
        self.given = {c: (int(n) + 0.4) / (int(o) + 1) for c, n, o in read_rows("given.tsv") if len(c) == 1}
        self.foreign = {c: int(n) / (int(o) + 2) for c, n, o in read_rows("foreign.tsv") if len(c) == 1}
        self.words = set(read_words("common-words.txt"))
        self.longest_word = max(len(w) for w in self.words)
        self.titles = set(read_words("titles.txt"))
        cues = read_words("cues.txt")
        learned = read_words("cues-learned.txt")
        split = cues.index("after:") if "after:" in cues else len(cues)
        learned_split = learned.index("after:") if "after:" in learned else len(learned)
        self.cues_before = set(cues[:split] + learned[:learned_split])
        self.cues_after = set(cues[split + 1:] + learned[learned_split + 1:])


def bucket(p):
    if p >= 0.5:
        return "4"
    if p >= 0.2:
        return "3"
    if p >= 0.05:
        return "2"
    if p >= 0.01:
        return "1"
    return "0"


def is_han(c):
    v = ord(c)
    return 0x4E00 <= v <= 0x9FFF or 0x3400 <= v <= 0x4DBF


def normalize(c):
    v = ord(c)
    if 0x30 <= v <= 0x39 or 0xFF10 <= v <= 0xFF19:
        return "0"
    if 0x41 <= v <= 0x5A or 0x61 <= v <= 0x7A or 0xFF21 <= v <= 0xFF3A or 0xFF41 <= v <= 0xFF5A:
        return "a"
    if c in WHITESPACE:
        return "\u2423"
    return c


def spans_at(text, words, longest, cap=4):
    """Longest listed word starting at and ending at each position (capped)."""
    n = len(text)
    starting, ending = [0] * n, [0] * n
    for i in range(n):
        for length in range(min(longest, n - i), 1, -1):
            if text[i:i + length] in words:
                starting[i] = min(length, cap)
                break
    for i in range(n):
        for length in range(2, min(longest, i + 1) + 1):
            if text[i - length + 1:i + 1] in words:
                ending[i] = max(ending[i], min(length, cap))
    return starting, ending


def any_at(text, i, words, lengths):
    return any(text[i:i + k] in words for k in lengths)


def features(text, res):
    """The feature names of each character of `text`, as NameTagger.swift builds them."""
    chars = [normalize(c) for c in text]
    n = len(chars)
    raw, text = text, text.translate(FOLD)
    padded = [BOS, BOS] + chars + [EOS, EOS]
    word_start, word_end = spans_at(text, res.words, res.longest_word)
    title_lengths = sorted({len(t) for t in res.titles})
    before_lengths = sorted({len(t) for t in res.cues_before})
    after_lengths = sorted({len(t) for t in res.cues_after})
    titled = [any_at(text, i, res.titles, title_lengths) for i in range(n + 3)]
    cue_after = [any_at(text, i, res.cues_after, after_lengths) for i in range(n + 3)]
    cue_before_end = [False] * (n + 1)  # a cue ends just before i
    for i in range(n):
        for k in before_lengths:
            if i - k >= 0 and text[i - k:i] in res.cues_before:
                cue_before_end[i] = True
                break

    def s(i):
        return bucket(res.surname[raw[i]]) if 0 <= i < n and raw[i] in res.surname else "-"

    def g(i):
        if not (0 <= i < n) or not is_han(raw[i]):
            return "-"
        return bucket(res.given[raw[i]]) if raw[i] in res.given else "u"

    out = []
    for i in range(n):
        p = i + 2
        f = ["b",
             "U-2:" + padded[p - 2], "U-1:" + padded[p - 1], "U0:" + padded[p], "U1:" + padded[p + 1], "U2:" + padded[p + 2],
             "B-1:" + padded[p - 1] + padded[p], "B0:" + padded[p] + padded[p + 1],
             "B-2:" + padded[p - 2] + padded[p - 1], "B1:" + padded[p + 1] + padded[p + 2],
             "S0:" + s(i), "S-1:" + s(i - 1), "S-2:" + s(i - 2),
             "G0:" + g(i), "G-1:" + g(i - 1), "G1:" + g(i + 1),
             "SG:" + s(i) + g(i + 1), "SGG:" + s(i) + g(i + 1) + g(i + 2),
             "WS:" + str(word_start[i]), "WE:" + str(word_end[i])]
        if is_han(raw[i]) and raw[i] in res.foreign:
            f.append("F0:" + bucket(res.foreign[raw[i]]))
        if raw[i:i + 2] in res.compound:
            f.append("C0:")
        if i > 0 and raw[i - 1:i + 1] in res.compound:
            f.append("C-1:")
        for k in (1, 2, 3):
            if titled[i + k] if i + k < len(titled) else False:
                f.append("T%d:" % k)
            if cue_after[i + k] if i + k < len(cue_after) else False:
                f.append("A%d:" % k)
        if cue_before_end[i]:
            f.append("K0:")
        if i > 0 and cue_before_end[i - 1]:
            f.append("K-1:")
        out.append(f)
    return out


def labels(text, spans):
    tags = ["O"] * len(text)
    for span in spans:
        entity = ENTITY.get(span["entity"])
        if not entity:
            continue
        tags[span["start"]] = "B-" + entity
        for i in range(span["start"] + 1, span["end"]):
            tags[i] = "I-" + entity
    return tags


def read_gold(path, keep=lambda record: True):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if keep(record):
                yield record


def lines_of(record):
    """Each line of a record with its spans, offsets relative to the line."""
    text = record["text"]
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        spans = [dict(s, start=s["start"] - start, end=s["end"] - start) for s in record["spans"] if start <= s["start"] and s["end"] <= end]
        if line:
            yield line, spans
        start = end + 1


def pd_number(record):
    return int(record["id"].split(":")[1])


def chunks(tags):
    found, start = set(), None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            found.add((start, i, tags[start][2:]))
            start = None
        if tag.startswith("B-"):
            start = i
    return found


def evaluate(tagger, res, path, keep=lambda r: True):
    counts = {}
    for record in read_gold(path, keep):
        for line, spans in lines_of(record):
            gold = chunks(labels(line, spans))
            predicted = chunks(tagger.tag(features(line, res)))
            for entity in ("PER", "LOC", "ORG"):
                g = {c for c in gold if c[2] == entity}
                p = {c for c in predicted if c[2] == entity}
                tp, fp, fn = counts.get(entity, (0, 0, 0))
                counts[entity] = (tp + len(g & p), fp + len(p - g), fn + len(g - p))
    for entity, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 0
        recall = tp / (tp + fn) if tp + fn else 0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
        print(f"  {path} {entity}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pd")
    parser.add_argument("--weibo")
    parser.add_argument("--dump-features", metavar="TEXT_FILE",
                        help="print each line of TEXT_FILE with its features as JSON (the fixture of Veil's parity test) and stop")
    parser.add_argument("--weibo-repeat", type=int, default=3)
    parser.add_argument("--pd-every", type=int, default=1, help="use every Nth training line of People's Daily")
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--out", default=os.path.join(PLUGIN, "crf.tsv"))
    parser.add_argument("--test", nargs="*", default=[])
    args = parser.parse_args()

    res = Resources()
    if args.dump_features:
        with open(args.dump_features, encoding="utf-8") as handle:
            lines = [line.rstrip("\n") for line in handle if line.strip()]
        print(json.dumps([{"line": line, "features": features(line, res)} for line in lines], ensure_ascii=False, indent=1))
        return
    if not (args.pd and args.weibo):
        parser.error("--pd and --weibo are required to train")
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for record in read_gold(args.pd, lambda r: pd_number(r) % 5 != 0 and pd_number(r) % args.pd_every == 0):
        for line, spans in lines_of(record):
            trainer.append(features(line, res), labels(line, spans))
            count += 1
    weibo = list(read_gold(args.weibo))
    for _ in range(args.weibo_repeat):
        for record in weibo:
            for line, spans in lines_of(record):
                trainer.append(features(line, res), labels(line, spans))
                count += 1
    print(f"training on {count} lines", file=sys.stderr)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    model = args.out + ".crfsuite"
    trainer.train(model)
    tagger = pycrfsuite.Tagger()
    tagger.open(model)
    write_model(tagger, args.out, LABELS, "person-zh name tagger: linear-chain CRF over characters (scripts/build_person_crf.py)")
    for path in args.test:
        keep = (lambda r: pd_number(r) % 5 == 0) if "pd" in os.path.basename(path) else (lambda r: True)
        evaluate(tagger, res, path, keep)
    if not os.environ.get("KEEP_CRFSUITE"): os.remove(model)


if __name__ == "__main__":
    main()
