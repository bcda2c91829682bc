#!/usr/bin/env python3
"""Writes Veil's contact-leak corpus: forum posts, chat lines and English reporting that carry
phone, QQ, WeChat, e-mail, resident ID, bank card, plate and street-address mentions in the layouts
people use online, with hard negatives (order, tracking and case numbers, amounts, dates, product
codes that pass Luhn, arithmetic) that must be left alone.

The frames and layouts below were written from how contact details appear in classified ads,
forum posts, group-chat screenshots, court notices and news reports, not from Veil's patterns.
Every list is split in two by position: even entries make the tuning split (dev.jsonl), odd
entries the held-out split (heldout.jsonl), so the held-out documents use phrasings and layouts
that tuning never saw. Output is gold JSONL for `veil eval` (code point offsets, end exclusive).

Usage: generate.py [--count N] [--seed S] [--out DIR]
"""
import argparse
import json
import os
import random

PROVINCE_PLATE = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
PINYIN = ["zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he",
          "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian"]
GIVEN = ["wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie", "juan", "tao", "ming", "chao",
         "xiuying", "xia", "ping", "gang", "hui", "xiaomei", "dandan", "lili", "haoran", "zixuan", "yutong", "jiahui"]
EN_WORDS = ["sunny", "lucky", "happy", "cat", "panda", "tiger", "summer", "winter", "angel", "kevin", "jason", "lily", "coco",
            "momo", "baby", "star", "moon", "river", "sky", "rain", "dragon", "fish", "apple", "candy", "lemon"]
MAIL_DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "sohu.com", "gmail.com", "outlook.com", "hotmail.com", "foxmail.com",
                "yeah.net", "139.com", "aliyun.com", "yahoo.com", "protonmail.com", "pku.edu.cn", "fudan.edu.cn"]
# Every segment people write, allocated or not: a stale table must not decide alone.
MOBILE_SEGMENTS = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151", "152", "153",
                   "155", "156", "157", "158", "159", "162", "165", "166", "167", "170", "171", "172", "173", "175", "176", "177",
                   "178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "190", "191", "192", "193", "195",
                   "196", "197", "198", "199", "140", "141", "144", "154", "160", "161", "163", "164", "168", "169", "174", "179", "194"]
AREA_CODES = ["010", "020", "021", "022", "023", "024", "025", "027", "028", "029", "0311", "0371", "0431", "0451", "0531", "0551",
              "0571", "0591", "0731", "0755", "0769", "0771", "0791", "0797", "0851", "0871", "0898", "0931", "0991", "0739"]
ID_REGIONS = ["110105", "110108", "120101", "130102", "140105", "210102", "220102", "230103", "310104", "320106", "330106",
              "340104", "350102", "360731", "370102", "410105", "420106", "430104", "440106", "440305", "450103", "500103",
              "510104", "520102", "530102", "610113", "620102", "640104", "650102", "430521"]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
CARD_PREFIXES = ["622202", "622848", "621700", "622588", "621226", "622700", "623058", "628288", "436742", "625966", "622609",
                 "4111", "5500", "3528", "6212", "6217", "6228", "6222", "6013"]

PROVINCES = [("湖北省", "武汉市", ["江汉区", "武昌区", "洪山区", "江岸区"]), ("广东省", "深圳市", ["南山区", "福田区", "宝安区", "龙岗区"]),
             ("广东省", "广州市", ["天河区", "越秀区", "海珠区", "白云区"]), ("浙江省", "杭州市", ["西湖区", "余杭区", "拱墅区", "滨江区"]),
             ("江苏省", "南京市", ["鼓楼区", "玄武区", "江宁区", "秦淮区"]), ("四川省", "成都市", ["武侯区", "锦江区", "青羊区", "金牛区"]),
             ("湖南省", "长沙市", ["岳麓区", "芙蓉区", "天心区", "雨花区"]), ("河南省", "郑州市", ["金水区", "二七区", "中原区", "管城区"]),
             ("陕西省", "西安市", ["雁塔区", "碑林区", "莲湖区", "未央区"]), ("山东省", "济南市", ["历下区", "市中区", "槐荫区", "天桥区"]),
             ("", "北京市", ["朝阳区", "海淀区", "东城区", "丰台区"]), ("", "上海市", ["浦东新区", "徐汇区", "静安区", "闵行区"])]
