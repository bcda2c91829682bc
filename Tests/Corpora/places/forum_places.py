#!/usr/bin/env python3
"""Writes `heldout.jsonl`, a `veil eval` gold file of places in Chinese forum posts and transcripts:
every place a post names is a LOCATION span, and a written chain (江苏省海门市, 湖南长沙, 于都县罗坳镇)
is one span. Score it with chains counted as one place on both sides:

    veil eval --gold Tests/Corpora/places/heldout.jsonl --entities LOCATION --place-chains

Written on 2026-12-02 for issue 15 without running Veil on it (first scored exact F1 0.919; see README). Place names come from Faker's zh_CN
address provider (MIT licence; `pip install faker`): its provinces, cities and districts, not
Veil's gazetteer, and combined at random (a chain need not be a real one: what is scored is
finding the places, not knowing which contains which). Towns and villages are made of Faker's
street names' first characters and 镇, 乡 or 村. Posts without a place (and with people's names)
measure what is found where nothing should be.

Usage: forum_places.py [--count N] [--seed S] [--out DIR]
"""
import argparse
import json
import os
import random
import sys

from faker import Faker

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import frames  # noqa: E402  (Tests/Corpora/frames.py)

# {A} province, {C} city, {D} district or county, {T} town or village; a chain is written inside
# [ ], e.g. [{A}{C}] is one span. {P} is a person's full name (not a place).
FRAMES = [
    "【寻亲】本人{P}，1988年出生在[{A}{C}]，后被抱养到[{C2}]，希望找到亲生父母。",
    "我老家是[{A}{C}{D}{T}]的，现在在[{C2}]打工。",
    "楼主坐标[{C}]，有没有[{C}]的朋友一起组队？",
    "受访者：{P}\n问：您是哪里人？\n答：[{A}]人，[{D}]那边的。",
    "请问从[{C}]到[{C2}]坐高铁要多久？",
    "{P}说她小时候住在[{C}{D}]，后来搬到了[{A}]。",
    "快递寄到[{A}{C}{D}]，麻烦尽快发货。",
    "我是[{C}]人，在[{C2}]读的大学，现在定居[{A}]。",
    "我们一家去年去了[{C}]旅游，[{C}]的美食真不错。",
    "{P}的孩子在[{D}{T}]走失，请[{C}]的网友帮忙留意。",
    "今天和{P}聊天，他说下个月回[{A}{C}]过年。",
    "有没有人知道[{D}]的福利院以前在哪？",
    "谢谢大家，问题已经解决了。",
    "{P}和{Q}是大学同学，关系一直很好。",
    "这个帖子我顶一下，希望早日团圆。",
]


def town(fake, rng):
    street = fake.street_name()
    stem = street[:2] if len(street) >= 3 else street[:1] + fake.last_name()
    return stem + rng.choice(["镇", "乡", "村"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    fake = Faker("zh_CN")
    fake.seed_instance(args.seed)
    rng = random.Random(args.seed)
    with open(os.path.join(args.out, "heldout.jsonl"), "w", encoding="utf-8") as out:
        for number in range(args.count):
            city, other = fake.city_name(), fake.city_name()
            while other == city:
                other = fake.city_name()
            values = {"A": fake.province(), "C": city + rng.choice(["", "市"]), "C2": other + rng.choice(["", "市"]),
                      "D": fake.district() + rng.choice(["区", "县"]), "T": town(fake, rng), "P": fake.name(), "Q": fake.name()}
            text, spans = frames.render(rng.choice(FRAMES), values)
            record = {"id": f"places:{number}", "text": text, "spans": [{"start": s, "end": e, "entity": "LOCATION"} for s, e in spans]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
