#!/usr/bin/env python3
"""Writes records/, the contact-leak corpus's eleventh held-out split, and scores Veil on it.

Written on 2026-12-02 before any of its records were run through Veil. Its genre: the exports
researchers sanitize — survey platforms' CSV downloads, CRM and membership exports with English,
pinyin and abbreviated column names, HR rosters, parking registers, forum dumps and chat exports
as JSONL with nested objects, order exports whose address is split over fields, and contact lists
where the kind of a value is named by a sibling field ({"type": "wechat", "value": …}). Excel's
marks on numbers ('13912345678, ="13912345678", a leading tab) and JSON numbers instead of
strings are in it. Values come from this script's own generators. Hard negatives: user ids, order
and waybill numbers, epoch timestamps, amounts, postcodes, SKUs, dates written as 8 digits.

Gold: records.gold.jsonl, one span per line: {"file", "record" (0-based, in file order), "field"
(the CSV header, or the JSON path as `veil scan` prints it), "start", "end" (code points in the
field's value), "entity"}.

Usage:
  records.py [--seed S] [--out DIR]                       # writes records/ and records.gold.jsonl
  records.py --score [--veil BINARY] [--policy FILE]      # runs `veil scan --format jsonl` on them
"""
import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys

import generate as g

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
ENTITIES = ["PHONE_NUMBER", "QQ_NUMBER", "WECHAT_ID", "EMAIL_ADDRESS", "CN_RESIDENT_ID", "BANK_CARD", "CN_LICENSE_PLATE", "ADDRESS"]

FAMILY = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳"
GIVEN = "子墨浩宇梓涵一诺欣妍雨萱思彤俊熙皓轩若汐语桐佳怡明哲振华秀兰桂英淑珍建军志强海燕晓燕丽娟"
PROVINCES = [("河南省", "洛阳市", "涧西区"), ("辽宁省", "大连市", "沙河口区"), ("福建省", "厦门市", "思明区"), ("广西壮族自治区", "南宁市", "青秀区"),
             ("云南省", "昆明市", "五华区"), ("黑龙江省", "哈尔滨市", "南岗区"), ("江西省", "南昌市", "东湖区"), ("重庆市", "", "渝北区"),
             ("天津市", "", "南开区"), ("山西省", "太原市", "小店区")]
STREETS = ["建设路", "西安路", "湖滨南路", "民族大道", "北京路", "红旗街", "八一大道", "新牌坊一路", "鞍山西道", "平阳路", "青年路", "滨海北路"]
ESTATES = ["盛世华庭", "海景名苑", "凤凰城", "东方丽都", "金色家园", "龙湖春江郦城", "融创玖玺台", "怡和新村", "蓝湾半岛", "书香门第"]
DISTRICT_IDS = ["410305", "210204", "350203", "450103", "530102", "230103", "360102", "500112", "120104", "140105"]
SEGMENTS = ["134", "138", "139", "147", "152", "157", "159", "165", "172", "178", "181", "187", "189", "192", "195", "197", "199", "145"]
AREAS = ["0379", "0411", "0592", "0771", "0871", "0451", "0791", "023", "022", "0351"]
MAIL = ["qq.com", "163.com", "126.com", "sina.cn", "yeah.net", "hotmail.com", "icloud.com", "gmail.com", "139.com", "foxmail.com"]
LATIN = "abcdefghijklmnopqrstuvwxyz"
PINYIN = ["xiaoyu", "tiantian", "meimei", "dongdong", "haohao", "jiajia", "ningning", "feifei", "pengpeng", "wenwen"]


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def person(rng):
    return rng.choice(FAMILY) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))


def mobile(rng):
    number = rng.choice(SEGMENTS) + digits(rng, 8)
    return rng.choice([number, number, number, "+86" + number, "+86 " + number, f"{number[:3]}-{number[3:7]}-{number[7:]}",
                       f"{number[:3]} {number[3:7]} {number[7:]}", "86-" + number])