COUNTIES = [("江西省", "赣州市", "于都县"), ("湖南省", "邵阳市", "隆回县"), ("河南省", "周口市", "郸城县"), ("安徽省", "阜阳市", "临泉县"),
            ("四川省", "南充市", "仪陇县"), ("广西壮族自治区", "玉林市", "博白县"), ("河北省", "保定市", "涞源县"), ("贵州省", "毕节市", "威宁县")]
TOWNS = ["城关镇", "黄陂镇", "新华乡", "石门镇", "大河乡", "龙泉镇", "桥头镇", "白沙乡"]
VILLAGES = ["石门村", "李家村", "王庄村", "红旗村", "新民村", "柳树村", "大湾村", "河口村"]
ROADS = ["花园路", "解放大道", "中山路", "人民路", "建设大街", "文化路", "长江路", "和平街", "学院路", "科技园南路", "金桥路", "新华巷",
         "东四十条", "南锣鼓巷", "前门大街", "武宁路", "淮海中路", "延安西路", "光华路", "天府大道北段"]
ALLEYS = ["史家胡同", "菊儿胡同", "帽儿胡同", "1088弄", "328弄", "南京西路1025弄"]
COMPOUNDS = ["阳光花园", "锦绣家园", "碧桂园", "万科城", "翠苑小区", "幸福里小区", "金地名京", "华润城", "世纪大厦", "国贸公寓",
             "丽都花园", "绿地中心", "东方明珠苑", "泰和公寓", "保利香槟国际"]
EN_STREETS = ["Maple", "Oak", "Elm", "Cedar", "Pine", "Washington", "Lincoln", "Jefferson", "Park", "Lake", "Hill", "Sunset",
              "Highland", "Church", "Mill", "Market", "Broad", "Spring", "King", "Queen", "Victoria", "Baker", "Canal", "Grand"]
EN_SUFFIXES = ["Street", "St", "St.", "Avenue", "Ave", "Ave.", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr",
               "Court", "Ct", "Way", "Place", "Pl", "Terrace", "Crescent", "Close", "Parkway", "Highway"]
US_CITIES = [("Springfield", "IL", "62704"), ("Austin", "TX", "78701"), ("Portland", "OR", "97205"), ("Madison", "WI", "53703"),
             ("Flushing", "NY", "11354"), ("San Gabriel", "CA", "91776"), ("Quincy", "MA", "02169"), ("Bellevue", "WA", "98004")]
UK_PLACES = [("London", "NW1 6XE"), ("Manchester", "M1 4BT"), ("Leeds", "LS1 5DL"), ("Birmingham", "B2 4QA"), ("Glasgow", "G2 3HG"),
             ("Edinburgh", "EH1 1YZ"), ("Bristol", "BS1 5TR"), ("Oxford", "OX1 2JD")]


def alternate(items, split):
    """Even entries for the tuning split, odd ones for the held-out split."""
    return items[0::2] if split == "dev" else items[1::2]


class Doc:
    """A document built piece by piece, with gold spans in code points."""

    def __init__(self):
        self.text = ""
        self.spans = []

    def add(self, piece, entity=None):
        if entity:
            self.spans.append({"start": len(self.text), "end": len(self.text) + len(piece), "entity": entity})
        self.text += piece
        return self

    def fill(self, frame, values):
        """`frame` holds {} slots; `values` are (text, entity) pairs, in order."""
        parts = frame.split("{}")
        assert len(parts) == len(values) + 1, frame
        for part, (value, entity) in zip(parts, values):
            self.add(part)
            self.add(value, entity)
        self.add(parts[-1])
        return self


# --- values -------------------------------------------------------------------------------------

def mobile_digits(rng):
    return rng.choice(MOBILE_SEGMENTS) + "".join(rng.choice("0123456789") for _ in range(8))


def group(digits, sizes, separator):
    out, index = [], 0
    for size in sizes:
        out.append(digits[index:index + size])
        index += size
    if index < len(digits):
        out.append(digits[index:])
    return separator.join(out)


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
CN_NUMERALS = str.maketrans("0123456789", "零一二三四五六七八九")
CN_CAPITAL = str.maketrans("0123456789", "零壹贰叁肆伍陆柒捌玖")


