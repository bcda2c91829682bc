#!/usr/bin/env python3
"""Build Plugins/phone-cn/area-codes.tsv: each mainland landline area code and the places it
serves, as location-cn place ids (province, and prefecture where the code names one).

Source: the geocoding data of libphonenumber, through the `phonenumbers` package (Apache-2.0),
in Chinese ("湖南省邵阳市"), matched against Plugins/location-cn/places.tsv by full name.
Usage: pip install phonenumbers && scripts/build_area_codes.py > Plugins/phone-cn/area-codes.tsv
"""
import os
import sys

import phonenumbers
from phonenumbers import geocoder

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def places():
    """Provinces as (name, id) and prefectures by province as (name, id), every full and short
    form, longest first so that a name is matched by its longest form."""
    provinces, prefectures = [], {}
    with open(os.path.join(ROOT, "Plugins/location-cn/places.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            columns = line.rstrip("\n").split("\t")
            ident, level, parent = columns[0], columns[1], columns[2]
            names = [columns[3]] + [name for name in columns[4].split("|") if name]
            if level == "province":
                provinces += [(name, ident) for name in names]
            elif level == "prefecture":
                prefectures.setdefault(parent, []).extend((name, ident) for name in names)
    provinces.sort(key=lambda entry: -len(entry[0]))
    for entries in prefectures.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return provinces, prefectures


def codes():
    yield "010"
    for second in range(0, 10):
        yield "02%d" % second
    for first in range(3, 10):
        for rest in range(0, 100):
            yield "0%d%02d" % (first, rest)


def main():
    provinces, prefectures = places()
    rows = []
    for code in codes():
        local = "62345678" if len(code) == 3 else "6234567"
        number = phonenumbers.parse("+86" + code[1:] + local)
        if not phonenumbers.is_valid_number(number):
            continue
        name = geocoder.description_for_number(number, "zh")
        if not name:
            continue
        match = next(((written, ident) for written, ident in provinces if name.startswith(written)), None)
        if match is None:
            print("skipped %s: %s names no province" % (code, name), file=sys.stderr)
            continue
        province = match[1]
        rest = name[len(match[0]):]
        prefecture = next((ident for written, ident in prefectures.get(province, []) if rest.startswith(written)), "") if rest else ""
        rows.append((code, province, prefecture))
    print("# area code\tprovince (location-cn id)\tprefecture (location-cn id, when the code names one)")
    print("# built by scripts/build_area_codes.py from libphonenumber's geocoding data (phonenumbers %s, Apache-2.0)" % phonenumbers.__version__)
    for row in rows:
        print("\t".join(row))


if __name__ == "__main__":
    main()