def landline(rng):
    area = rng.choice(AREAS)
    local = str(rng.randint(2, 8)) + digits(rng, 7 if len(area) == 3 else rng.choice([6, 7]))
    return rng.choice([f"{area}-{local}", f"({area}){local}", f"{area} {local}", f"{area}{local}"])


def qq(rng):
    return str(rng.randint(1, 9)) + digits(rng, rng.choice([4, 6, 7, 8, 8, 9, 9, 9]))


def wechat(rng):
    return rng.choice([
        lambda: rng.choice(LATIN) + "".join(rng.choice(LATIN + "0123456789_-") for _ in range(rng.randint(5, 15))),
        lambda: rng.choice(PINYIN) + rng.choice(["_", "", "-"]) + digits(rng, rng.randint(2, 6)),
        lambda: "wxid_" + "".join(rng.choice(LATIN + "0123456789") for _ in range(rng.choice([12, 14]))),
        lambda: rng.choice(["Lucky", "Sunny", "Coco", "Momo"]) + digits(rng, 4),
    ])()


def email(rng):
    local = rng.choice([qq(rng), rng.choice(PINYIN) + digits(rng, 3), rng.choice(PINYIN) + "." + rng.choice(PINYIN)])
    return local + "@" + rng.choice(MAIL)


def resident_id(rng):
    body = rng.choice(DISTRICT_IDS) + f"{rng.randint(1955, 2006)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + digits(rng, 3)
    check = g.ID_CHECK[sum(int(c) * w for c, w in zip(body, g.ID_WEIGHTS)) % 11]
    return body + (check if rng.random() > 0.2 else check.lower())


def card(rng):
    partial = rng.choice(["621483", "622588", "622262", "621799", "625807", "620522"]) + digits(rng, rng.choice([9, 12]))
    number = g.luhn_complete(partial)
    return rng.choice([number, number, " ".join(number[i:i + 4] for i in range(0, len(number), 4))])


def plate(rng):
    province = rng.choice("豫辽闽桂云黑赣渝津晋")
    letter = rng.choice("ABCDEFGHJK")
    body = rng.choice([digits(rng, 5), rng.choice("ABCDEFGHJK") + digits(rng, 4), digits(rng, 3) + rng.choice("ABCDEFGHJK") + digits(rng, 1),
                       rng.choice("DF") + digits(rng, 5)])
    return province + letter + rng.choice(["", "", "·", " "]) + body


def street_detail(rng):
    """The part of an address below the district: what identifies a home."""
    return rng.choice([
        lambda: f"{rng.choice(STREETS)}{rng.randint(1, 899)}号{rng.choice(ESTATES)}{rng.randint(1, 40)}栋{rng.randint(1, 3)}单元{rng.randint(1, 33)}0{rng.randint(1, 4)}室",
        lambda: f"{rng.choice(ESTATES)}{rng.randint(1, 28)}号楼{rng.randint(1, 6)}0{rng.randint(1, 4)}",
        lambda: f"{rng.choice(STREETS)}{rng.randint(1, 899)}号",
        lambda: f"{rng.choice(ESTATES)}{rng.randint(1, 20)}-{rng.randint(1, 3)}-{rng.randint(1, 30)}0{rng.randint(1, 4)}",
    ])()


def full_address(rng):
    province, city, district = rng.choice(PROVINCES)
    return f"{province}{city}{district}{street_detail(rng)}"


def excel(value, rng):
    """How spreadsheets mark numbers kept as text."""
    return rng.choice([value, value, value, "'" + value, "\t" + value, f'="{value}"'])


class Record:
    """One record's fields, with gold spans per field."""

    def __init__(self):
        self.fields = {}
        self.spans = []

    def put(self, field, value, entity=None, prefix=""):
        text = prefix + value
        self.fields[field] = text
        if entity:
            self.spans.append((field, len(prefix), len(prefix) + len(value), entity))
        return self

    def note(self, field, pieces):
        """A free-text field built of (text, entity) pieces."""
        text = ""
        for piece, entity in pieces:
            if entity:
                self.spans.append((field, len(text), len(text) + len(piece), entity))
            text += piece
        self.fields[field] = text
        return self


