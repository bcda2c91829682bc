#!/usr/bin/env python3
"""Writes classifieds.jsonl, the contact-leak corpus's ninth held-out split.

Written on 2026-12-02 before any of its documents were run through Veil. Its genre: classified
ads and public notices, the text researchers scrape from 58同城-style boards, 闲鱼 listings,
Craigslist, and the 遗失声明 columns of local newspapers: rentals with a 联系人 and an address down
to the room, job ads with an HR mailbox and a landline extension, car-pool posts with a plate, loss
notices that print the lost ID card's or bank card's number (old 15-digit IDs among them), found-
property posts, English room-for-rent ads in US, UK, Canadian and Australian layouts. Its values
come from its own generators and lists (not generate.py's): other phone segments (19x, 16x, 17x),
Beijing 门 and dash-numbered buildings (3-2-402), 号院, 大道辅路, 交汇处, Canadian and Australian
postcodes. Hard negatives: prices, areas, floor counts, listing numbers, credit codes, dates.

Usage: classifieds.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鹏飞宇浩然子涵欣怡梓轩思远雨桐嘉怡晨阳"
# (province, city, [districts])
PLACES = [
    ("北京市", "", ["朝阳区", "海淀区", "丰台区", "通州区", "昌平区"]),
    ("上海市", "", ["浦东新区", "闵行区", "徐汇区", "宝山区"]),
    ("广东省", "东莞市", ["南城街道", "松山湖", "长安镇"]),
    ("浙江省", "宁波市", ["鄞州区", "海曙区", "江北区"]),
    ("四川省", "绵阳市", ["涪城区", "游仙区"]),
    ("河南省", "洛阳市", ["洛龙区", "西工区", "涧西区"]),
    ("山东省", "青岛市", ["市南区", "崂山区", "黄岛区"]),
    ("江苏省", "苏州市", ["工业园区", "吴中区", "姑苏区"]),
    ("湖南省", "株洲市", ["天元区", "芦淞区"]),
    ("辽宁省", "大连市", ["沙河口区", "甘井子区"]),
    ("福建省", "泉州市", ["丰泽区", "晋江市"]),
    ("陕西省", "咸阳市", ["秦都区", "渭城区"]),
]
ROADS = ["建设路", "人民北路", "金桥大道", "东三环中路", "学府街", "望江路", "长江西路", "太白南路", "光明大道", "解放东路",
         "新华街", "滨河北路", "世纪大道", "工农路", "幸福南街", "红旗路", "丰泽街", "青年大街"]
COMPOUNDS = ["阳光100", "万科城市花园", "翠湖雅居", "金地格林小城", "碧桂园凤凰城", "融创玖玺台", "恒大名都", "世纪新村",
             "和平里小区", "锦绣家园", "华润二十四城", "中海国际社区", "龙湖春江郦城", "建工宿舍", "幸福里", "紫薇花园"]
TOWNS = ["城关镇", "石桥镇", "白马乡", "龙泉镇", "新店镇", "双河镇"]
VILLAGES = ["柳树村", "王家庄村", "上坪村", "大湾村", "杨柳村", "高桥村"]
CITIES = ["绵阳", "成都", "洛阳", "郑州", "东莞", "深圳", "宁波", "杭州", "苏州", "上海"]


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def mobile(rng):
    # Segments allocated in the last few years, and older ones, with no table behind them.
    head = rng.choice(["190", "191", "192", "193", "195", "196", "197", "198", "199", "162", "165", "166", "167", "170", "171",
                       "172", "173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185", "186", "187", "188",
                       "189", "139", "138", "158", "159", "150", "151", "152", "157", "147", "145", "149", "130", "131", "132"])
    return head + "".join(rng.choice("0123456789") for _ in range(8))


def mobile_layout(rng, digits):
    kinds = [
        lambda: digits,
        lambda: f"{digits[:3]}-{digits[3:7]}-{digits[7:]}",
        lambda: f"{digits[:3]} {digits[3:7]} {digits[7:]}",
        lambda: f"{digits[:4]} {digits[4:8]} {digits[8:]}",
        lambda: f"{digits[:7]} {digits[7:]}",
        lambda: f"(+86){digits}",
        lambda: f"+86-{digits}",
        lambda: f"{digits[:3]}－{digits[3:7]}－{digits[7:]}",
        lambda: digits.translate(g.FULLWIDTH),
    ]
    return rng.choice(kinds)()


def landline(rng):
    area, length = rng.choice([("010", 8), ("021", 8), ("0769", 8), ("0574", 8), ("0816", 7), ("0379", 8), ("0532", 8),
                               ("0512", 8), ("0731", 8), ("0411", 8), ("0595", 8), ("029", 8)])
    local = str(rng.randint(2, 8)) + "".join(rng.choice("0123456789") for _ in range(length - 1))
    return rng.choice([f"{area}-{local}", f"{area} {local}", f"({area}){local}", f"{area}－{local}", f"{area}{local}"])


def qq(rng):
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(rng.randint(5, 9)))


def wechat(rng):
    letters = "abcdefghijklmnopqrstuvwxyz"
    kinds = [
        lambda: rng.choice(letters) + "".join(rng.choice(letters + "0123456789") for _ in range(rng.randint(5, 12))),
        lambda: rng.choice(["zufang", "xiaoli", "hr", "chezhu", "fangdong", "ershou", "tongcheng"]) + "_" + str(rng.randint(10, 99999)),
        lambda: rng.choice(letters).upper() + rng.choice(letters) + "".join(rng.choice("0123456789") for _ in range(rng.randint(6, 9))),
        lambda: rng.choice(["wang", "li", "zhang", "liu", "chen"]) + rng.choice(["jie", "ge", "laoshi", "jingli"]) + str(rng.randint(1970, 2005)),
        lambda: rng.choice(letters) + "-" + "".join(rng.choice(letters) for _ in range(4)) + str(rng.randint(1, 999)),
    ]
    return rng.choice(kinds)()


def email(rng):
    local = rng.choice([
        lambda: rng.choice(["hr", "zhaopin", "job", "recruit", "jianli", "rent", "info"]) + str(rng.randint(1, 99)),
        lambda: "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9))) + str(rng.randint(0, 9999)),
        lambda: str(rng.randint(10000, 9999999999)),
        lambda: rng.choice(["wang", "li", "zhang", "liu", "chen"]) + "." + rng.choice(["min", "fang", "hui", "lei"]),
    ])()
    domain = rng.choice(["126.com", "yeah.net", "sina.cn", "foxmail.com", "qq.com", "163.com", "aliyun.com", "139.com",
                         "hzjiaye.com.cn", "dgmould.cn", "outlook.com", "hotmail.com", "sohu.com"])
    return f"{local}@{domain}"


def id_card(rng, old=False):
    area = rng.choice(["110105", "310115", "441900", "330212", "510703", "410311", "370212", "320506", "430211", "210204"])
    year, month, day = rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28)
    seq = f"{rng.randint(0, 999):03d}"
    if old:
        return f"{area}{year % 100:02d}{month:02d}{day:02d}{seq}"
    body = f"{area}{year}{month:02d}{day:02d}{seq}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    if check == "X" and rng.random() < 0.5:
        check = "x"
    return body + check


def card(rng):
    prefix = rng.choice(["622202", "621700", "622848", "621226", "622588", "623668", "621483", "622908", "625965"])
    length = rng.choice([16, 19, 19])
    partial = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    return g.luhn_complete(partial)


def card_layout(rng, number):
    return rng.choice([number, " ".join(number[i:i + 4] for i in range(0, len(number), 4)), "-".join(number[i:i + 4] for i in range(0, len(number), 4))])


def plate(rng):
    province = rng.choice("京沪粤浙川豫鲁苏湘辽闽陕")
    letter = rng.choice("ABCDEFGHJKLMN")
    digits = "".join(rng.choice("0123456789") for _ in range(4))
    kinds = [
        lambda: f"{province}{letter}{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}{digits}",
        lambda: f"{province}{letter}·{rng.choice('0123456789')}{digits}",
        lambda: f"{province}{letter}{rng.choice('DF')}{rng.choice('0123456789ABCDEFGHJK')}{digits}",
        lambda: f"{province}{letter} {digits}{rng.choice('0123456789')}",
        lambda: f"{province}{letter}{digits}{rng.choice('0123456789')}",
    ]
    return rng.choice(kinds)()


def cn_address(rng):
    province, city, districts = rng.choice(PLACES)
    district = rng.choice(districts)
    road, compound = rng.choice(ROADS), rng.choice(COMPOUNDS)
    number, building, unit, floor, room = rng.randint(1, 888), rng.randint(1, 32), rng.randint(1, 6), rng.randint(1, 30), rng.randint(1, 6)
    kinds = [
        lambda: f"{city or province}{district}{compound}{building}号楼{unit}门{floor}0{room}",
        lambda: f"{district}{compound}{building}-{unit}-{floor}0{room}",
        lambda: f"{province}{city}{district}{road}{number}号院{building}号楼{unit}单元{floor}0{room}室",
        lambda: f"{city or province}{road}与{rng.choice(ROADS)}交汇处{compound}",
        lambda: f"{district}{road}辅路{number}号",
        lambda: f"{compound}{rng.choice('ABCDEF')}座{floor}{room:02d}",
        lambda: f"{province}{city}{rng.choice(TOWNS)}{rng.choice(VILLAGES)}{rng.randint(1, 15)}组{rng.randint(1, 99)}号",
        lambda: f"{road}{number}号{compound}{building}栋{floor}楼",
        lambda: f"{district}{road}{number}弄{building}号{floor}0{room}室",
        lambda: f"{city or province}{district}{compound}{building}幢{unit}单元",
    ]
    return rng.choice(kinds)()


def en_address(rng):
    number = rng.randint(2, 4999)
    street = rng.choice(["Prospect Ave", "Elmwood Drive", "Bathurst Street", "Glenferrie Road", "Harvard St", "Kingsway",
                         "Dundas St W", "Chapel Street", "Mission Blvd", "Beacon St", "Lygon Street", "Cowley Road"])
    kinds = [
        lambda: f"{number} {street}, Apt {rng.randint(1, 30)}, Somerville, MA 02143",
        lambda: f"{number} {street}, Toronto, ON M5S 2G{rng.randint(1, 9)}",
        lambda: f"Unit {rng.randint(1, 20)}/{rng.randint(1, 300)} {street}, Hawthorn VIC 3122",
        lambda: f"{rng.randint(1, 200)} {street}, Oxford OX4 1{rng.choice('ABDEFG')}{rng.choice('HJLNPQ')}",
        lambda: f"{number} {street} #{rng.randint(100, 999)}, Fremont, CA 94538",
        lambda: f"{rng.randint(1, 300)}-{number} {street}, Vancouver, BC V6P 3{rng.choice('ABCE')}{rng.randint(1, 9)}",
    ]
    return rng.choice(kinds)()


def contact_person(rng):
    return rng.choice(SURNAMES) + rng.choice(["先生", "女士", "小姐", "经理", "姐", "哥", "师傅"])


def record(rng, index):
    doc = g.Doc()
    kind = index % 16
    if kind == 0:
        doc.fill("【整租】{}两室一厅，家电齐全，{}元/月，押一付三。\n地址：{}\n联系人：{} {}",
                 [(rng.choice(COMPOUNDS), None), (str(rng.randint(18, 68) * 100), None), (cn_address(rng), "ADDRESS"),
                  (contact_person(rng), None), (mobile_layout(rng, mobile(rng)), "PHONE_NUMBER")])
    elif kind == 1:
        old = rng.random() < 0.3
        doc.fill("遗失声明：{}不慎遗失居民身份证一张，身份证号{}，特此声明作废。",
                 [(name(rng), None), (id_card(rng, old), "CN_RESIDENT_ID")])
    elif kind == 2:
        doc.fill("{}遗失{}银行借记卡一张，卡号：{}，声明作废。",
                 [(name(rng), None), (rng.choice(["中国工商", "中国农业", "中国建设", "招商", "中国邮政储蓄"]), None), (card_layout(rng, card(rng)), "BANK_CARD")])
    elif kind == 3:
        doc.fill("诚聘文员2名，五险一金，月薪{}-{}。简历请投递至{}，或致电{}转{}，HR {}",
                 [(str(rng.randint(3, 6) * 1000), None), (str(rng.randint(7, 9) * 1000), None), (email(rng), "EMAIL_ADDRESS"),
                  (landline(rng), "PHONE_NUMBER"), (str(rng.randint(800, 8999)), None), (contact_person(rng), None)])
    elif kind == 4:
        doc.fill("九成新婴儿推车出，{}元，同城自提（{}附近）。有意加V：{}，非诚勿扰",
                 [(str(rng.randint(80, 600)), None), (rng.choice(ROADS), None), (wechat(rng), "WECHAT_ID")])
    elif kind == 5:
        doc.fill("本周{}早上7点{}到{}拼车，余{}座，车牌{}，电话{}",
                 [(rng.choice("五六日"), None), (rng.choice(CITIES), None), (rng.choice(CITIES), None), (str(rng.randint(1, 3)), None),
                  (plate(rng), "CN_LICENSE_PLATE"), (mobile_layout(rng, mobile(rng)), "PHONE_NUMBER")])
    elif kind == 6:
        doc.fill("今天在{}捡到钱包一个，内有身份证（{}，{}），失主请联系{}认领。",
                 [(rng.choice(ROADS), None), (name(rng), None), (id_card(rng), "CN_RESIDENT_ID"), (mobile_layout(rng, mobile(rng)), "PHONE_NUMBER")])
    elif kind == 7:
        doc.fill("Room for rent, ${}/mo, utilities included. {}. Text {} or WeChat {}",
                 [(str(rng.randint(6, 19) * 100), None), (en_address(rng), "ADDRESS"),
                  (f"{rng.randint(201, 989)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}", "PHONE_NUMBER"), (wechat(rng), "WECHAT_ID")])
    elif kind == 8:
        doc.fill("求职：{}，{}岁，会计专业，三年工作经验。QQ {}  邮箱 {}",
                 [(name(rng), None), (str(rng.randint(22, 45)), None), (qq(rng), "QQ_NUMBER"), (email(rng), "EMAIL_ADDRESS")])
    elif kind == 9:
        doc.fill("{}的车主，你的车挡住消防通道了，物业电话{}，速来挪车！",
                 [(plate(rng), "CN_LICENSE_PLATE"), (landline(rng), "PHONE_NUMBER")])
    elif kind == 10:
        doc.fill("老家房子出售，位于{}，宅基地两百平，联系{}：{}",
                 [(cn_address(rng), "ADDRESS"), (contact_person(rng), None), (mobile(rng), "PHONE_NUMBER")])
    elif kind == 11:
        doc.fill("家教信息：初二数学，每周两次，地点{}。家长{}，微信{}，QQ群{}（本地家教群）",
                 [(cn_address(rng), "ADDRESS"), (contact_person(rng), None), (wechat(rng), "WECHAT_ID"), (qq(rng), "QQ_NUMBER")])
    elif kind == 12:
        digits = mobile(rng)
        doc.fill("转让奶茶店，月流水{}万，{}\n联系方式：{}（同微信）",
                 [(str(rng.randint(3, 12)), None), (cn_address(rng), "ADDRESS"), (mobile_layout(rng, digits), "PHONE_NUMBER")])
    elif kind == 13:
        doc.fill("Lost: black wallet near {}. ID inside reads {}. If found please email {} or call {}.",
                 [(rng.choice(["the library", "Chapel Street", "the 7-Eleven", "Kingsway station"]), None), (name(rng), None),
                  (email(rng), "EMAIL_ADDRESS"), (f"+1 ({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}", "PHONE_NUMBER")])
    elif kind == 14:
        doc.fill("{}遗失{}车辆行驶证，号牌号码{}，声明作废。",
                 [(name(rng), None), (rng.choice(["小型轿车", "电动车", "货车"]), None), (plate(rng), "CN_LICENSE_PLATE")])
    else:
        doc.add(rng.choice([
            f"房源编号FY{rng.randint(20230101, 20231231)}{rng.randint(100, 999)}，面积{rng.randint(40, 160)}.{rng.randint(1, 9)}㎡，{rng.randint(2, 30)}/{rng.randint(18, 33)}层，{rng.randint(1990, 2020)}年建成",
            f"统一社会信用代码91{rng.randint(110000, 659999)}MA{rng.randint(10, 99)}{rng.choice('ABCDEFG')}{rng.randint(10000, 99999)}，法定代表人变更公告",
            f"价格{rng.randint(1000, 99999)}元，可小刀，{rng.randint(2015, 2023)}年{rng.randint(1, 12)}月购入，发票编号{rng.randint(10000000, 99999999)}",
            f"月薪{rng.randint(5000, 30000)}，工作时间9:00-18:00，周末双休，招{rng.randint(1, 20)}人",
            f"发布时间 {rng.randint(2021, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}，浏览{rng.randint(100, 99999)}次，信息编号{rng.randint(100000000, 999999999)}",
        ]))
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "classifieds", 20261208, record)