def mobile_layouts():
    return [
        lambda d, r: d,
        lambda d, r: group(d, [3, 4, 4], "-"),
        lambda d, r: group(d, [3, 4, 4], " "),
        lambda d, r: group(d, [3, 4, 4], "."),
        lambda d, r: " ".join(d),
        lambda d, r: d[:3] + " " + d[3:7] + "-" + d[7:],
        lambda d, r: "+86 " + group(d, [3, 4, 4], " "),
        lambda d, r: "+86-" + d,
        lambda d, r: "0086 " + d,
        lambda d, r: "(+86)" + d,
        lambda d, r: d.translate(FULLWIDTH),
        lambda d, r: d.translate(CN_NUMERALS).replace("零", r.choice("零〇")),
        lambda d, r: group(d, [3, 3, 5], " "),
        lambda d, r: group(d, [4, 4, 3], " "),
        lambda d, r: group(d, [3, 4, 4], "—"),
        lambda d, r: d[:3] + "." + d[3:7] + " " + d[7:],
        lambda d, r: group(d, [3, 4, 4], "-").translate(FULLWIDTH),
        lambda d, r: "-".join(d[i:i + 2] for i in range(0, 11, 2)),
        lambda d, r: group(d, [3, 4, 4], " ").translate(CN_CAPITAL),
        lambda d, r: "86 " + d,
    ]


def landline(rng, layout_index):
    area = rng.choice(AREA_CODES)
    local_length = 8 if len(area) == 3 else rng.choice([7, 8])
    local = str(rng.randint(2, 8)) + "".join(rng.choice("0123456789") for _ in range(local_length - 1))
    layouts = [
        lambda: f"{area}-{local}",
        lambda: f"({area}){local}",
        lambda: f"{area} {local[:4]} {local[4:]}",
        lambda: f"（{area}）{local}",
        lambda: f"+86 {area[1:]} {local}",
        lambda: f"{area}.{local}",
        lambda: f"{area}{local}",
        lambda: f"{area}-{local[:4]}-{local[4:]}",
        lambda: f"{area}-{local}转{rng.randint(100, 8999)}",
        lambda: f"{area}－{local}".translate(FULLWIDTH),
    ]
    return layouts[layout_index % len(layouts)](), local


def service_number(rng, layout_index):
    prefix = rng.choice(["400", "800"])
    rest = "".join(rng.choice("0123456789") for _ in range(7))
    d = prefix + rest
    layouts = [group(d, [3, 3, 4], "-"), group(d, [3, 4, 3], " "), d, group(d, [3, 4, 3], "-"), group(d, [4, 3, 3], "-"),
               group(d, [3, 3, 4], " "), group(d, [1, 3, 3, 3], "-"), group(d, [3, 7], "-")]
    return layouts[layout_index % len(layouts)]


def qq_number(rng):
    length = rng.choice([5, 6, 7, 8, 8, 9, 9, 9, 10, 10, 11])
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(length - 1))


def qq_grouped(q, separator):
    """How people group a QQ number by length: 4+4, 3+3+3, 3+3+4; shorter and longer ones stay whole."""
    sizes = {8: [4, 4], 9: [3, 3, 3], 10: [3, 3, 4], 11: [3, 4, 4]}.get(len(q))
    return group(q, sizes, separator) if sizes else q


def qq_layouts():
    return [
        lambda q, r: q,
        lambda q, r: qq_grouped(q, " "),
        lambda q, r: q.translate(FULLWIDTH),
        lambda q, r: qq_grouped(q, "-"),
        lambda q, r: q.translate(CN_CAPITAL),
        lambda q, r: qq_grouped(q, "  "),
        lambda q, r: q.translate(CN_NUMERALS),
        lambda q, r: qq_grouped(q, "."),
    ]


def wechat_id(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return rng.choice(PINYIN) + rng.choice(GIVEN) + str(rng.randint(1, 9999))
    if kind == 1:
        return rng.choice(EN_WORDS) + "_" + rng.choice(PINYIN) + str(rng.randint(10, 99))
    if kind == 2:
        return rng.choice(["wxid_"]) + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(12, 16)))
    if kind == 3:
        return rng.choice(PINYIN).capitalize() + rng.choice(GIVEN).capitalize() + rng.choice(["", "_", "-"]) + str(rng.randint(1980, 2012))
    if kind == 4:
        return rng.choice(EN_WORDS) + rng.choice(EN_WORDS) + str(rng.randint(1, 999))
    return rng.choice("abcdefghjkmnpqrstwxyz") + rng.choice(PINYIN) + "-" + rng.choice(GIVEN) + str(rng.randint(0, 99))