def survey(rng, index):
    """A survey platform's CSV download: numbered questions as headers, platform columns first."""
    r = Record()
    r.put("序号", str(index + 1)).put("提交答卷时间", f"2024/{rng.randint(1, 12)}/{rng.randint(1, 28)} {rng.randint(8, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}")
    r.put("所用时间", f"{rng.randint(40, 900)}秒").put("来源", rng.choice(["微信", "手机提交", "链接"]))
    r.put("来自IP", f"{rng.randint(27, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}({rng.choice(['河南-洛阳', '福建-厦门', '未知'])})")
    r.put("1、您的姓名：", person(rng))
    r.put("2、您的手机号码：", mobile(rng), "PHONE_NUMBER")
    r.put("3、您的微信号（方便拉群）：", wechat(rng), "WECHAT_ID")
    r.put("4、所在城市：", rng.choice(PROVINCES)[0])
    choice = rng.random()
    if choice < 0.35:
        r.note("5、其他意见或建议：", [(rng.choice(["希望多办几场，有问题可以联系我", "活动很好！我QQ是", "找不到群的话加我扣扣"]), None),
                                      (qq(rng), "QQ_NUMBER"), (rng.choice(["", "。", "，备注问卷"]), None)])
    elif choice < 0.6:
        r.note("5、其他意见或建议：", [(rng.choice(["奖品请寄到", "礼品邮寄地址：", "寄"]), None), (full_address(rng), "ADDRESS"),
                                      (rng.choice(["，谢谢", "", " 收件人同上"]), None)])
    else:
        r.put("5、其他意见或建议：", rng.choice(["无", "（空）", "挺好的", "希望时间安排在周末", "第3题选项不全"]))
    return r


def crm(rng, index):
    """A CRM export with English snake_case headers."""
    r = Record()
    r.put("customer_id", str(100000 + index * 7 + rng.randint(0, 6))).put("full_name", person(rng))
    r.put("mobile", excel(mobile(rng), rng), None)
    value = r.fields["mobile"]
    bare = value.lstrip("'\t").removeprefix('="').removesuffix('"')
    r.spans.append(("mobile", value.index(bare), value.index(bare) + len(bare), "PHONE_NUMBER"))
    if rng.random() < 0.6:
        r.put("tel", landline(rng), "PHONE_NUMBER")
    else:
        r.put("tel", "")
    r.put("email", email(rng), "EMAIL_ADDRESS")
    r.put("wechat", wechat(rng), "WECHAT_ID") if rng.random() < 0.7 else r.put("wechat", "")
    r.put("qq", qq(rng), "QQ_NUMBER") if rng.random() < 0.6 else r.put("qq", "")
    r.put("id_number", resident_id(rng), "CN_RESIDENT_ID")
    r.put("address", full_address(rng), "ADDRESS")
    r.put("created_at", f"{rng.randint(2019, 2024)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}")
    r.put("order_total", f"{rng.randint(10, 99999)}.{rng.randint(0, 99):02d}")
    r.put("zip", digits(rng, 6))
    return r


