#!/usr/bin/env python3
"""Writes the word lists of Plugins/nrp: nationalities, religious and political groups (what
Presidio calls NRP and spaCy NORP), in English and Chinese.

- nationalities.txt: the demonym of every country and territory in the `countryinfo` package
  (1.0.1, MIT licence; its data is REST Countries'), each with its plural where English has one
  (Kenyan, Kenyans; Pakistani, Pakistanis; Icelander, Icelanders; not Chinese, Swiss), corrected
  and completed by the table below (Djibouti -> Djiboutian, Kyrgyz, Emiratis, Englishman …).
- groups.txt: religious, political and ethnic groups in English, written by hand below.
- groups-zh.txt: the 56 nationalities (民族) China recognizes, believers of the major religions,
  and members of political parties, written by hand below.

English words are matched only where they start with a capital (`case: capitalized` in
plugin.yaml): Polish, not polish; Liberal, not liberal. Left out on purpose: "English" (mostly
the language), names a word list cannot tell from other words (Han, Apache, Green), and parties
themselves (the Communist Party is an organization; a Communist is a person's group).

Usage: build_nrp.py PLUGIN_FOLDER   (pip install countryinfo==1.0.1)
"""
import glob
import json
import os
import sys

import countryinfo

# Demonyms countryinfo spells as the place's name, or not at all, or in a second common form.
FIXES = {"Djibouti": "Djiboutian", "Gibraltar": "Gibraltarian", "Christmas Island": "Christmas Islander",
         "Vaticanian": None, "Serbian/Montenegrin": None, "Heard and McDonald Islander": None,
         "South Georgia and the South Sandwich Islander": None, "Argentinean": "Argentine",
         "Cape Verdian": "Cape Verdean", "Comoran": "Comorian", "Maldivan": "Maldivian",
         "Tadzhik": "Tajik", "Kirghiz": "Kyrgyz", "Surinamer": "Surinamese", "Ecuadorean": "Ecuadorian"}
MORE_NATIONALITIES = [
    "Argentinean", "Ecuadorean", "Kyrgyzstani", "Tajikistani", "Uzbek", "Kazakh", "Turkmen", "Lao", "Filipina",
    "Slovenian", "Slovakian", "Kosovar", "Kosovan", "Scottish", "Scot", "Welsh", "Northern Irish", "Emirati",
    "Saudi", "Congolese", "Bosnian", "Herzegovinian", "Antiguan", "Barbudan", "Nevisian", "Kittitian",
    "Vincentian", "Grenadian", "Hong Konger", "Hongkonger", "Macanese", "Taiwanese", "Tibetan", "Sahrawi",
    "Afro-American", "Britisher", "Briton", "Brit", "Yankee", "Aussie", "Kiwi", "Québécois", "Quebecer",
]
# Singular nouns whose plural is not the singular with an s.
IRREGULAR = {"Englishman": "Englishmen", "Englishwoman": "Englishwomen", "Frenchman": "Frenchmen",
             "Frenchwoman": "Frenchwomen", "Irishman": "Irishmen", "Irishwoman": "Irishwomen",
             "Welshman": "Welshmen", "Welshwoman": "Welshwomen", "Scotsman": "Scotsmen",
             "Scotswoman": "Scotswomen", "Dutchman": "Dutchmen", "Dutchwoman": "Dutchwomen"}
# Adjectives that are no noun of a person (the Chinese, the Swiss: no plural of their own).
NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "ss", "Swiss", "Lao", "Welsh", "Irish", "Sami", "Turkmen", "Kyrgyz",
                     "Druze", "Amish", "Inuit", "Malagasy", "Northern Irish", "Québécois")