def email_local(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(PINYIN) + rng.choice(["", ".", "_"]) + rng.choice(GIVEN) + str(rng.randint(0, 999))
    if kind == 1:
        return rng.choice(EN_WORDS) + str(rng.randint(1, 9999))
    if kind == 2:
        return qq_number(rng)
    return rng.choice(GIVEN) + "." + rng.choice(PINYIN)


def email_layouts():
    return [
        lambda l, d: (f"{l}@{d}", ""),
        lambda l, d: (f"{l}#{d.split('.')[0]}.{d.split('.', 1)[1]}", "（#换成@）"),
        lambda l, d: (f"{l}(at){d}", ""),
        lambda l, d: (f"{l} [at] {d.replace('.', ' [dot] ')}", ""),
        lambda l, d: (f"{l}艾特{d}", ""),
        lambda l, d: (f"{l}＠{d}", ""),
        lambda l, d: (f"{l} @ {d}", ""),
        lambda l, d: (f"{l} at {d.replace('.', ' dot ')}", ""),
        lambda l, d: (f"{l}#{d}", "（把#改成@）"),
        lambda l, d: (f"{l}[at]{d}", ""),
        lambda l, d: (f"{l}＠{d}".translate(FULLWIDTH), ""),
        lambda l, d: (f"{l} AT {d.replace('.', ' DOT ')}", ""),
        lambda l, d: (f"{l}(a){d}", ""),
        lambda l, d: (f"{l}圈a{d}", ""),
    ]


def resident_id(rng, valid=True):
    region = rng.choice(ID_REGIONS)
    year = rng.randint(1950, 2005)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    body = f"{region}{year}{month:02d}{day:02d}{rng.randint(0, 999):03d}"
    check = ID_CHECK[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS)) % 11]
    if not valid:
        check = rng.choice([c for c in "0123456789X" if c != check])
    return body + check


def id_layouts():
    return [
        lambda i: i,
        lambda i: f"{i[:6]} {i[6:14]} {i[14:]}",
        lambda i: i.lower(),
        lambda i: i.translate(FULLWIDTH),
        lambda i: f"{i[:6]}-{i[6:14]}-{i[14:]}",
        lambda i: f"{i[:3]} {i[3:6]} {i[6:10]} {i[10:14]} {i[14:]}",
    ]


def luhn_complete(partial):
    digits = [int(c) for c in partial]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return partial + str((10 - total % 10) % 10)


def bank_card(rng, valid=True):
    prefix = rng.choice(CARD_PREFIXES)
    length = rng.choice([16, 16, 19, 19, 17, 18])
    partial = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    card = luhn_complete(partial)
    if not valid:
        card = card[:-1] + str((int(card[-1]) + rng.randint(1, 9)) % 10)
    return card


def card_layouts():
    return [
        lambda c: c,
        lambda c: group(c, [4, 4, 4, 4], " "),
        lambda c: group(c, [4, 4, 4, 4], "-"),
        lambda c: group(c, [6, 13], " ") if len(c) == 19 else group(c, [4, 4, 4, 4], " "),
        lambda c: c.translate(FULLWIDTH),
        lambda c: group(c, [4, 4, 4, 4], "  "),
    ]


def plate(rng, index):
    province = rng.choice(PROVINCE_PLATE)
    letter = rng.choice(PLATE_LETTERS)
    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    tail5 = "".join(rng.choice(alnum if i < 2 else "0123456789") for i in range(5))
    kinds = [
        lambda: f"{province}{letter}{tail5}",
        lambda: f"{province}{letter}·{tail5}",
        lambda: f"{province}{letter}-{tail5}",
        lambda: f"{province}{letter} {tail5}",
        lambda: f"{province}{letter}{rng.choice('DF')}{rng.choice(alnum)}{rng.randint(1000, 9999)}",
        lambda: f"{province}{letter}·{rng.randint(10000, 99999)}{rng.choice('DF')}",
        lambda: f"{province}{letter}{rng.randint(1000, 9999)}{rng.choice('挂学警港澳领试超')}",
        lambda: f"{province}{letter}·{rng.randint(1000, 9999)}{rng.choice('挂学警')}",
        lambda: f"{province}{letter.lower()}{tail5.lower()}",
        lambda: f"{province}{letter} {tail5[:2]} {tail5[2:]}",
        lambda: f"{province}{letter}{rng.randint(1000, 9999)}挂",
        lambda: f"粤Z{rng.randint(1000, 9999)}{rng.choice('港澳')}",
    ]
    return kinds[index % len(kinds)]()


