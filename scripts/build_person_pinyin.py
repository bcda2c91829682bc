#!/usr/bin/env python3
"""Build the data of Plugins/person-pinyin from the PyPI package pypinyin (MIT) and the name
statistics of person-zh (see scripts/build_person_zh.py):

  syllables.txt      every Mandarin syllable (toneless, ü written v), for telling pinyin from English
  readings.tsv       character -> toneless pinyin, for every character in person-zh's name tables
                     (first reading; surnames with a special reading, such as 曾 Zeng and 单 Shan,
                     take it from the table below)
  surnames.tsv, given.tsv, foreign.tsv, given-gender.tsv   copied from Plugins/person-zh, so pseudonyms of romanized names are
                     drawn exactly as those of names in characters are
  variants.tsv       Hong Kong, Taiwan and older spellings of common surnames (Wong, Cheung, Chan …),
                     written by hand: surname in characters, then the spellings

Usage: build_person_pinyin.py --pinyin pypinyin/ --person-zh Plugins/person-zh --out Plugins/person-pinyin
"""
import argparse
import json
import os
import shutil
import unicodedata

SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "区": "ou", "解": "xie", "查": "zha", "朴": "piao", "乐": "yue", "覃": "qin",
    "翟": "zhai", "盖": "ge", "缪": "miao", "种": "chong", "繁": "po", "员": "yun", "召": "shao", "尉迟": "yuchi",
    "长孙": "zhangsun", "万俟": "moqi", "单于": "chanyu", "澹台": "tantai", "沈": "shen", "贾": "jia", "柏": "bai",
    "秘": "bi", "宁": "ning", "葛": "ge", "阚": "kan", "莘": "shen", "任": "ren", "华": "hua", "纪": "ji", "冼": "xian",
}
VARIANTS = {
    "王": ["Wong"], "黄": ["Wong", "Huang"], "张": ["Cheung", "Chang"], "陈": ["Chan", "Chen"], "李": ["Lee", "Li"],
    "刘": ["Lau", "Liu"], "何": ["Ho"], "吴": ["Ng", "Wu"], "曾": ["Tsang", "Tseng"], "梁": ["Leung"], "周": ["Chow", "Chou"],
    "叶": ["Yip", "Yeh"], "郭": ["Kwok", "Kuo"], "林": ["Lam", "Lin"], "邓": ["Tang", "Teng"], "冯": ["Fung", "Feng"],
    "许": ["Hui", "Hsu"], "赵": ["Chiu", "Chao"], "黎": ["Lai"], "麦": ["Mak"], "谢": ["Tse", "Hsieh"], "杨": ["Yeung", "Yang"],
    "朱": ["Chu"], "谭": ["Tam"], "关": ["Kwan"], "萧": ["Siu", "Hsiao"], "唐": ["Tong"], "郑": ["Cheng"], "蔡": ["Tsai", "Choi"],
    "蒋": ["Chiang"], "廖": ["Liao", "Liu"], "苏": ["So", "Su"], "罗": ["Law", "Lo"], "卢": ["Lo", "Lu"], "孙": ["Suen", "Sun"],
    "徐": ["Tsui", "Hsu"], "胡": ["Wu", "Hu"], "高": ["Ko", "Kao"], "江": ["Kong", "Chiang"], "钟": ["Chung"], "潘": ["Poon", "Pan"],
    "袁": ["Yuen"], "莫": ["Mok"], "彭": ["Pang"], "邱": ["Yau", "Chiu"], "余": ["Yu", "Yue"], "欧阳": ["Au-Yeung", "Auyeung"],
}


def plain(reading):
    text = unicodedata.normalize("NFD", reading)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return text.replace("ü", "v")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pinyin", required=True)
    parser.add_argument("--person-zh", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(os.path.join(args.pinyin, "pinyin_dict.json"), encoding="utf-8") as handle:
        readings = {chr(int(code)): value.split(",") for code, value in json.load(handle).items()}
    syllables = sorted({plain(r) for values in readings.values() for r in values if plain(r).isascii() and plain(r).isalpha()})
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "syllables.txt"), "w", encoding="utf-8") as handle:
        handle.write("# toneless Mandarin syllables (pypinyin)\n" + "\n".join(syllables) + "\n")
    names = set()
    for table in ("surnames.tsv", "given.tsv", "foreign.tsv", "given-gender.tsv"):
        shutil.copy(os.path.join(args.person_zh, table), os.path.join(args.out, table))
        with open(os.path.join(args.person_zh, table), encoding="utf-8") as handle:
            names.update(line.split("\t")[0] for line in handle if not line.startswith("#"))
    with open(os.path.join(args.out, "readings.tsv"), "w", encoding="utf-8") as handle:
        handle.write("# characters and compound surnames -> toneless pinyin (pypinyin; surname readings in the script)\n")
        for name in sorted(names):
            if name in SURNAME_READINGS:
                reading = SURNAME_READINGS[name]
            elif len(name) == 1 and name in readings:
                reading = plain(readings[name][0])
            elif all(c in readings for c in name):
                reading = "".join(plain(readings[c][0]) for c in name)
            else:
                continue
            handle.write(f"{name}\t{reading}\n")
    with open(os.path.join(args.out, "variants.tsv"), "w", encoding="utf-8") as handle:
        handle.write("# surname -> Hong Kong, Taiwan and older spellings (by hand)\n")
        for surname, spellings in VARIANTS.items():
            handle.write(f"{surname}\t{'|'.join(spellings)}\n")


if __name__ == "__main__":
    main()
