#!/usr/bin/env python3
"""Writes chat.jsonl, the contact-leak corpus's seventh held-out split.

Written on 2026-12-02 after transcript.jsonl's misses had been read and fixed. Its genre: group-chat
exports and screenshots turned into text — WeChat and QQ group logs with timestamps and nicknames,
Telegram-style English chat, comment threads with replies — where people paste contact details in
whatever state they are in: with emoji between digits, with the number broken by a nickname's
line, with 微信 abbreviated to V or 🛰, with full-width digits mixed with ASCII, quoted replies that
repeat a number. Written from how such exports look, not from Veil's patterns; its first figure is
reported as held out.

Usage: chat.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

NICKS = ["小猫咪2019", "深圳打工仔", "Lily", "阿花不是花", "老周", "momo", "北漂十年", "奶茶续命", "Kevin_W", "风中的追风"]
EMOJI = ["😂", "🙏", "👍", "🔥", "❤️", "🌸"]


def stamp(rng):
    return f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def record(rng, index):
    doc = g.Doc()
    kind = index % 11
    nick = rng.choice(NICKS)
    doc.add(f"{stamp(rng)} {nick}\n")
    if kind == 0:
        d = g.mobile_digits(rng)
        emoji = rng.choice(EMOJI)
        value = rng.choice([f"{d[:3]}{emoji}{d[3:7]}{emoji}{d[7:]}", f"{d[:3]} {d[3:7]} {d[7:]}", d[:7].translate(g.FULLWIDTH) + d[7:]])
        doc.fill("有需要的直接打我电话 {} 备注群名", [(value, "PHONE_NUMBER")])
    elif kind == 1:
        wid = g.wechat_id(rng)
        doc.fill(rng.choice(["🛰️：{}", "V：{} 拉你", "薇❤{}", "vx➕{}", "加微 {} 秒通过"]), [(wid, "WECHAT_ID")])
    elif kind == 2:
        q = g.qq_number(rng)
        doc.fill("[回复 {}]: QQ多少？\n{}：{}", [(rng.choice(NICKS), None), (nick, None), (q, "QQ_NUMBER")])
    elif kind == 3:
        d = g.mobile_digits(rng)
        doc.fill("> 引用 {}：电话{}\n这个号码打不通啊", [(rng.choice(NICKS), None), (d, "PHONE_NUMBER")])
    elif kind == 4:
        email = g.email_local(rng) + rng.choice(["@qq.com", "@163.com", "@gmail.com"])
        doc.fill("资料发邮箱了吗？发这个 👉 {}", [(email, "EMAIL_ADDRESS")])
    elif kind == 5:
        address = g.cn_address(rng, rng.randrange(14))
        doc.fill("明天来取货，地址在这 📍{}", [(address, "ADDRESS")])
    elif kind == 6:
        d = g.mobile_digits(rng)
        doc.fill("my number: {} (whatsapp/wechat same)", [(f"+86 {d[:3]} {d[3:7]} {d[7:]}", "PHONE_NUMBER")])
    elif kind == 7:
        value = g.resident_id(rng)
        doc.fill("帮忙查下这个人 身份证{} 欠钱不还", [(value, "CN_RESIDENT_ID")])
    elif kind == 8:
        plate = g.plate(rng, rng.randrange(12))
        doc.fill("🚗{} 这车天天占我车位", [(plate, "CN_LICENSE_PLATE")])
    elif kind == 9:
        card = g.bank_card(rng)
        doc.fill("AA收款，转我这张卡{}，谢谢各位🙏", [(" ".join(card[i:i + 4] for i in range(0, len(card), 4)), "BANK_CARD")])
    else:
        doc.add(rng.choice(["今晚8点开黑，老地方", "群公告：禁止发广告，违者踢", "红包已领完 🧧", "2023年11月29日 第1期打卡 已有128人参与"]))
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "chat", 20261207, record)
