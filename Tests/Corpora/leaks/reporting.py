#!/usr/bin/env python3
"""Writes reporting.jsonl, the contact-leak corpus's eighth held-out split.

Written on 2026-12-02 after chat.jsonl's misses had been read and fixed. Its genre: English
reporting about Chinese platforms — news stories, NGO reports and court coverage about doxxing,
scams and harassment on Weibo, WeChat, QQ and Douyin, that quote the leaked details (which a
journalist then has to remove before publishing the source material). Sentences are long, numbers
sit inside clauses and parentheses, and the platforms' own words are translated ("QQ ID", "WeChat
username", "Alipay account"). Written from how such reporting reads; its first figure is reported
as held out.

Usage: reporting.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

OUTLETS = ["the outlet", "Sixth Tone", "the researchers", "the court", "the NGO", "police in Shenzhen", "the platform"]


def record(rng, index):
    doc = g.Doc()
    kind = index % 10
    who = rng.choice(OUTLETS)
    d = g.mobile_digits(rng)
    if kind == 0:
        phone = rng.choice([f"{d[:3]}-{d[3:7]}-{d[7:]}", f"(+86) {d[:3]} {d[3:7]} {d[7:]}", d, f"+86-{d}"])
        doc.fill("The post, which listed her mobile number as {} and was shared more than 2,000 times, was removed after {} intervened.",
                 [(phone, "PHONE_NUMBER"), (who, None)])
    elif kind == 1:
        q = g.qq_number(rng)
        doc.fill("According to {}, the group's administrator used a QQ ID ({}) registered in 2009.", [(who, None), (q, "QQ_NUMBER")])
    elif kind == 2:
        wid = g.wechat_id(rng)
        doc.fill("Screenshots seen by {} show a WeChat username, {}, alongside a payment code.", [(who, None), (wid, "WECHAT_ID")])
    elif kind == 3:
        email = g.email_local(rng) + "@" + rng.choice(["163.com", "qq.com", "126.com", "sina.com"])
        doc.fill("Victims were told to send documents to {}, an address that {} later traced to a call center.", [(email, "EMAIL_ADDRESS"), (who, None)])
    elif kind == 4:
        rid = g.resident_id(rng)
        doc.fill("The leaked spreadsheet paired each name with a national ID number — one row reads {} — and a home address.", [(rid, "CN_RESIDENT_ID")])
    elif kind == 5:
        card = g.bank_card(rng)
        doc.fill("Transfers went to a China Construction Bank card ending in {}, whose full number, {}, appeared in the indictment.",
                 [(card[-4:], None), (card, "BANK_CARD")])
    elif kind == 6:
        plate = g.plate(rng, rng.randrange(12))
        doc.fill("Witnesses photographed a white sedan with the license plate {} leaving the scene.", [(plate, "CN_LICENSE_PLATE")])
    elif kind == 7:
        address = g.cn_address(rng, rng.randrange(14))
        doc.fill("The harassers posted her address — {} — in a Weibo thread titled with her name.", [(address, "ADDRESS")])
    elif kind == 8:
        landline, _ = g.landline(rng, rng.randrange(10))
        doc.fill("Reached by phone at the company's office line, {}, a spokesperson declined to comment.", [(landline, "PHONE_NUMBER")])
    else:
        doc.add(rng.choice(["The thread drew 12,345 comments in 48 hours.", "Case No. (2023) Jing 0105 Min Chu 12345 was filed on November 29.",
                            "Some 1,380,000 users were affected, the company said.", "The account, with 138,000 followers, was suspended."]))
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "reporting", 20261208, record)