def cn_address(rng, index):
    province, city, districts = rng.choice(PROVINCES)
    district = rng.choice(districts)
    road = rng.choice(ROADS)
    number = rng.randint(1, 999)
    compound = rng.choice(COMPOUNDS)
    building, unit, floor, room = rng.randint(1, 40), rng.randint(1, 6), rng.randint(1, 33), rng.randint(1, 8)
    county = rng.choice(COUNTIES)
    kinds = [
        lambda: f"{province}{city}{district}{road}{number}号{compound}{building}栋{unit}单元{floor}0{room}室",
        lambda: f"{city}{district}{road}{number}号",
        lambda: f"{road}{number}号{building}栋{floor}0{room}",
        lambda: f"{district}{compound}{building}幢{unit}单元{floor}0{room}",
        lambda: f"{county[1]}{county[2]}{rng.choice(TOWNS)}{rng.choice(VILLAGES)}{rng.randint(1, 12)}组",
        lambda: f"{city}{district}{rng.choice(ALLEYS)}{number}号",
        lambda: f"{compound}{building}号楼{unit}单元{floor}0{room}",
        lambda: f"{road}{number}号{compound}{rng.choice('ABCD')}座{floor}0{room}室",
        lambda: f"{county[0]}{county[2]}{rng.choice(TOWNS)}{rng.choice(VILLAGES)}",
        lambda: f"{city}{road}与{rng.choice(ROADS)}交叉口{compound}{building}-{unit}-{floor}0{room}",
        lambda: f"{district}{road}{number}号院{building}号楼",
        lambda: f"{road}{number}弄{building}号{floor}0{room}室",
        lambda: f"{city}{district}{road}{number}-{number + 2}号{compound}{floor}楼",
        lambda: f"{rng.choice(VILLAGES)}{rng.randint(1, 9)}组{rng.randint(1, 60)}号",
    ]
    return kinds[index % len(kinds)]()


def en_address(rng, index):
    number = rng.randint(1, 9899)
    street = f"{rng.choice(EN_STREETS)} {rng.choice(EN_SUFFIXES)}"
    city, state, zip_code = rng.choice(US_CITIES)
    uk_city, postcode = rng.choice(UK_PLACES)
    apt = rng.choice(["Apt 5B", "Apt. 12", "Suite 300", "Unit 4", "#207", "Apt 3C", "Ste 110"])
    kinds = [
        lambda: f"{number} {street}, {city}, {state} {zip_code}",
        lambda: f"{number} {street}, {apt}, {city}, {state} {zip_code}",
        lambda: f"{number} {street}",
        lambda: f"{rng.randint(1, 300)} {street}, {uk_city} {postcode}",
        lambda: f"Flat {rng.randint(1, 40)}, {rng.randint(1, 200)} {street}, {uk_city}",
        lambda: f"{number} {street} {apt}",
        lambda: f"{number} N {street}, {city}, {state}",
        lambda: f"{rng.randint(1, 300)}{rng.choice('ABC')} {street}, {uk_city} {postcode}",
        lambda: f"Room {rng.randint(1, 30)}0{rng.randint(1, 9)}, {rng.randint(1, 40)}/F, {rng.randint(1, 300)} {rng.choice(['Nathan', 'Queen', 'Hennessy', 'Des Voeux'])} Road, {rng.choice(['Kowloon', 'Central', 'Wan Chai'])}",
        lambda: f"{number} West {rng.randint(1, 120)}th Street, New York, NY 100{rng.randint(10, 99)}",
    ]
    return kinds[index % len(kinds)]()


# --- frames -------------------------------------------------------------------------------------
# {} is the value; frames in a list alternate between the two splits.

