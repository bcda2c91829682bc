#!/usr/bin/env python3
"""Deterministic benchmark corpus for Veil: mixed Chinese and English forum posts and interview
transcript lines with a realistic density of names, places and identifiers (about one identifier
and one or two names or places per post), written as plain text, JSONL or CSV. No real data:
names are drawn from common surnames and given-name characters, places from location-cn's list,
numbers are generated (phone numbers with valid prefixes, ID numbers with their check character).

The `forum` layout is a forum dump as JSON lines (post_id, thread, author, body, posted_at) whose
authors include screen names and whose replies name authors of posts anywhere before them (回复…),
with later mentions of a person by title (王先生, 老王): what the Spark integration's tests and
figures run on (`Examples/forum-thread.yaml` is its policy).

The `dump` layout is a simpler forum dump (post_id, author, body, date; every body a reply with a
name, a phone and a QQ number), used for the dataset figures in the README:
`generate_corpus.py 100 dump --seed 1 > big.csv`.

Usage: generate_corpus.py SIZE_MB {text,jsonl,csv,dump,forum} [--seed N] > corpus.EXT
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰萍鹏辉斌宇浩凯健俊帆帅旭宁飞鑫波婷雪琳晶晨欣怡子涵梓轩浩然一诺佳琪思远"
EN_FIRST = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Susan", "Sarah", "Daniel"]
EN_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Clark"]
PINYIN = ["Lu Libing", "Zhou Daifu", "Wang Zhenyao", "Li Na", "Zhang Wei", "Chen Jing", "Liu Yang", "Ouyang Nana"]
FILLER_ZH = ["今天的天气不错，我们去公园散步吧。", "这个问题我也遇到过，后来找了客服才解决。", "大家有什么好的建议吗？",
             "上个月的账单还没有收到，不知道是不是寄丢了。", "谢谢楼主分享，学到了很多。", "我觉得还是要多沟通，别着急。",
             "订单号20231129123456的快递昨天到了，运费30元。", "房租每个月2500元，押金一个月。"]
FILLER_EN = ["We talked about the forum and how it started.", "It was a difficult year for the whole family.",
             "The meeting ran late, so we continued the next morning.", "Nobody expected the response to be so large."]


def places():
    names = []
    with open(os.path.join(HERE, "..", "Plugins", "location-cn", "places.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            columns = line.rstrip("\n").split("\t")
            if len(columns) >= 5 and columns[1] in ("province", "prefecture", "county"):
                names.append(columns[4].split("|")[0] or columns[3])
    return names


def resident_id(rng):
    body = "110105" + f"{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + f"{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    return body + check


def post(rng, place_names):
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
    other = rng.choice(SURNAMES) + rng.choice(GIVEN)
    place = rng.choice(place_names)
    kind = rng.random()
    if kind < 0.55:
        identifier = rng.choice([
            lambda: f"电话{rng.choice(['138', '139', '186', '159', '177'])}{rng.randint(10000000, 99999999)}",
            lambda: f"QQ：{rng.randint(10000000, 9999999999)}",
            lambda: f"微信 wx_{rng.randint(1000, 99999)}",
            lambda: f"身份证号{resident_id(rng)}",
            lambda: f"邮箱 user{rng.randint(1, 99999)}@163.com",
        ])()
        return f"回复{other}：我是{name}，住在{place}，{identifier}。{rng.choice(FILLER_ZH)}{rng.choice(FILLER_ZH)}"
    if kind < 0.8:
        return f"{rng.choice(FILLER_ZH)}{name}老师说{place}那边{rng.choice(FILLER_ZH)}{rng.choice(FILLER_ZH)}"
    speaker = rng.choice(PINYIN + [f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"])
    return (f"{speaker}: {rng.choice(FILLER_EN)} We met in {rng.choice(['Beijing', 'Ganzhou', 'Shanghai', 'Chengdu'])} "
            f"and you can reach me at +86 {rng.randint(130, 189)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}. {rng.choice(FILLER_EN)}")


def dump_row(rng, number):
    """One row of the `dump` layout."""
    author = rng.choice(DUMP_SURNAMES) + rng.choice(DUMP_GIVEN) + rng.choice(DUMP_GIVEN)
    other = rng.choice(DUMP_SURNAMES) + rng.choice(DUMP_GIVEN)
    body = (f"回复{other}：我在北京，电话138{rng.randint(10000000, 99999999)}，QQ {rng.randint(100000000, 999999999)}。"
            "今天的天气不错，我们去公园散步吧，顺便聊聊最近的工作和生活。")
    return f'{number},{author},"{body}",2023-01-{number % 28 + 1:02d}\n'


SCREEN_NAMES = ["小猫咪", "深圳打工仔", "阿花不是花", "lonely_cat", "北漂小王", "momo", "吃货一枚", "river_song"]


def forum_row(rng, number, authors, place_names):
    """One post of the `forum` layout; `authors` holds the authors so far (a reply names one)."""
    if rng.random() < 0.2:
        author = rng.choice(SCREEN_NAMES) + str(rng.randint(1970, 2024))
    else:
        author = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
    body = post(rng, place_names)
    if authors and rng.random() < 0.5:
        body = f"回复{rng.choice(authors)}：{body}"
    if rng.random() < 0.3 and not author[0].isascii():
        body += f"{author[0]}{rng.choice(['先生', '女士', '老师'])}说得对。"
    authors.append(author)
    if len(authors) > 50_000:
        del authors[: len(authors) // 2]
    post_record = {"post_id": number, "thread": f"thread-{number // 20}", "author": author, "body": body,
                   "posted_at": f"2023-{number % 12 + 1:02d}-{number % 28 + 1:02d} 09:{number % 60:02d}"}
    return json.dumps(post_record, ensure_ascii=False) + "\n"


DUMP_SURNAMES = SURNAMES[:20]
DUMP_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


def main():
    size = int(float(sys.argv[1]) * 1024 * 1024)
    layout = sys.argv[2]
    rng = random.Random(int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7)
    place_names = places() if layout != "dump" else []
    out = sys.stdout
    written = 0
    number = 0
    if layout == "csv":
        out.write("id,author,body\n")
    if layout == "dump":
        out.write("post_id,author,body,date\n")
    authors = []
    while written < size:
        if layout == "forum":
            line = forum_row(rng, number, authors, place_names)
            out.write(line)
            written += len(line.encode())
            number += 1
            continue
        if layout == "dump":
            line = dump_row(rng, number)
            out.write(line)
            written += len(line.encode())
            number += 1
            continue
        text = post(rng, place_names)
        if layout == "text":
            line = text + "\n"
        elif layout == "jsonl":
            line = json.dumps({"id": number, "text": text}, ensure_ascii=False) + "\n"
        else:
            author = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            line = f'{number},{author},"{text.replace(chr(34), chr(34) * 2)}"\n'
        out.write(line)
        written += len(line.encode())
        number += 1


if __name__ == "__main__":
    main()
