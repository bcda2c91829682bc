#!/usr/bin/env python3
"""Build Plugins/person-zh/given-gender.tsv: for each given-name character, how often it was seen
in men's and in women's names, so that a given-name pseudonym keeps the likely gender of the
original (谭秀英 → a name read as a woman's).

Source: charfreq.csv of the `ngender` package (MIT licence), counts of characters in the given
names of a large list of Chinese names with their gender. Characters seen fewer than 50 times are
left out. Usage: pip download ngender --no-deps && tar xzf ngender-*.tar.gz &&
scripts/build_given_gender.py ngender-*/ngender/charfreq.csv > Plugins/person-zh/given-gender.tsv
"""
import csv
import sys


def main(path):
    print("# character\tin men's given names\tin women's given names (ngender charfreq.csv, MIT; scripts/build_given_gender.py)")
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            male, female = int(row["male"]), int(row["female"])
            if len(row["char"]) == 1 and male + female >= 50:
                print("%s\t%d\t%d" % (row["char"], male, female))


if __name__ == "__main__":
    main(sys.argv[1])