RELIGIOUS = [
    "Christian", "Catholic", "Roman Catholic", "Protestant", "Evangelical", "Pentecostal", "Baptist", "Methodist",
    "Lutheran", "Presbyterian", "Anglican", "Episcopalian", "Mormon", "Quaker", "Adventist", "Jehovah's Witness",
    "Mennonite", "Calvinist", "Amish", "Orthodox", "Eastern Orthodox", "Greek Orthodox", "Russian Orthodox",
    "Muslim", "Moslem", "Islamic", "Islamist", "Sunni", "Shia", "Shiite", "Shi'ite", "Sufi", "Salafi", "Salafist",
    "Wahhabi", "Ahmadi", "Ismaili", "Alawite", "Jew", "Jewish", "Hasidic", "Haredi", "Zionist", "Hindu", "Buddhist",
    "Sikh", "Jain", "Taoist", "Daoist", "Confucian", "Shinto", "Baha'i", "Bahá'í", "Zoroastrian", "Parsi",
    "Rastafarian", "Wiccan", "Druze", "Copt", "Coptic", "Yazidi", "Falun Gong practitioner", "Scientologist",
    "Unitarian", "Atheist", "Agnostic",
]
POLITICAL = [
    "Democrat", "Republican", "Tory", "Conservative", "Labourite", "Liberal Democrat", "Lib Dem", "Social Democrat",
    "Christian Democrat", "Communist", "Socialist", "Marxist", "Leninist", "Marxist-Leninist", "Maoist", "Trotskyist",
    "Fascist", "Nazi", "Neo-Nazi", "Libertarian", "Anarchist", "Whig", "Bolshevik", "Menshevik", "Peronist",
    "Chavista", "Baathist", "Ba'athist", "Gaullist", "Francoist", "Sandinista", "Zapatista", "Separatist",
    "Unionist", "Loyalist", "Nationalist", "Federalist", "Brexiteer", "Remainer", "Tea Partier", "MAGA Republican",
]
ETHNIC = [
    "Hispanic", "Latino", "Latina", "Latinx", "Arab", "Kurd", "Kurdish", "Uyghur", "Uighur", "Tibetan", "Han Chinese",
    "Pashtun", "Tamil", "Sinhalese", "Hutu", "Tutsi", "Yoruba", "Igbo", "Hausa", "Fulani", "Zulu", "Xhosa", "Maori",
    "Māori", "Aboriginal", "Aborigine", "Torres Strait Islander", "Inuit", "Sami", "Basque", "Catalan", "Flemish",
    "Walloon", "Berber", "Amazigh", "Bedouin", "Rohingya", "Hmong", "Roma", "Romani", "Gypsy", "Cherokee", "Navajo",
    "Sioux", "Lakota", "Ojibwe", "Afro-Caribbean", "African American", "African-American", "Asian American",
    "Asian-American", "Native American", "Native Hawaiian", "Pacific Islander", "First Nations", "Caucasian",
    "Anglo", "Slav", "Slavic", "Celtic", "Persian", "Punjabi", "Bengali", "Gujarati", "Sindhi", "Baloch", "Tatar",
    "Chechen", "Cossack", "Circassian", "Assyrian", "Chaldean", "Armenian American", "Afrikaner", "Boer",
]
PLURAL_OF_GROUP = {"Jehovah's Witness": "Jehovah's Witnesses", "Tory": "Tories", "Gypsy": "Gypsies",
                   "Falun Gong practitioner": "Falun Gong practitioners", "Roma": None, "Romani": None,
                   "Islamic": None, "Jewish": None, "Hasidic": None, "Haredi": "Haredim", "Coptic": None,
                   "Kurdish": None, "Slavic": None, "Celtic": None, "Orthodox": None, "Eastern Orthodox": None,
                   "Greek Orthodox": None, "Russian Orthodox": None, "Aboriginal": None, "Hispanic": "Hispanics",
                   "Shia": None, "Sioux": None, "Navajo": None, "First Nations": None, "Flemish": None,
                   "Han Chinese": None, "Rohingya": None, "Hmong": None, "Yoruba": None, "Igbo": None, "Hausa": None,
                   "Fulani": None, "Xhosa": None, "Maori": None, "Māori": None, "Lakota": None, "Baloch": None,
                   "Shinto": None, "Evangelical": "Evangelicals", "Catholic": "Catholics",
                   "Mosotho": "Basotho", "Motswana": "Batswana", "I-Kiribati": None, "Ni-Vanuatu": None, "Latinx": None}

