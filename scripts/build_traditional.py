#!/usr/bin/env python3
"""Write Plugins/person-zh/traditional.tsv: traditional Chinese characters and the simplified
character `person-zh` reads each as, so that names written in traditional characters (陳冠希,
韋文珊, 黃) meet the same surname, given-name and tagger statistics as simplified ones.

Source: OpenCC's TSCharacters.txt (Apache License 2.0), as shipped in the PyPI package
opencc-python-reimplemented 0.1.7 (opencc/dictionary/TSCharacters.txt). Kept: one-to-one
mappings of characters of the Basic Multilingual Plane; a character that is also written as itself
in simplified text (乾 → 干 or 乾) is left out, for reading it as another would be wrong there.

    pip download opencc-python-reimplemented==0.1.7 --no-deps -d /tmp/occ && unzip -q /tmp/occ/*.whl -d /tmp/occ/x
    python3 scripts/build_traditional.py /tmp/occ/x/opencc/dictionary/TSCharacters.txt > Plugins/person-zh/traditional.tsv
"""
import sys


def main():
    rows = []
    with open(sys.argv[1], encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2:
                continue
            source, targets = parts[0], parts[1].split(" ")
            if len(source) != 1 or source in targets or ord(source) > 0xFFFF:
                continue
            target = targets[0]
            if len(target) != 1 or ord(target) > 0xFFFF:
                continue
            rows.append((source, target))
    print("# Traditional character, simplified character (OpenCC TSCharacters.txt, Apache-2.0; scripts/build_traditional.py)")
    for source, target in sorted(rows):
        print(f"{source}\t{target}")


if __name__ == "__main__":
    main()
