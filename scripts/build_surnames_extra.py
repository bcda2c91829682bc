#!/usr/bin/env python3
"""Writes Plugins/person-zh/surnames-extra.txt: the single-character surnames of the Hundred Family
Surnames (百家姓) that People's Daily January 1998 never shows as a surname, so surnames.tsv lacks
them (甄, 刁, 臧, 蔺 …) — those the corpus writes fewer than RARE times at all. person-zh's rules read them as surnames of unknown chance
(the others, marked `title`, only before a form of address: 连小姐); the tagger's
features do not use them (they come from surnames.tsv alone, as the tagger was trained).

Source: the list `SINGLE_CHINESE_FAMILY_NAME` in jionlp's `jionlp/rule/rule_pattern.py` (PyPI
**jionlp** 1.5.31, Apache License 2.0); the 百家姓 itself is a classical text in the public domain.

Usage: build_surnames_extra.py path/to/jionlp/rule/rule_pattern.py > Plugins/person-zh/surnames-extra.txt
"""
import ast
import os
import sys

PLUGIN = os.path.join(os.path.dirname(__file__), "..", "Plugins", "person-zh")
# A character People's Daily's month writes this often or more is left out.
RARE = 150


def main():
    source = open(sys.argv[1], encoding="utf-8").read()
    tree = ast.parse(source)
    # The first assignment is the whole list (a later one narrows it to the commonest).
    names = next(ast.literal_eval(node.value) for node in tree.body
                 if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "SINGLE_CHINESE_FAMILY_NAME" for t in node.targets))
    known = {line.split("\t")[0] for line in open(os.path.join(PLUGIN, "surnames.tsv"), encoding="utf-8") if not line.startswith("#")}
    # How often People's Daily writes each character at all (given.tsv's third column): one it writes
    # often (国, 海, 明, 平) is mostly another word, and is left out.
    occurrences = {}
    for line in open(os.path.join(PLUGIN, "given.tsv"), encoding="utf-8"):
        if not line.startswith("#") and line.count("\t") == 2:
            char, _, count = line.rstrip("\n").split("\t")
            occurrences[char] = int(count)
    missing = [c for c in dict.fromkeys(names) if c not in known and "\u4e00" <= c <= "\u9fff"]
    extra = [c for c in missing if occurrences.get(c, 0) < RARE]
    # The rest (连, 干, 卫 …) are mostly other words; only a form of address after one (连小姐,
    # 干老师) reads it as a surname: marked `title`.
    titled = [c for c in missing if occurrences.get(c, 0) >= RARE]
    print("# Surnames of the 百家姓 absent from surnames.tsv; built by scripts/build_surnames_extra.py from jionlp (Apache-2.0). See SOURCES.md.")
    print("# A second column `title`: a character mostly written as another word, a surname only before a form of address.")
    for name in extra:
        print(name)
    for name in titled:
        print(f"{name}\ttitle")


if __name__ == "__main__":
    main()
