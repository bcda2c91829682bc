#!/usr/bin/env python3
"""Writes Plugins/person-en/world.tsv: first names and surnames of 100+ countries, for the English
tagger's name-list features (a word no US census list holds may still be a name somewhere: Pietra,
Kroczak, Sihombing, Ζηνοβία).

Source: the `names-dataset` package 3.x (Philippe Rémy; Apache License 2.0; its data was gathered
from public Facebook profiles of 106 countries). For each country, its most common first names of
each sex and its most common surnames. Dropped: words that are common in English (wordfreq Zipf
frequency 3.3 or more — about the 8,000 commonest words: will, page, long, van), words of one
letter, and words with characters other than letters, an apostrophe or a hyphen.

Columns: the name lower-cased, then F (a first name), L (a surname) or FL (both).

Usage: build_person_en_world.py [--first N] [--last N] > Plugins/person-en/world.tsv
  (pip install names-dataset wordfreq)
"""
import argparse
import sys

from names_dataset import NameDataset
from wordfreq import zipf_frequency


def usable(name):
    core = name.replace("'", "").replace("-", "")
    return len(core) >= 2 and core.isalpha() and zipf_frequency(name.lower(), "en") < 3.3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--first", type=int, default=600, help="first names per country and sex")
    parser.add_argument("--last", type=int, default=800, help="surnames per country")
    args = parser.parse_args()
    dataset = NameDataset()
    countries = sorted(dataset.get_country_codes(alpha_2=True))
    kinds = {}
    for country in countries:
        top = dataset.get_top_names(n=args.first, country_alpha2=country).get(country, {})
        for names in top.values():
            for name in names:
                if usable(name):
                    kinds.setdefault(name.lower(), set()).add("F")
        top = dataset.get_top_names(n=args.last, use_first_names=False, country_alpha2=country).get(country, [])
        for name in top:
            if usable(name):
                kinds.setdefault(name.lower(), set()).add("L")
    print(f"# name\tF first, L surname: names-dataset (Apache-2.0), {len(countries)} countries; scripts/build_person_en_world.py")
    for name in sorted(kinds):
        print(f"{name}\t{''.join(sorted(kinds[name]))}")
    print(f"{len(kinds)} names from {len(countries)} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
