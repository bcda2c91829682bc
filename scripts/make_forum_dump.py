#!/usr/bin/env python3
"""Generate a synthetic forum dump for throughput and memory measurements (no real data):
post_id, author (a Chinese name), body (a reply naming someone, a mobile number, a QQ number),
date. Usage: make_forum_dump.py SIZE_MB [--seed N] > big.csv

    python3 scripts/make_forum_dump.py 100 > /tmp/big.csv
    /usr/bin/time -v .build/release/veil anonymize --policy P /tmp/big.csv -o /tmp/out.csv
"""
import random
import sys

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


def main():
    size = int(float(sys.argv[1]) * 1024 * 1024)
    random.seed(int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1)
    out = sys.stdout
    out.write("post_id,author,body,date\n")
    written, number = 0, 0
    while written < size:
        author = random.choice(SURNAMES) + random.choice(GIVEN) + random.choice(GIVEN)
        other = random.choice(SURNAMES) + random.choice(GIVEN)
        body = (f"回复{other}：我在北京，电话138{random.randint(10000000, 99999999)}，QQ {random.randint(100000000, 999999999)}。"
                "今天的天气不错，我们去公园散步吧，顺便聊聊最近的工作和生活。")
        line = f'{number},{author},"{body}",2023-01-{number % 28 + 1:02d}\n'
        out.write(line)
        written += len(line.encode())
        number += 1


if __name__ == "__main__":
    main()
