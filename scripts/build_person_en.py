#!/usr/bin/env python3
"""Build the data of Plugins/person-en:

  first.tsv   first names with their share of the US population and their usual sex (M or F), from the
              1990 US Census name files shipped in the PyPI package `names` (MIT licence):
              dist.male.first, dist.female.first
  last.tsv    the most common surnames (share, rank), from dist.all.last of the same package
  words.txt   names that are also ordinary English words (Will, May, Grant, Young, Brown …): a
              lower-case word in the small US English word list (Debian package wamerican-small, SCOWL; free
              licence). They count as names only next to another name or after a title.

Usage: build_person_en.py --names names/ --words /usr/share/dict/american-english-small --out Plugins/person-en
"""
import argparse
import os


def read(path, limit=None):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 4:
                rows.append((parts[0].capitalize(), float(parts[1])))
            if limit and len(rows) >= limit:
                break
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", required=True)
    parser.add_argument("--words", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--surnames", type=int, default=20000)
    args = parser.parse_args()
    with open(args.words, encoding="utf-8") as handle:
        dictionary = {line.strip() for line in handle if line.strip().islower() and "'" not in line}
    first = {}
    for sex, filename in (("M", "dist.male.first"), ("F", "dist.female.first")):
        for name, share in read(os.path.join(args.names, filename)):
            # A name on both lists (Jane, Jordan) takes the sex with the larger share.
            if name not in first or share > first[name][0]:
                first[name] = (share, sex)
    last = read(os.path.join(args.names, "dist.all.last"), limit=args.surnames)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "first.tsv"), "w", encoding="utf-8") as handle:
        handle.write("# first name\tshare of the population (%)\tsex (US Census 1990, PyPI package names)\n")
        for name, (share, sex) in sorted(first.items()):
            handle.write(f"{name}\t{share}\t{sex}\n")
    with open(os.path.join(args.out, "last.tsv"), "w", encoding="utf-8") as handle:
        handle.write("# surname\tshare of the population (%) (US Census 1990, PyPI package names)\n")
        for name, share in last:
            handle.write(f"{name}\t{share}\n")
    ambiguous = sorted({name for name in list(first) + [n for n, _ in last] if name.lower() in dictionary})
    with open(os.path.join(args.out, "words.txt"), "w", encoding="utf-8") as handle:
        handle.write("# names that are also English words (wamerican word list)\n" + "\n".join(ambiguous) + "\n")


if __name__ == "__main__":
    main()