PHONE_FRAMES_ZH = [
    "有意者请联系{}，非诚勿扰", "手机：{}（微信同号）", "电话{}，王先生", "联系电话：{} 晚上十点前", "预留号码是{}，打不通就发短信",
    "手机号{}", "我的电话 {} 欢迎来电", "房东电话{}，直接打", "call我 {}", "打这个号：{}，找刘姐", "TEL：{}", "联系方式 {}（同V）",
    "急转！联系{}", "电话号码{}，周末也在", "座机打不通就打手机{}", "他给我留的手机是{}。", "号码{}，備注來意", "联系人张女士 {}",
    "本人手机{}，中介勿扰", "有问题可以打我电话{}", "报名电话：{}", "紧急联系人：母亲，{}", "出租，电话：{}",
]
PHONE_FRAMES_EN = [
    "You can call me at {} after six.", "Phone: {}", "The poster left a number, {}, and asked buyers to text first.",
    "Her mobile is {}.", "call or text {} anytime", "He gave the reporter his cell, {}, and hung up.", "Contact: Mr. Zhou, {}",
    "The ad listed a phone number ({}) and a price.", "tel {} (wechat same)", "I called {} twice and nobody answered.",
]
LANDLINE_FRAMES = [
    "办公室电话{}", "座机：{}", "订餐电话 {} 送货上门", "有事打座机{}找李老师", "the office line, {}, rings unanswered",
    "公司电话{}（工作日）", "前台：{}", "热线：{}", "call the clinic at {}", "传真/电话：{}",
]
LOCAL_AFTER_FRAMES = ["电话：{}、{}", "座机{}/{}", "联系电话{}，{}", "电话 {} 或 {}"]
SERVICE_FRAMES = ["客服热线{}", "售后电话：{}", "全国统一服务热线 {}", "Customer service: {}", "投诉电话{}（免费）", "拨打{}预约"]
SPLIT_LINE_FRAMES = ["电话：{}\n{}", "手机号 {}\n{} 晚上打"]
QQ_FRAMES = [
    "有事加我QQ：{}", "扣扣 {} 欢迎交流", "QQ号码 {} 楼主好人", "加Q{}，备注来意", "企鹅号{}私聊", "q：{}", "我扣扣是{}",
    "qq{}", "Q号:{}", "联系QQ {}（不常在线）", "QQ {} / 微信同名", "my QQ is {}", "his QQ number, {}, was in the post",
    "秋秋{}", "加我企鹅{}", "QQ：{} 密码不要问", "扣号 {}", "QQ/{}",
]
QQ_GROUP_FRAMES = ["QQ群：{}", "扣扣群 {} 欢迎加入", "群号{}，进群改备注", "进群{}", "交流群：{}（QQ）", "the QQ group {} has 300 members",
                   "加群{}", "QQ群号：{}"]
WECHAT_FRAMES = [
    "加我微信{}，备注读者", "vx：{} 私聊", "V信 {}", "薇信是{}哦", "威信{}", "卫星：{}", "绿泡泡 {}", "VX {} 看朋友圈",
    "wx:{}", "加V：{}", "➕V {}", "WeChat ID: {}", "Weixin: {}", "微信号：{}", "已加微信，我的是{}", "微信换了，新的是{}",
    "I added them on WeChat, {}, the same night.", "He shared a WeChat ID, {}, in the thread.", "Contact on WeChat ({}).",
    "her WeChat is {}", "add me on wechat ({}) pls", "v：{}", "微：{}", "加薇{}", "wechat: {}", "微信搜{}", "+V {}",
    "徽信{}", "VX号{}", "扫码或加微信 {} 咨询",
]
WXID_FRAMES = ["{}", "转发自 {}", "账号：{}", "用户 {} 发布"]
EMAIL_FRAMES = [
    "邮箱{}", "简历发到 {}", "email: {}", "Write to {}.", "投稿：{}", "联系邮箱：{}", "send it to {} please", "我的邮箱是{}",
    "Email {} for details", "有兴趣发邮件{}", "邮件 {}", "contact: {}",
]
ID_FRAMES = ["身份证号{}，请核对", "他的证件号码是{}。", "身份证：{}", "ID: {}", "公民身份号码 {}", "身份证号码 {} 已登记",
             "her ID number, {}, was printed on the form", "证件号{}", "身份证{}丢了，捡到请联系", "身份证号是：{}"]
ID_BAD_CHECK_FRAMES = ["身份证号{}", "身份证：{}", "ID number {}", "身份证号码：{}"]
CARD_FRAMES = ["工行卡号{}，户名张三", "card {} exp 12/26", "收款账号：{}", "银行卡 {}", "转账到{}（建行）", "卡号：{}",
               "account number {}", "借记卡{}", "信用卡号 {}", "打款账户 {}"]
CARD_BAD_FRAMES = ["卡号{}", "银行卡号：{}", "收款卡号 {}"]
PLATE_FRAMES = ["车牌{}停在楼下", "一辆{}的白色轿车", "车牌号：{}", "plate {}", "肇事车辆{}逃逸", "车牌号码是{}", "停车场里的{}",
                "the car, plate number {}, was found", "车号{}", "{}的车主请挪车"]