def pinyin_roster(rng, index):
    """A roster whose headers are pinyin initials and words, as small offices name them."""
    r = Record()
    r.put("xh", str(index + 1)).put("xingming", person(rng)).put("xb", rng.choice(["男", "女"]))
    r.put("shouji", mobile(rng), "PHONE_NUMBER")
    r.put("weixin", wechat(rng), "WECHAT_ID")
    r.put("qq", qq(rng), "QQ_NUMBER")
    r.put("sfzh", resident_id(rng), "CN_RESIDENT_ID")
    r.put("yhkh", card(rng), "BANK_CARD")
    r.put("jtzz", full_address(rng), "ADDRESS")
    r.put("rzrq", f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    return r


def hr_roster(rng, index):
    """An HR roster with Chinese headers, payroll card and emergency contact."""
    r = Record()
    r.put("工号", f"E{rng.randint(10000, 99999)}").put("姓名", person(rng)).put("性别", rng.choice(["男", "女"]))
    r.put("身份证号码", excel(resident_id(rng), rng))
    value = r.fields["身份证号码"]
    bare = value.lstrip("'\t").removeprefix('="').removesuffix('"')
    r.spans.append(("身份证号码", value.index(bare), value.index(bare) + len(bare), "CN_RESIDENT_ID"))
    r.put("工资卡号", card(rng), "BANK_CARD").put("开户行", rng.choice(["建设银行洛阳分行", "工商银行", "农业银行思明支行", "招商银行"]))
    r.put("手机", mobile(rng), "PHONE_NUMBER")
    r.put("紧急联系人", person(rng))
    r.put("紧急联系人电话", rng.choice([mobile, landline])(rng), "PHONE_NUMBER")
    r.put("现住址", full_address(rng), "ADDRESS")
    r.put("基本工资", str(rng.randint(3000, 30000)))
    return r


def parking(rng, index):
    """A residential parking register: one 联系方式 column holding whichever contact the owner gave."""
    r = Record()
    r.put("业主姓名", person(rng)).put("房号", f"{rng.randint(1, 30)}-{rng.randint(1, 3)}-{rng.randint(1, 33)}0{rng.randint(1, 4)}", "ADDRESS")
    r.put("车牌号", plate(rng), "CN_LICENSE_PLATE")
    kind = rng.random()
    if kind < 0.6:
        r.put("联系方式", mobile(rng), "PHONE_NUMBER")
    elif kind < 0.8:
        r.note("联系方式", [(rng.choice(["微信 ", "微信：", "vx:"]), None), (wechat(rng), "WECHAT_ID")])
    else:
        r.note("联系方式", [(rng.choice(["QQ ", "qq:", "Q"]), None), (qq(rng), "QQ_NUMBER")])
    r.put("车位", f"B{rng.randint(1, 2)}-{rng.randint(1, 600):03d}").put("月租", str(rng.choice([300, 350, 400, 450])))
    return r


def member_export(rng, index):
    """A membership export with abbreviated headers and the site's own ids and timestamps."""
    r = Record()
    r.put("uid", str(rng.randint(10_000_000, 99_999_999))).put("nick", rng.choice(PINYIN) + digits(rng, 2))
    r.put("mob", excel(mobile(rng), rng))
    value = r.fields["mob"]
    bare = value.lstrip("'\t").removeprefix('="').removesuffix('"')
    r.spans.append(("mob", value.index(bare), value.index(bare) + len(bare), "PHONE_NUMBER"))
    r.put("wx", wechat(rng), "WECHAT_ID") if rng.random() < 0.7 else r.put("wx", "")
    r.put("qq_no", qq(rng), "QQ_NUMBER") if rng.random() < 0.7 else r.put("qq_no", "")
    r.put("sfz", resident_id(rng), "CN_RESIDENT_ID") if rng.random() < 0.5 else r.put("sfz", "")
    r.put("card_no", card(rng), "BANK_CARD") if rng.random() < 0.4 else r.put("card_no", "")
    r.put("addr", full_address(rng), "ADDRESS")
    r.put("reg_time", str(rng.randint(1_500_000_000, 1_730_000_000)))
    r.put("last_ip", f"{rng.randint(27, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}")
    r.put("points", str(rng.randint(0, 20000)))
    return r


CSV_FILES = [("survey.csv", survey), ("crm.csv", crm), ("roster_pinyin.csv", pinyin_roster), ("hr.csv", hr_roster),
             ("parking.csv", parking), ("members.csv", member_export)]


def forum_post(rng, index):
    """A forum dump line: numeric ids and epoch times around free-text content."""
    doc, spans = {}, []
    doc["tid"] = 3_000_000 + index * 13
    doc["uid"] = rng.randint(1_000_000, 999_999_999)
    doc["author"] = rng.choice(PINYIN) + digits(rng, 3)
    doc["dateline"] = rng.randint(1_400_000_000, 1_730_000_000)
    pieces = []
    kind = index % 4
    if kind == 0:
        pieces = [(rng.choice(["出闲置，同城自提，", "转让健身卡，", "求租单间，"]), None), (rng.choice(["电话", "手机", "tel"]), None),
                  (rng.choice(["", "：", " "]), None), (mobile(rng), "PHONE_NUMBER"), (rng.choice(["，非诚勿扰", "。", " 晚上打"]), None)]
    elif kind == 1:
        pieces = [(rng.choice(["资料已打包，需要的", "群满了，", "有意者"]), None), (rng.choice(["加扣扣", "q我", "QQ："]), None),
                  (qq(rng), "QQ_NUMBER"), (rng.choice(["", "，备注论坛", " 验证写id"]), None)]
    elif kind == 2:
        pieces = [(rng.choice(["楼主你好，", "同问，", "已私信，"]), None), (rng.choice(["我的微信", "v：", "加我wx "]), None),
                  (wechat(rng), "WECHAT_ID"), (rng.choice(["", "，谢谢", " 拉我进群"]), None)]
    else:
        pieces = [(rng.choice(["顶", "mark一下，明天再看", "楼主好人，下载地址失效了", "第" + str(rng.randint(2, 300)) + "楼说得对"]), None)]
    text = ""
    for piece, entity in pieces:
        if entity:
            spans.append(("$.message", len(text), len(text) + len(piece), entity))
        text += piece
    doc["message"] = text
    doc["floor"] = rng.randint(1, 500)
    return doc, spans


def order(rng, index):
    """An order export: the address split over fields, buyer's contact nested, logistics numbers beside them."""
    province, city, district = rng.choice(PROVINCES)
    detail = street_detail(rng)
    phone = mobile(rng)
    phone_value = phone if rng.random() < 0.7 else int(phone) if phone.isdigit() else phone
    doc = {"order_id": f"{rng.randint(2019, 2024)}{digits(rng, 14)}", "paid": round(rng.uniform(5, 3000), 2),
           "buyer": {"nick": rng.choice(PINYIN) + digits(rng, 2), "receiver": person(rng), "phone": phone_value,
                     "address": {"province": province, "city": city, "district": district, "detail": detail}},
           "items": [{"sku": f"SKU{digits(rng, 9)}", "qty": rng.randint(1, 5), "price": rng.randint(5, 999)}],
           "logistics": {"company": rng.choice(["中通", "圆通", "顺丰", "韵达"]), "waybill": rng.choice(["ZT", "YT", "SF", ""]) + digits(rng, 13)}}
    spans = [("$.buyer.phone", 0, len(str(phone_value)), "PHONE_NUMBER"), ("$.buyer.address.detail", 0, len(detail), "ADDRESS")]
    return doc, spans


def contact_list(rng, index):
    """A contact book: each contact a {type, value} pair, the kind named by the sibling field."""
    kinds = [("mobile", mobile, "PHONE_NUMBER"), ("wechat", wechat, "WECHAT_ID"), ("qq", qq, "QQ_NUMBER"), ("email", email, "EMAIL_ADDRESS"),
             ("微信", wechat, "WECHAT_ID"), ("QQ", qq, "QQ_NUMBER"), ("手机", mobile, "PHONE_NUMBER"), ("tel", landline, "PHONE_NUMBER")]
    chosen = rng.sample(kinds, rng.randint(1, 3))
    doc = {"user": person(rng), "contacts": []}
    spans = []
    for position, (kind, make, entity) in enumerate(chosen):
        value = make(rng)
        if rng.random() < 0.5:
            doc["contacts"].append({"type": kind, "value": value})
            spans.append((f"$.contacts[{position}].value", 0, len(value), entity))
        else:
            doc["contacts"].append({"label": kind, "primary": rng.random() < 0.5, "text": value})
            spans.append((f"$.contacts[{position}].text", 0, len(value), entity))
    return doc, spans


def chat_export(rng, index):
    """A chat export: sender and receiver by WeChat id, message text free."""
    sender, receiver = wechat(rng), wechat(rng)
    doc = {"msgSvrId": str(rng.randint(10**18, 10**19 - 1)), "talker": sender, "to": receiver, "createTime": rng.randint(1_600_000_000_000, 1_730_000_000_000)}
    spans = [("$.talker", 0, len(sender), "WECHAT_ID"), ("$.to", 0, len(receiver), "WECHAT_ID")]
    kind = rng.random()
    if kind < 0.3:
        number = mobile(rng)
        prefix = rng.choice(["我电话", "打这个 ", "新号码", "call me "])
        doc["content"] = prefix + number
        spans.append(("$.content", len(prefix), len(prefix) + len(number), "PHONE_NUMBER"))
    elif kind < 0.5:
        card_number = card(rng)
        prefix = rng.choice(["卡号 ", "转到这张卡：", "账号"])
        doc["content"] = prefix + card_number
        spans.append(("$.content", len(prefix), len(prefix) + len(card_number), "BANK_CARD"))
    else:
        doc["content"] = rng.choice(["好的", "[图片]", "收到，明天见", "转账 ¥200.00", "[语音] 12\""])
    return doc, spans


def signup_api(rng, index):
    """An English sign-up API dump with camelCase keys and numbers stored as JSON numbers."""
    phone = rng.choice(SEGMENTS) + digits(rng, 8)
    qq_number = qq(rng)
    doc = {"id": f"usr_{digits(rng, 10)}", "firstName": rng.choice(["Wei", "Fang", "Jing", "Lei"]), "lastName": rng.choice(["Zhang", "Li", "Chen"]),
           "contact": {"phoneNumber": int(phone) if rng.random() < 0.5 else "+86 " + phone, "emailAddress": email(rng),
                       "wechatId": wechat(rng), "qqNumber": int(qq_number)},
           "idDocument": {"type": "resident_id", "number": resident_id(rng)},
           "shippingAddress": {"line1": street_detail(rng), "city": rng.choice(PROVINCES)[1] or "重庆市", "postcode": digits(rng, 6)},
           "createdAt": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T0{rng.randint(0, 9)}:00:00Z"}
    contact = doc["contact"]
    spans = [("$.contact.phoneNumber", 0, len(str(contact["phoneNumber"])), "PHONE_NUMBER"),
             ("$.contact.emailAddress", 0, len(contact["emailAddress"]), "EMAIL_ADDRESS"),
             ("$.contact.wechatId", 0, len(contact["wechatId"]), "WECHAT_ID"),
             ("$.contact.qqNumber", 0, len(qq_number), "QQ_NUMBER"),
             ("$.idDocument.number", 0, len(doc["idDocument"]["number"]), "CN_RESIDENT_ID"),
             ("$.shippingAddress.line1", 0, len(doc["shippingAddress"]["line1"]), "ADDRESS")]
    return doc, spans


JSONL_FILES = [("forum.jsonl", forum_post), ("orders.jsonl", order), ("contacts.jsonl", contact_list), ("chat.jsonl", chat_export),
               ("signup.jsonl", signup_api)]


def write(out, seed, rows):
    rng = random.Random(seed)
    folder = os.path.join(out, "records")
    os.makedirs(folder, exist_ok=True)
    gold = []
    for name, make in CSV_FILES:
        records = [make(rng, index) for index in range(rows)]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(list(records[0].fields))
        for number, record in enumerate(records):
            writer.writerow(list(record.fields.values()))
            gold += [{"file": name, "record": number, "field": f, "start": s, "end": e, "entity": t} for f, s, e, t in record.spans]
        open(os.path.join(folder, name), "w", encoding="utf-8").write(buffer.getvalue())
    for name, make in JSONL_FILES:
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            for number in range(rows):
                doc, spans = make(rng, number)
                handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
                gold += [{"file": name, "record": number, "field": f, "start": s, "end": e, "entity": t} for f, s, e, t in spans]
    with open(os.path.join(out, "records.gold.jsonl"), "w", encoding="utf-8") as handle:
        for span in gold:
            handle.write(json.dumps(span, ensure_ascii=False) + "\n")
    print(f"{len(CSV_FILES) + len(JSONL_FILES)} files, {rows * (len(CSV_FILES) + len(JSONL_FILES))} records, {len(gold)} gold spans")


def score(out, veil, policy, show):
    """Coverage (gold spans fully covered by findings of any entity), characters left in clear and
    overlap precision per entity, as `veil eval --leaks` reports them for text."""
    gold = [json.loads(line) for line in open(os.path.join(out, "records.gold.jsonl"), encoding="utf-8")]
    findings = {}
    for name in sorted({g["file"] for g in gold}):
        command = [veil, "scan", "--format", "jsonl"] + (["--policy", policy] if policy else []) + [os.path.join(out, "records", name)]
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        if result.returncode != 0:
            sys.exit(f"veil scan failed on {name}:\n{result.stderr}")
        for number, line in enumerate(result.stdout.splitlines()):
            for finding in json.loads(line)["findings"]:
                findings.setdefault((name, number, finding["field"]), []).append(finding)
    figures = {entity: {"gold": 0, "covered": 0, "characters": 0, "clear": 0, "found": 0, "true": 0} for entity in ENTITIES}
    by_field = {}
    for g in gold:
        by_field.setdefault((g["file"], g["record"], g["field"]), []).append(g)
        figure = figures[g["entity"]]
        spans = findings.get((g["file"], g["record"], g["field"]), [])
        covered = set()
        for f in spans:
            covered |= set(range(max(f["start"], g["start"]), min(f["end"], g["end"])))
        figure["gold"] += 1
        figure["characters"] += g["end"] - g["start"]
        figure["clear"] += g["end"] - g["start"] - len(covered)
        if len(covered) == g["end"] - g["start"]:
            figure["covered"] += 1
        elif show:
            print(f"missed {g['entity']} in {g['file']}#{g['record']} {g['field']}")
    for key, spans in findings.items():
        for f in spans:
            if f["entity"] not in figures:
                continue
            figure = figures[f["entity"]]
            figure["found"] += 1
            if any(g["start"] < f["end"] and f["start"] < g["end"] for g in by_field.get(key, [])):
                figure["true"] += 1
            elif show:
                print(f"spurious {f['entity']} in {key[0]}#{key[1]} {key[2]} ({f['plugin']}/{f['rule']})")
    total_gold = sum(f["gold"] for f in figures.values())
    total_covered = sum(f["covered"] for f in figures.values())
    print(f"{'entity':18} {'gold':>5} {'covered':>8} {'in clear':>9} {'precision':>10}")
    for entity, f in figures.items():
        if f["gold"] or f["found"]:
            coverage = f["covered"] / f["gold"] if f["gold"] else 1
            clear = f["clear"] / f["characters"] if f["characters"] else 0
            precision = f["true"] / f["found"] if f["found"] else 1
            print(f"{entity:18} {f['gold']:5} {coverage:8.3f} {clear:9.2%} {precision:10.3f}")
    print(f"{'all':18} {total_gold:5} {total_covered / total_gold:8.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--rows", type=int, default=110)
    parser.add_argument("--out", default=HERE)
    parser.add_argument("--score", action="store_true")
    parser.add_argument("--show", action="store_true", help="with --score: list missed and spurious spans (field names only)")
    parser.add_argument("--veil", default=os.path.join(ROOT, ".build", "release", "veil"))
    parser.add_argument("--policy")
    args = parser.parse_args()
    if args.score:
        score(args.out, args.veil, args.policy, args.show)
    else:
        write(args.out, args.seed, args.rows)


if __name__ == "__main__":
    main()