# 民族: the 56 nationalities, as written with 族. 水族 and 土族 are left out (水族馆 is an aquarium,
# 本土族群 a native group): a word list cannot tell them from the words they stand in.
ETHNIC_ZH = [
    "汉族", "壮族", "满族", "回族", "苗族", "维吾尔族", "土家族", "彝族", "蒙古族", "藏族", "布依族", "侗族", "瑶族", "朝鲜族", "白族",
    "哈尼族", "哈萨克族", "黎族", "傣族", "畲族", "傈僳族", "仡佬族", "东乡族", "高山族", "拉祜族", "佤族", "纳西族", "羌族",
    "仫佬族", "锡伯族", "柯尔克孜族", "达斡尔族", "景颇族", "毛南族", "撒拉族", "布朗族", "塔吉克族", "阿昌族", "普米族", "鄂温克族",
    "怒族", "京族", "基诺族", "德昂族", "保安族", "俄罗斯族", "裕固族", "乌孜别克族", "门巴族", "鄂伦春族", "独龙族", "塔塔尔族",
    "赫哲族", "珞巴族", "维吾尔", "维吾尔人", "维族", "藏族人", "回民", "穆斯林", "客家人",
]
RELIGIOUS_ZH = [
    "基督徒", "基督教徒", "天主教徒", "新教徒", "东正教徒", "伊斯兰教徒", "回教徒", "佛教徒", "道教徒", "犹太教徒", "犹太人",
    "印度教徒", "锡克教徒", "摩门教徒", "耶和华见证人", "法轮功学员", "法轮功", "基督教", "天主教", "伊斯兰教", "东正教",
    "犹太教", "印度教", "锡克教", "摩门教", "藏传佛教", "喇嘛教", "全能神", "家庭教会", "地下教会",
]
POLITICAL_ZH = [
    "共产党员", "中共党员", "共青团员", "国民党员", "民进党员", "民主党人", "共和党人", "工党党员", "保守党人", "民主党派人士",
    "无党派人士", "台独分子", "藏独分子", "疆独分子", "港独分子", "民运人士", "异见人士",
]


def plural(word):
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word in PLURAL_OF_GROUP:
        return PLURAL_OF_GROUP[word]
    if word.endswith(NO_PLURAL_ENDINGS) or " " in word and word.split()[-1].endswith(NO_PLURAL_ENDINGS):
        return None
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "sh", "ch")):
        return word + "es"
    return word + "s"


def demonyms():
    folder = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    found = set()
    for path in glob.glob(os.path.join(folder, "*.json")):
        demonym = json.load(open(path, encoding="utf-8")).get("demonym") or ""
        for part in demonym.split(","):
            part = part.strip()
            part = FIXES.get(part, part)
            if part:
                found.add(part)
    return found | set(MORE_NATIONALITIES) | set(IRREGULAR)


def with_plurals(words):
    out = set()
    for word in words:
        out.add(word)
        more = plural(word)
        if more:
            out.add(more)
    return sorted(out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    nationalities = with_plurals(demonyms())
    groups = [w for w in with_plurals(RELIGIOUS + POLITICAL + ETHNIC) if w not in nationalities]
    zh = sorted(set(ETHNIC_ZH + RELIGIOUS_ZH + POLITICAL_ZH))
    for name, words in (("nationalities.txt", nationalities), ("groups.txt", groups), ("groups-zh.txt", zh)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            out.write("".join(word + "\n" for word in words))
        print(f"{name}: {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