ADDRESS_FRAMES_ZH = ["地址：{}", "住在{}", "收货地址 {}", "寄到{}，谢谢", "房子在{}，拎包入住", "现住址：{}", "家住{}",
                     "快递放{}门口", "公司地址：{}", "事发地点位于{}", "我家在{}", "户籍地址 {}"]
ADDRESS_FRAMES_EN = ["Address: {}", "She lives at {}.", "Ship to {}", "The shop at {} closed last year.", "mail it to {}",
                     "He moved to {} in March.", "Office: {}", "They met at {}."]

NEGATIVES = [
    "订单号 {}".format, "快递单号：SF{}".format, "运单号{}".format, "交易流水号{}".format, "案号（2023）京0105民初{}号".format,
    "金额¥{}".format, "共{}元".format, "时间戳 {}".format, "型号 {} 已停产".format, "ISBN 978-7-{}".format, "版本号 13.8.{}".format,
    "学号{}".format, "工号 {}".format, "商品编码{}".format, "发票号码 {}".format, "{} 是一个质数吗".format, "会员编号{}".format,
    "物流单号 YT{}".format, "Order #{} shipped".format, "tracking number 1Z{}".format, "case no. {}".format,
]


def negative_value(rng, index):
    if index % 5 == 0:
        return luhn_complete("".join(rng.choice("0123456789") for _ in range(15)))  # passes Luhn, but it is an order number
    if index % 5 == 1:
        return str(rng.randint(10**12, 10**14))
    if index % 5 == 2:
        return f"{rng.randint(2019, 2025)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(10**5, 10**6 - 1)}"
    if index % 5 == 3:
        return f"{rng.randint(1, 99999):,}.{rng.randint(0, 99):02d}"
    return str(rng.randint(10000, 99999))


FILLER_ZH = ["楼主说的没错。", "先顶一下！", "这个小区物业很差。", "我们下周见面聊。", "有没有人一起拼车？", "价格可以商量。",
             "今天天气不错，", "谢谢大家，", "已经解决了。", "", "", "求推荐靠谱的师傅。", "2023年11月29日发布。", "共3间房，月租2500元。"]
FILLER_EN = ["Thanks everyone.", "", "The thread was deleted two days later.", "Posted on 29 November 2023.", "", "Price is negotiable.",
             "We spoke again in March.", "I can't confirm the rest."]


