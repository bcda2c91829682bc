#!/usr/bin/env python3
"""Writes tables.jsonl, the contact-leak corpus's tenth held-out split.

Written on 2026-12-02 before any of its documents were run through Veil. Its genre: tables pasted
as text — sign-up sheets, class and club rosters, survey exports and leaked customer lists posted
to forums as tab-separated rows, Markdown tables, pipe- or comma-separated lines and one-line
"字段：值" form dumps. The cue for a value is its column header, often a row or more above it and
many cells away; the value itself stands alone in its cell. Values come from this script's own
generators. Hard negatives: row numbers, dates, amounts, scores and order numbers in neighbouring
columns.

Usage: tables.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉鹏飞宇浩然子涵欣怡梓轩思远雨桐嘉怡晨阳"
CITIES = [("江苏省", "南京市", "鼓楼区"), ("湖北省", "武汉市", "洪山区"), ("广东省", "佛山市", "南海区"), ("四川省", "成都市", "武侯区"),
          ("山东省", "济南市", "历下区"), ("浙江省", "温州市", "鹿城区"), ("河北省", "石家庄市", "长安区"), ("安徽省", "合肥市", "蜀山区")]
ROADS = ["中山路", "珞喻路", "桂城大道", "武侯祠大街", "泉城路", "人民东路", "中华北大街", "长江西路", "汉口路", "南湖路"]
ESTATES = ["金域蓝湾", "碧水豪庭", "保利花园", "光谷新世界", "万达广场", "绿地新都会", "银泰城", "华侨城"]


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def mobile(rng):
    return rng.choice(["133", "135", "136", "137", "139", "150", "153", "155", "158", "166", "173", "177", "180", "186", "188", "191",
                       "198", "199"]) + "".join(rng.choice("0123456789") for _ in range(8))


def qq(rng):
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(rng.randint(5, 9)))


def wechat(rng):
    letters = "abcdefghijklmnopqrstuvwxyz"
    return rng.choice([
        lambda: rng.choice(letters) + "".join(rng.choice(letters + "0123456789_") for _ in range(rng.randint(5, 11))),
        lambda: rng.choice(["wang", "li", "zhang", "chen", "yang"]) + rng.choice(["xiao", "da", ""]) + str(rng.randint(1980, 2008)),
        lambda: "wxid_" + "".join(rng.choice(letters + "0123456789") for _ in range(14)),
    ])()


def email(rng):
    return rng.choice([str(rng.randint(100000, 3999999999)) + "@qq.com",
                       "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 8))) + str(rng.randint(1, 999)) + "@" +
                       rng.choice(["163.com", "126.com", "sina.com", "gmail.com", "outlook.com"])])


def id_card(rng):
    area = rng.choice(["320106", "420111", "440605", "510107", "370102", "330302", "130102", "340104"])
    body = f"{area}{rng.randint(1960, 2008)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


def card(rng):
    prefix = rng.choice(["622848", "621700", "622202", "623058", "621661"])
    return g.luhn_complete(prefix + "".join(rng.choice("0123456789") for _ in range(12)))


def plate(rng):
    return rng.choice("苏鄂粤川鲁浙冀皖") + rng.choice("ABCDEFG") + "".join(rng.choice("0123456789ABCDEFGHJK" if i < 2 else "0123456789") for i in range(5))


def address(rng):
    province, city, district = rng.choice(CITIES)
    road, estate = rng.choice(ROADS), rng.choice(ESTATES)
    return rng.choice([
        f"{city}{district}{road}{rng.randint(1, 400)}号",
        f"{province}{city}{district}{estate}{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 32)}0{rng.randint(1, 6)}",
        f"{district}{estate}{rng.randint(1, 20)}-{rng.randint(1, 4)}-{rng.randint(1, 30)}0{rng.randint(1, 4)}",
        f"{city}{road}{rng.randint(1, 400)}号{estate}{rng.randint(1, 30)}幢{rng.randint(1, 30)}0{rng.randint(1, 6)}室",
    ])


COLUMNS = {
    "PHONE_NUMBER": (["手机", "手机号", "联系电话", "电话", "Phone", "Mobile"], mobile),
    "QQ_NUMBER": (["QQ", "QQ号", "扣扣", "QQ号码"], qq),
    "WECHAT_ID": (["微信", "微信号", "WeChat", "vx"], wechat),
    "EMAIL_ADDRESS": (["邮箱", "Email", "电子邮箱"], email),
    "CN_RESIDENT_ID": (["身份证号", "身份证", "证件号码", "ID No."], id_card),
    "BANK_CARD": (["银行卡号", "收款账号", "卡号"], card),
    "CN_LICENSE_PLATE": (["车牌号", "车牌"], plate),
    "ADDRESS": (["住址", "家庭住址", "地址", "收货地址"], address),
}


def record(rng, index):
    doc = g.Doc()
    entities = rng.sample(sorted(COLUMNS), rng.randint(2, 4))
    headers = ["序号", "姓名"] + [rng.choice(COLUMNS[e][0]) for e in entities] + [rng.choice(["报名日期", "金额", "成绩", "订单号"])]
    rows = rng.randint(2, 4)
    layout = index % 4
    extra = lambda: rng.choice([f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", str(rng.randint(50, 3000)),
                                str(rng.randint(60, 100)), str(rng.randint(10**11, 10**12 - 1))])
    if layout == 3:
        # One-line form dumps: 姓名：X 手机：Y …
        doc.add(rng.choice(["报名信息汇总：\n", "问卷导出：\n", "客户资料（内部）\n"]))
        for row in range(rows):
            doc.add(f"{row + 1}. 姓名：{name(rng)}；")
            for entity, header in zip(entities, headers[2:]):
                doc.add(f"{header}：").add(COLUMNS[entity][1](rng), entity).add("；")
            doc.add(f"{headers[-1]}：{extra()}\n")
        return doc
    separator = ["\t", " | ", ","][layout]
    title = rng.choice(["社团报名表", "班级通讯录", "618活动中奖名单", "业主群登记", "志愿者名单", "客户回访表"])
    doc.add(f"{title}\n")
    if layout == 1:
        doc.add("| " + " | ".join(headers) + " |\n")
        doc.add("|" + "---|" * len(headers) + "\n")
    else:
        doc.add(separator.join(headers) + "\n")
    for row in range(rows):
        if layout == 1:
            doc.add("| ")
        doc.add(f"{row + 1}{separator}{name(rng)}{separator}")
        for entity in entities:
            doc.add(COLUMNS[entity][1](rng), entity).add(separator)
        doc.add(extra())
        doc.add(" |\n" if layout == 1 else "\n")
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "tables", 20261209, record)
