#!/usr/bin/env python3
"""Writes fresh.jsonl, the contact-leak corpus's third held-out split.

Written on 2026-12-02 after blind.jsonl's misses had been read and fixed, so that there is again a
split nobody tuned against. Its values come from Faker (MIT licence; `pip install faker`), the
generator peer projects build their PII benchmarks with (zh_CN, zh_TW, en_US and en_GB locales:
its phone numbers, resident IDs, card numbers, plates, e-mail addresses and street addresses), and
its frames from genres the other splits do not use: job ads, matchmaking posts, missing-person
appeals, scam exposés, court and hospital notices, group-chat announcements, English news about
doxxing on Chinese platforms. Its first figure is reported as held out; once its misses are read it
is tuning data like the others.

Usage: fresh.py [--count N] [--seed S] [--out DIR]
"""
import random

from faker import Faker

import generate as g

FRAMES = {
    "PHONE_NUMBER": [
        "【招聘】餐厅服务员若干，月薪4500起，联系电话：{}", "本人男，32岁，有房有车，诚心找对象，电话{}", "寻人启事：家父于昨日走失，见到请拨打{}",
        "曝光一个骗子！他用的号码是{}，大家小心", "住院部护士站电话 {}", "群公告：有事请联系群主{}", "The doxxing post listed her number as {}.",
        "Reporters reached the landlord at {}.", "中介小刘 {} 带看随时", "退货请拨{}，工作日在线", "号码{}是诈骗电话，已举报", "家属联系方式：{}",
    ],
    "QQ_NUMBER": [
        "应聘者请发简历并加QQ {}", "征婚，有意者加QQ：{}", "骗子的QQ是{}，已经拉黑", "同城交友QQ群 {}", "组队开黑，q{}", "QQ号：{}（不常用）",
        "The scammer's QQ account, {}, was shut down.", "失物招领群：{}",
    ],
    "WECHAT_ID": [
        "有意者加微信{}详聊", "征婚 微信：{}", "骗子微信号{}，千万别加", "加群请先加我微信 {} 拉你", "招代理 V：{}", "主页有微信 {}",
        "The exposé named his WeChat ID as {}.", "vx同号{}",
    ],
    "EMAIL_ADDRESS": [
        "简历投递邮箱：{}", "来稿请发至{}", "曝光材料请发{}", "Reporters can write to {}.", "联系邮箱{}（24小时内回复）", "Email: {}",
    ],
    "CN_RESIDENT_ID": [
        "原告李某，身份证号码{}，住所地不详。", "患者身份证号：{}", "失主身份证号{}，捡到请联系", "报名需填写身份证号（如{}）",
        "The leaked spreadsheet included ID number {}.", "被执行人，公民身份号码：{}",
    ],
    "BANK_CARD": [
        "工资打到卡号{}", "骗子让我转账到{}（农业银行）", "退款账户：{}", "收款卡号 {} 户名刘某", "He wired the money to card {}.",
    ],
    "CN_LICENSE_PLATE": [
        "肇事车辆车牌号{}，已逃逸", "婚车车队头车{}", "车牌号码为{}的出租车", "停车场{}车主请速挪车", "The SUV, plate {}, was towed.",
    ],
    "ADDRESS": [
        "收货地址：{}", "现住{}", "被告住所地：{}", "走失地点：{}附近", "公司地址 {}", "招聘地点：{}", "Her home address, {}, was posted online.",
        "送至{}", "户籍地{}",
    ],
}
FILLER = ["", "", "", "急急急！", "转发有好报。", "（已删）", "原帖链接已失效。", "楼主你好，", "补充一下：", "UPDATE: ", "据当事人称，"]
NEGATIVES = ["工单编号{}", "快递单号{}", "订单号：{}", "保单号{}", "车架号LSV{}", "发票代码{}", "会员卡号NO.{}", "排队号{}", "证书编号{}",
             "Ticket #{}", "Tracking ID {}", "PO number {}"]


def values(fake_cn, fake_tw, fake_us, fake_gb, rng):
    """One value per entity, in the layouts Faker writes, sometimes re-spaced the way people type."""
    phone = rng.choice([fake_cn.phone_number(), fake_cn.phone_number(), fake_tw.phone_number() if rng.random() < 0.2 else fake_cn.phone_number()])
    phone = rng.choice([phone, phone, g.group(phone, [3, 4, 4], " ") if phone.isdigit() and len(phone) == 11 else phone])
    address = rng.choice([fake_cn.address(), fake_cn.address(), fake_cn.address().split(" ")[0], fake_us.address().replace("\n", ", "),
                          fake_gb.address().replace("\n", ", ")])
    plate = fake_cn.license_plate()
    return {
        "PHONE_NUMBER": phone,
        "QQ_NUMBER": g.qq_number(rng),
        "WECHAT_ID": rng.choice([fake_cn.user_name() + str(rng.randint(1, 999)), fake_us.user_name(), "wxid_" + fake_cn.pystr(min_chars=12, max_chars=14).lower()]),
        "EMAIL_ADDRESS": rng.choice([fake_cn.free_email(), fake_cn.email(), fake_us.free_email(), g.qq_number(rng) + "@qq.com"]),
        "CN_RESIDENT_ID": fake_cn.ssn(),
        "BANK_CARD": fake_cn.credit_card_number(),
        "CN_LICENSE_PLATE": rng.choice([plate, plate.replace("-", ""), plate.replace("-", "·")]),
        "ADDRESS": address,
    }


def documents(rng, fakes, count):
    for index in range(count):
        doc = g.Doc()
        doc.add(rng.choice(FILLER))
        if index % 10 == 9:
            doc.add(rng.choice(NEGATIVES).format(fakes[0].numerify("#" * rng.choice([10, 12, 15, 16, 18]))))
        else:
            drawn = values(*fakes, rng)
            kinds = rng.sample(list(FRAMES), 1 if index % 3 else 2)
            for n, kind in enumerate(kinds):
                doc.fill(rng.choice(FRAMES[kind]), [(drawn[kind], kind)])
                if n + 1 < len(kinds):
                    doc.add(rng.choice(["。", "；", "\n", " "]))
        doc.add(rng.choice(["", "", "谢谢", "！", "\n"]))
        yield doc


def main():
    args = g.split_arguments(__doc__.split("\n")[0], seed=20261203)
    rng = random.Random(args.seed)
    fakes = [Faker(locale) for locale in ("zh_CN", "zh_TW", "en_US", "en_GB")]
    for offset, fake in enumerate(fakes):
        fake.seed_instance(args.seed + offset)
    g.write_split(args.out, "fresh", documents(rng, fakes, args.count))


if __name__ == "__main__":
    main()
