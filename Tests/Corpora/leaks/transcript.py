#!/usr/bin/env python3
"""Writes transcript.jsonl, the contact-leak corpus's sixth held-out split.

Written on 2026-12-02 after courier.jsonl's misses had been read and fixed. Its genre is the one
journalists bring: interview transcripts and voice-message transcriptions, where contact details
are spoken — 幺 for 1 in a phone number (幺三九), digits in Chinese numerals with pauses, a QQ number
read in pairs, an e-mail spelled out (lily dot zhang at gmail dot com, 莉莉点张 艾特 一六三点com),
an address with Chinese numerals (望京西园三区十二号楼), English numbers said word by word (five five
five, one two three …). Written from how speech is transcribed, not from Veil's patterns. Its first
figure is reported as held out.

Usage: transcript.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

SPOKEN = {"0": ["零", "洞"], "1": ["幺", "一"], "2": ["二", "两"], "3": ["三"], "4": ["四"], "5": ["五"], "6": ["六"], "7": ["七"],
          "8": ["八"], "9": ["九"], "X": ["X", "叉"]}
WORDS = {"0": ["zero", "oh"], "1": ["one"], "2": ["two"], "3": ["three"], "4": ["four"], "5": ["five"], "6": ["six"], "7": ["seven"],
         "8": ["eight"], "9": ["nine"]}
CN_NUM = "零一二三四五六七八九"


def spoken_cn(digits, rng, groups):
    """Digits read aloud in Chinese, with 幺 for 1 most of the time and pauses between groups."""
    out, index = [], 0
    for size in groups:
        part = digits[index:index + size]
        index += size
        out.append("".join(rng.choice(SPOKEN[d]) if d in "102" else SPOKEN[d][0] for d in part))
    if index < len(digits):
        out.append("".join(SPOKEN[d][0] for d in digits[index:]))
    return rng.choice(["，", " ", "、", "…"]).join(out)


def spoken_en(digits, rng, groups):
    out, index = [], 0
    for size in groups:
        out.append(" ".join(rng.choice(WORDS[d]) for d in digits[index:index + size]))
        index += size
    return ", ".join(out)


def cn_number(n):
    """12 → 十二, 305 → 三百零五 (small numbers only)."""
    if n < 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n % 10] if n % 10 else "")
    if n < 100:
        return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    return CN_NUM[hundreds] + "百" + ("" if rest == 0 else ("零" + CN_NUM[rest] if rest < 10 else cn_number(rest) if rest >= 20 else "一" + cn_number(rest)))


def record(rng, index):
    doc = g.Doc()
    kind = index % 10
    speaker = rng.choice(["受访者", "A", "王女士", "当事人", "B"])
    if kind == 0:
        d = g.mobile_digits(rng)
        doc.fill("记者：方便留个电话吗？\n{}：可以，我号码是{}，白天打。", [(speaker, None), (spoken_cn(d, rng, [3, 4, 4]), "PHONE_NUMBER")])
    elif kind == 1:
        d = g.mobile_digits(rng)
        doc.fill("[语音转文字] 你记一下啊，{}，记住了吗", [(spoken_cn(d, rng, rng.choice([[3, 4, 4], [3, 3, 5], [11]])), "PHONE_NUMBER")])
    elif kind == 2:
        q = g.qq_number(rng)
        pairs = [2] * (len(q) // 2)
        doc.fill("{}：他QQ是……{}，对，就这个。", [(speaker, None), (spoken_cn(q, rng, pairs), "QQ_NUMBER")])
    elif kind == 3:
        local = rng.choice(g.PINYIN) + rng.choice(["", "."]) + rng.choice(g.GIVEN)
        domain = rng.choice(["gmail", "163", "qq", "outlook"])
        spoken = rng.choice([f"{local.replace('.', ' dot ')} at {domain} dot com", f"{local.replace('.', '点')} 艾特 {domain}点com",
                             f"{local.replace('.', ' dot ')} at {domain}.com"])
        doc.fill("Q: And your email?\nA: It's {}, all lowercase.", [(spoken, "EMAIL_ADDRESS")])
    elif kind == 4:
        d = "555" + "".join(rng.choice("0123456789") for _ in range(7))
        doc.fill("REPORTER: Can we call you back?\nSOURCE: Sure, it's {}.", [(spoken_en(d, rng, [3, 3, 4]), "PHONE_NUMBER")])
    elif kind == 5:
        district = rng.choice(["朝阳区", "海淀区", "洪山区", "天河区"])
        estate = rng.choice(["望京西园", "翠苑", "阳光花园", "锦绣家园", "和平里"])
        address = rng.choice([f"{district}{estate}{cn_number(rng.randint(1, 9))}区{cn_number(rng.randint(1, 30))}号楼{cn_number(rng.randint(1, 6))}单元",
                              f"{estate}{cn_number(rng.randint(1, 30))}栋{spoken_cn(str(rng.randint(101, 1808)), rng, [4])}",
                              f"{district}{rng.choice(['建设路', '中山路', '解放大道'])}{cn_number(rng.randint(1, 300))}号"])
        doc.fill("{}：我住在{}，你过来就行。", [(speaker, None), (address, "ADDRESS")])
    elif kind == 6:
        wid = g.wechat_id(rng)
        doc.fill("{}：加我微信吧，微信号是{}，你搜一下。", [(speaker, None), (" ".join(wid) if rng.random() < 0.3 else wid, "WECHAT_ID")])
    elif kind == 7:
        value = g.resident_id(rng)
        doc.fill("{}：身份证号我念一下，{}。", [(speaker, None), (spoken_cn(value, rng, [6, 8, 4]) if rng.random() < 0.5 else value, "CN_RESIDENT_ID")])
    elif kind == 8:
        d = g.mobile_digits(rng)
        doc.fill("SOURCE: My Chinese number is plus eight six, {}.", [(spoken_en(d, rng, [3, 4, 4]), "PHONE_NUMBER")])
    else:
        doc.add(rng.choice(["记者：那是哪一年的事？\n受访者：二〇一九年，十一月二十九号。", "Q: How many people?\nA: About one hundred and twenty.",
                            "当时一共赔了三万两千五百块。", "会议室在三楼，下午两点半开始。"]))
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "transcript", 20261206, record)
