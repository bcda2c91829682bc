#!/usr/bin/env python3
"""Writes other.jsonl, the contact-leak corpus's fourth held-out split.

Written on 2026-12-02 after fresh.jsonl's misses had been read and fixed, to see whether those
fixes generalize. Its values come from Mimesis (MIT licence; `pip install mimesis`), another PII
generator than the other splits' (zh and en locales: telephone numbers, street addresses with
city, province and postcode, card numbers, e-mail addresses, user names) plus QQ numbers, resident
IDs and plates drawn here, and its frames from genres no other split uses: WeChat Moments and
Douban group posts, Zhihu answers, property-management and school notices, Reddit-style posts by
students abroad, English court and business reporting. Its first figure is reported as held out.

Usage: other.py [--count N] [--seed S] [--out DIR]
"""
import random

from mimesis import Address, Finance, Payment, Person
from mimesis.locales import Locale

import generate as g

FRAMES = {
    "PHONE_NUMBER": [
        "物业通知：停水期间有问题请致电物业{}。", "豆瓣小组｜二手书出清，私信或电话{}", "【朋友圈】新店开业，订位电话：{}",
        "知乎上有人贴出了他的电话{}，已经被举报", "班主任电话 {}，请家长保存", "Posted by u/lostinbeijing: landlord's number is {}",
        "The company's filing lists a contact number of {}.", "如需报修请拨打{}（24小时）", "{} 这个号码一直打给我推销",
    ],
    "QQ_NUMBER": [
        "豆瓣小组｜交流群QQ：{}", "知乎：当年加过他QQ{}，后来就失联了", "学生会QQ群{}，新生必加", "朋友圈：有事找我扣扣{}",
        "The forum moderator's QQ, {}, appears in the screenshots.", "问卷填写后加Q群 {} 领取资料",
    ],
    "WECHAT_ID": [
        "【朋友圈】代购加我微信：{}", "豆瓣小组｜出租，微信{}", "知乎：私信不回的话加wx {}", "家长群请加班主任微信号{}",
        "Posted by u/expatlife: add me on WeChat, my ID is {}", "The seller's WeChat ID, {}, was listed on Xianyu.",
    ],
    "EMAIL_ADDRESS": [
        "物业邮箱：{}", "投稿邮箱 {}", "知乎：简历发我邮箱{}", "Send inquiries to {}.", "The lawsuit names {} as the contact address.",
    ],
    "CN_RESIDENT_ID": [
        "学生身份证号：{}（请核对）", "物业登记：业主身份证{}", "The court record includes his ID number, {}.", "身份证号码{}的旅客请到服务台",
    ],
    "BANK_CARD": [
        "班费请转到{}（中国银行）", "代购定金打到卡号{}", "The fraudulent transfer went to card {}.", "收款银行卡：{}",
    ],
    "CN_LICENSE_PLATE": [
        "物业通知：{}车主请将车辆移出消防通道", "朋友圈：今天在高速上被{}别车", "The truck, registered as {}, was impounded.", "车牌{}的网约车",
    ],
    "ADDRESS": [
        "物业地址：{}", "豆瓣小组｜房源位于{}，押一付三", "知乎：我家以前住在{}", "快递寄到{}就行", "The company is registered at {}.",
        "Posted by u/studentinhk: my new place is {}", "学校地址 {}",
    ],
}
FILLER = ["", "", "", "【转】", "刚看到，", "Edit: ", "补充：", "求扩散，", "原文：", "截图内容："]
NEGATIVES = ["学号{}", "准考证号{}", "合同编号{}", "病历号 {}", "房产证号{}", "宽带账号{}", "Case No. {}", "Invoice {}", "SKU {}"]


def main():
    args = g.split_arguments(__doc__.split("\n")[0], seed=20261204)
    rng = random.Random(args.seed)
    zh_address, en_address = Address(Locale.ZH, seed=args.seed), Address(Locale.EN, seed=args.seed)
    zh_person, en_person = Person(Locale.ZH, seed=args.seed), Person(Locale.EN, seed=args.seed)
    payment = Payment(seed=args.seed)

    def value(kind):
        if kind == "PHONE_NUMBER":
            return rng.choice([zh_person.telephone(), zh_person.telephone(), en_person.telephone()])
        if kind == "QQ_NUMBER":
            return g.qq_number(rng)
        if kind == "WECHAT_ID":
            return rng.choice([en_person.username(), en_person.username(mask="l_d"), en_person.username(mask="Cl")])
        if kind == "EMAIL_ADDRESS":
            return rng.choice([zh_person.email(), en_person.email()])
        if kind == "CN_RESIDENT_ID":
            return g.resident_id(rng)
        if kind == "BANK_CARD":
            return payment.credit_card_number()
        if kind == "CN_LICENSE_PLATE":
            return g.plate(rng, rng.randrange(12))
        # addresses: street alone, or with city, province and postcode, in Chinese or English
        if rng.random() < 0.6:
            street = zh_address.address()
            return rng.choice([street, zh_address.province() + zh_address.city() + street,
                               zh_address.city() + street + " " + zh_address.postal_code()])
        street = en_address.address()
        return rng.choice([street, f"{street}, {en_address.city()}, {en_address.state(abbr=True)} {en_address.zip_code()}"])

    def documents():
        for index in range(args.count):
            doc = g.Doc()
            doc.add(rng.choice(FILLER))
            if index % 10 == 9:
                doc.add(rng.choice(NEGATIVES).format(str(rng.randint(10**7, 10**16))))
            else:
                kinds = rng.sample(list(FRAMES), 1 if index % 3 else 2)
                for n, kind in enumerate(kinds):
                    doc.fill(rng.choice(FRAMES[kind]), [(value(kind), kind)])
                    if n + 1 < len(kinds):
                        doc.add(rng.choice(["。", "；", "\n", " "]))
            yield doc

    g.write_split(args.out, "other", documents())

if __name__ == "__main__":
    main()