def make_document(rng, index, split):
    doc = Doc()
    kind = index % 17
    filler = lambda: rng.choice(FILLER_ZH)
    pick = lambda items: rng.choice(alternate(items, split))
    doc.add(filler())
    if kind == 0 or kind == 1:
        layout = pick(mobile_layouts())
        value = layout(mobile_digits(rng), rng)
        frame = pick(PHONE_FRAMES_ZH if kind == 0 else PHONE_FRAMES_EN)
        doc.fill(frame, [(value, "PHONE_NUMBER")])
    elif kind == 2:
        roll = rng.randrange(4)
        if roll == 0:
            frame = pick(LANDLINE_FRAMES)
            value, _ = landline(rng, rng.choice(alternate(list(range(10)), split)))
            doc.fill(frame, [(value, "PHONE_NUMBER")])
        elif roll == 1:
            frame = pick(LOCAL_AFTER_FRAMES)
            first, local = landline(rng, 0)
            other = str(int(local) + rng.randint(1, 9))
            doc.fill(frame, [(first, "PHONE_NUMBER"), (other, "PHONE_NUMBER")])
        elif roll == 2:
            frame = pick(SERVICE_FRAMES)
            doc.fill(frame, [(service_number(rng, rng.choice(alternate(list(range(8)), split))), "PHONE_NUMBER")])
        else:
            frame = pick(SPLIT_LINE_FRAMES)
            digits = mobile_digits(rng)
            cut = rng.choice(alternate([3, 7, 5, 4, 6, 8], split))
            # one number written across a line break is one span
            parts = frame.split("{}")
            doc.add(parts[0])
            start = len(doc.text)
            doc.add(digits[:cut] + parts[1] + digits[cut:])
            doc.spans.append({"start": start, "end": len(doc.text), "entity": "PHONE_NUMBER"})
            doc.add(parts[2])
    elif kind == 3 or kind == 4:
        layout = pick(qq_layouts())
        doc.fill(pick(QQ_FRAMES), [(layout(qq_number(rng), rng), "QQ_NUMBER")])
    elif kind == 5:
        doc.fill(pick(QQ_GROUP_FRAMES), [(qq_number(rng), "QQ_NUMBER")])
    elif kind == 6 or kind == 7:
        wid = wechat_id(rng)
        frame = pick(WXID_FRAMES) if wid.startswith("wxid_") and rng.random() < 0.5 else pick(WECHAT_FRAMES)
        doc.fill(frame, [(wid, "WECHAT_ID")])
    elif kind == 8:
        local, domain = email_local(rng), rng.choice(MAIL_DOMAINS)
        value, note = pick(email_layouts())(local, domain)
        doc.fill(pick(EMAIL_FRAMES), [(value, "EMAIL_ADDRESS")]).add(note)
    elif kind == 9:
        if rng.random() < 0.2:
            doc.fill(pick(ID_BAD_CHECK_FRAMES), [(resident_id(rng, valid=False), "CN_RESIDENT_ID")])
        else:
            doc.fill(pick(ID_FRAMES), [(pick(id_layouts())(resident_id(rng)), "CN_RESIDENT_ID")])
    elif kind == 10:
        if rng.random() < 0.2:
            doc.fill(pick(CARD_BAD_FRAMES), [(bank_card(rng, valid=False), "BANK_CARD")])
        else:
            doc.fill(pick(CARD_FRAMES), [(pick(card_layouts())(bank_card(rng)), "BANK_CARD")])
    elif kind == 11:
        doc.fill(pick(PLATE_FRAMES), [(plate(rng, rng.choice(alternate(list(range(12)), split))), "CN_LICENSE_PLATE")])
    elif kind == 12:
        doc.fill(pick(ADDRESS_FRAMES_ZH), [(cn_address(rng, rng.choice(alternate(list(range(14)), split))), "ADDRESS")])
    elif kind == 13:
        doc.text = ""
        doc.add(rng.choice(FILLER_EN) + " ")
        doc.fill(pick(ADDRESS_FRAMES_EN), [(en_address(rng, rng.choice(alternate(list(range(10)), split))), "ADDRESS")])
    elif kind == 14:
        # a post with several kinds at once
        wid = wechat_id(rng)
        doc.fill(pick(PHONE_FRAMES_ZH), [(pick(mobile_layouts())(mobile_digits(rng), rng), "PHONE_NUMBER")])
        doc.add("，")
        doc.fill(pick(WECHAT_FRAMES), [(wid, "WECHAT_ID")])
        doc.add("。")
        doc.fill(pick(ADDRESS_FRAMES_ZH), [(cn_address(rng, rng.choice(alternate(list(range(14)), split))), "ADDRESS")])
    else:
        # hard negatives: nothing here is personal data
        value = negative_value(rng, index // 17)
        doc.add(pick(NEGATIVES)(value))
        doc.add("，" + rng.choice(["1+1=2", "3.1415926535", "2023-11-29 14:30", "共计12,345件", "第13812页", "房价每平米38000"]))
    tail = filler()
    # Text after a value starts a new clause; digits glued to a number would make another number.
    doc.add((rng.choice(["。", "，", " ", "\n", "！"]) if tail[:1].isdigit() else "") + tail)
    return doc


def split_arguments(description, seed):
    """The command line of every split's script: --count, --seed, --out."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--count", type=int, default=1200, help="documents")
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    return parser.parse_args()


def run_split(doc, name, seed, make):
    """A split script's main: writes NAME.jsonl from make(rng, index), one Doc per index."""
    args = split_arguments(doc.split("\n")[0], seed)
    rng = random.Random(args.seed)
    write_split(args.out, name, (make(rng, index) for index in range(args.count)))


def write_split(out_dir, name, documents):
    """Writes NAME.jsonl from Doc values, numbered NAME-1, NAME-2, …"""
    path = os.path.join(out_dir, f"{name}.jsonl")
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for doc in documents:
            count += 1
            out.write(json.dumps({"id": f"{name}-{count}", "text": doc.text, "spans": doc.spans}, ensure_ascii=False) + "\n")
    print(f"{path}: {count} documents")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1200, help="documents per split")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    for split, offset in (("dev", 0), ("heldout", 1)):
        rng = random.Random(args.seed + offset)
        path = os.path.join(args.out, f"{split}.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for index in range(args.count):
                doc = make_document(rng, index, split)
                record = {"id": f"{split}-{index + 1}", "text": doc.text, "spans": doc.spans}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{path}: {args.count} documents")


if __name__ == "__main__":
    main()
