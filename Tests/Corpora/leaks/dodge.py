#!/usr/bin/env python3
"""Writes dodge.jsonl, the contact-leak corpus's thirteenth held-out split.

Written on 2026-12-02 before any of its documents were run through Veil. Its genre: posts on
platforms that scan for contact details and hide them — second-hand markets, Tieba, Douban groups,
short-video comments — where sellers and recruiters write numbers so the platform's filter misses
them: circled and parenthesized digits (①③⑧, ⑴), keycap emoji (1️⃣3️⃣8️⃣), superscript and
subscript digits, digits split by symbols or words (1-3-8, 1看3看8), letters that look like digits
(O for 0, l for 1) inside a number, 加V/薇/威/V❤ and 扣/企鹅 for WeChat and QQ, and IDs spelled
with spaces. Values come from this script's own generators. Hard negatives: prices, ranks,
dates, model numbers, emoji runs without digits.

Usage: dodge.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨"
PAREN = ["⑴", "⑵", "⑶", "⑷", "⑸", "⑹", "⑺", "⑻", "⑼"]
KEYCAP = ["0\ufe0f\u20e3", "1\ufe0f\u20e3", "2\ufe0f\u20e3", "3\ufe0f\u20e3", "4\ufe0f\u20e3", "5\ufe0f\u20e3", "6\ufe0f\u20e3", "7\ufe0f\u20e3",
          "8\ufe0f\u20e3", "9\ufe0f\u20e3"]
SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"
DOUBLE = "𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡"
SEGMENTS = ["131", "132", "134", "135", "137", "139", "150", "153", "155", "157", "176", "178", "182", "185", "186", "191", "198"]
LATIN = "abcdefghijklmnopqrstuvwxyz"


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def disguise(rng, number, style):
    """A number written so a filter for ASCII digits misses it."""
    if style == 0:
        return "".join(CIRCLED[int(c)] for c in number)
    if style == 1:
        return "".join(KEYCAP[int(c)] for c in number)
    if style == 2:
        return "".join(SUPER[int(c)] for c in number)
    if style == 3:
        return "".join(DOUBLE[int(c)] for c in number)
    if style == 4:
        # Letters that look like digits: O for 0, l or I for 1.
        return "".join({"0": rng.choice("Oo"), "1": rng.choice("lI")}.get(c, c) for c in number)
    if style == 5:
        # A word or symbol between every digit or every few.
        sep = rng.choice(["-", "*", "。", "~", "看", "/"])
        return sep.join(number)
    if style == 6:
        return "".join(PAREN[int(c) - 1] if c != "0" else "0" for c in number)
    # Mixed: some plain, some circled.
    return "".join(CIRCLED[int(c)] if rng.random() < 0.5 else c for c in number)


def wechat(rng):
    return rng.choice([lambda: rng.choice(LATIN) + "".join(rng.choice(LATIN + "0123456789_") for _ in range(rng.randint(5, 12))),
                       lambda: rng.choice(["xiaomei", "ahua", "lele", "dudu", "tangtang"]) + digits(rng, rng.randint(2, 5))])()


def document(rng, index):
    doc = g.Doc()
    kind = index % 5
    style = rng.randrange(8)
    if kind == 0:
        number = rng.choice(SEGMENTS) + digits(rng, 8)
        doc.add(rng.choice(["九成新iPad出，", "转让二手婴儿车，", "出两张周六演唱会门票，原价出，", "闲置投影仪低价出，"]))
        doc.add(f"价格{rng.randint(50, 3000)}可小刀，")
        doc.add(rng.choice(["平台不让留电话，", "私信不回就", "急的"])).add(rng.choice(["打", "call ", "电话", "手机", "☎️"]))
        doc.add(disguise(rng, number, style), "PHONE_NUMBER").add(rng.choice(["", "，同城自提", "（晚上）", " 非诚勿扰"]))
    elif kind == 1:
        q = str(rng.randint(1, 9)) + digits(rng, rng.choice([7, 8, 9]))
        doc.add(rng.choice(["资源在群里，", "想要教程的", "组队开黑的", "考研资料打包，"]))
        doc.add(rng.choice(["加扣", "扣扣", "企鹅", "Q", "秋秋"])).add(rng.choice(["：", " ", ""]))
        doc.add(disguise(rng, q, style), "QQ_NUMBER").add(rng.choice(["", "，备注贴吧", " 进群暗号123", "～"]))
    elif kind == 2:
        w = wechat(rng)
        doc.add(rng.choice(["兼职日结，", "招聘宝妈在家做，", "代购有需要的", "租房找我，"]))
        doc.add(rng.choice(["加V：", "薇：", "威❤️：", "V❤", "+v ", "绿泡泡 "]))
        spelled = rng.random() < 0.4
        doc.add(" ".join(w) if spelled else w, "WECHAT_ID").add(rng.choice(["", "（备注来意）", " 秒通过", "，不闲聊"]))
    elif kind == 3:
        number = rng.choice(SEGMENTS) + digits(rng, 8)
        q = str(rng.randint(1, 9)) + digits(rng, 8)
        doc.add(rng.choice(["评论区说不了，", "看主页，", "懂的来，"]))
        doc.add(rng.choice(["tel", "电", "📞", "手机号"])).add(rng.choice(["：", " ", ""])).add(disguise(rng, number, style), "PHONE_NUMBER")
        doc.add(rng.choice(["，扣", "，q ", " 或者企鹅"])).add(disguise(rng, q, (style + 3) % 8), "QQ_NUMBER")
    else:
        # Hard negatives: prices, ranks, model numbers, emoji and circled list markers without a number to hide.
        doc.add(rng.choice(["①成色好 ②无划痕 ③配件齐全，", "1️⃣先拍照 2️⃣再发货，", "⑴不退不换 ⑵当面交易，"]))
        doc.add(f"型号{rng.choice(['RTX', 'GTX', 'iPhone'])} {rng.randint(10, 4090)}，")
        doc.add(rng.choice([f"原价{rng.randint(1000, 9999)}现价{rng.randint(100, 999)}", f"排名第{rng.randint(1, 500)}", f"{rng.randint(2019, 2024)}年{rng.randint(1, 12)}月买的"]))
        doc.add(rng.choice(["，私聊", "，站内信联系", "。"]))
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "dodge", 20261204, document)
