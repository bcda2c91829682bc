#!/usr/bin/env python3
"""Writes courier.jsonl, the contact-leak corpus's fifth held-out split.

Written on 2026-12-02 after other.jsonl's misses had been read and fixed. Its genre is the one the
other splits miss: text copied out of e-commerce and logistics screens — Taobao and JD order
pages (收货人 / 联系方式 / 收货地址 with spaces between the administrative parts), SF and ZTO
waybills, 12306 tickets, hospital registration slips, Alipay and WeChat Pay receipts, group-buy
sign-up lists (接龙) — and the English equivalents (shipping labels, order confirmations). Its
layouts were written from how those screens print, not from Veil's patterns. Its first figure is
reported as held out.

Usage: courier.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
PLACES = [("浙江省", "杭州市", "西湖区", "文三路", "华星时代广场"), ("广东省", "深圳市", "南山区", "科技南十二路", "创维半导体设计大厦"),
          ("江苏省", "苏州市", "工业园区", "星湖街", "东方之门"), ("湖北省", "武汉市", "洪山区", "珞喻路", "光谷广场"),
          ("四川省", "成都市", "高新区", "天府三街", "腾讯大厦"), ("北京市", "北京市", "朝阳区", "望京街", "望京SOHO"),
          ("上海市", "上海市", "闵行区", "莘庄镇莘建路", "莘城苑"), ("河南省", "郑州市", "金水区", "农业路", "东方鼎盛时代"),
          ("福建省", "泉州市", "丰泽区", "刺桐路", "温陵小区"), ("山东省", "青岛市", "黄岛区", "长江中路", "佳世客")]
EN = [("1600 Amphitheatre Pkwy", "Mountain View, CA 94043"), ("350 Fifth Ave", "New York, NY 10118"),
      ("221 Elm St Apt 4", "Madison, WI 53703"), ("8 Harbour Rd", "Wan Chai, Hong Kong"), ("77 King St W, Suite 400", "Toronto, ON M5K 1A2"),
      ("12 Rue de Rivoli", "75004 Paris"), ("45 Collins St", "Melbourne VIC 3000"), ("5-2-1 Ginza", "Chuo-ku, Tokyo 104-0061")]


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def mobile(rng):
    d = g.mobile_digits(rng)
    return rng.choice([d, d, f"{d[:3]} {d[3:7]} {d[7:]}", f"86-{d}", f"+86{d}", f"{d[:3]}-{d[3:7]}-{d[7:]}"])


def cn_address(rng):
    province, city, district, road, building = rng.choice(PLACES)
    number = rng.randint(1, 999)
    room = f"{rng.randint(1, 30)}{rng.randint(1, 9):02d}"
    admin = rng.choice([f"{province} {city} {district}", f"{province}{city}{district}", f"{city} {district}",
                        f"{province}{district}" if province == city else f"{province} {city}{district}"])
    return rng.choice([
        f"{admin} {road}{number}号{building}{rng.choice('ABC')}座{room}",
        f"{admin}{road}{number}号 {building} {rng.randint(1, 20)}楼",
        f"{admin} {building}{rng.randint(1, 12)}栋{room}室",
        f"{admin}{road}{number}号（{building}）",
        f"{admin}{road}与{rng.choice(['学院路', '中山路', '建设路'])}交叉口{building}{rng.randint(1, 9)}号楼",
    ])


def record(rng, index):
    doc = g.Doc()
    kind = index % 12
    who = name(rng)
    if kind == 0:  # Taobao order page
        doc.fill("收货人：{}\n联系方式：{}\n收货地址：{}", [(who, None), (mobile(rng), "PHONE_NUMBER"), (cn_address(rng), "ADDRESS")])
    elif kind == 1:  # SF waybill
        doc.fill("寄件人 {} {}\n收件人 {} {}\n{}", [(who, None), (mobile(rng), "PHONE_NUMBER"), (name(rng), None), (mobile(rng), "PHONE_NUMBER"),
                                                 (cn_address(rng), "ADDRESS")])
    elif kind == 2:  # group-buy sign-up list
        n = rng.randint(2, 9)
        doc.add(f"#接龙\n团购水果，写名字+电话+地址\n{n}. {who} ")
        doc.add(mobile(rng), "PHONE_NUMBER")
        doc.add(" ")
        doc.add(rng.choice(PLACES)[4] + f"{rng.randint(1, 20)}-{rng.randint(1, 4)}-{rng.randint(1, 30)}0{rng.randint(1, 4)}", "ADDRESS")
    elif kind == 3:  # Alipay / WeChat Pay receipt
        account = rng.choice([g.email_local(rng) + "@" + rng.choice(["163.com", "qq.com", "126.com"]), mobile(rng)])
        entity = "EMAIL_ADDRESS" if "@" in account else "PHONE_NUMBER"
        doc.fill("转账成功\n收款方：{}\n对方账户：{}\n金额：¥{}.00", [(who, None), (account, entity), (str(rng.randint(10, 9999)), None)])
    elif kind == 4:  # hospital registration slip
        doc.fill("挂号单\n姓名：{} 身份证：{}\n联系电话：{}", [(who, None), (g.resident_id(rng), "CN_RESIDENT_ID"), (mobile(rng), "PHONE_NUMBER")])
    elif kind == 5:  # 12306 ticket
        doc.fill("{} {}\n乘车人 {} 证件号 {}", [(f"G{rng.randint(1, 9999)}次", None), (f"{rng.randint(1, 16):02d}车{rng.randint(1, 20)}{rng.choice('ABCDF')}号", None),
                                             (who, None), (g.resident_id(rng)[:10] + "****" + g.resident_id(rng)[14:], None)])
        # the masked ID is not personal data in clear; the full one below is
        doc.add("\n（补录）证件号码：")
        doc.add(g.resident_id(rng), "CN_RESIDENT_ID")
    elif kind == 6:  # JD refund
        card = g.bank_card(rng)
        doc.fill("退款将原路退回至 {} 尾号{}，如有疑问请致电{}", [(rng.choice(["招商银行", "工商银行", "建设银行"]), None), (card[-4:], None),
                                                 (g.landline(rng, rng.randrange(10))[0], "PHONE_NUMBER")])
        doc.add("\n退款卡号：")
        doc.add(" ".join(card[i:i + 4] for i in range(0, len(card), 4)), "BANK_CARD")
    elif kind == 7:  # delivery driver chat
        doc.fill("快递小哥：您好，{}的快递到了，放{}可以吗？我电话{}", [(who, None), (cn_address(rng), "ADDRESS"), (mobile(rng), "PHONE_NUMBER")])
    elif kind == 8:  # English shipping label
        street, city = rng.choice(EN)
        phone = rng.choice([f"(555) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}", f"+1 555 {rng.randint(200, 999)} {rng.randint(1000, 9999)}",
                            f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}"])
        doc.fill("SHIP TO:\n{}\n{}\nPh: {}", [(street + "\n" + city, "ADDRESS"), ("", None), (phone, "PHONE_NUMBER")])
    elif kind == 9:  # English order confirmation
        email = g.email_local(rng) + "@" + rng.choice(["gmail.com", "outlook.com", "yahoo.com"])
        doc.fill("Order confirmation sent to {}. Contact us on WeChat: {} or QQ {}.", [(email, "EMAIL_ADDRESS"), (g.wechat_id(rng), "WECHAT_ID"),
                                                                                      (g.qq_number(rng), "QQ_NUMBER")])
    elif kind == 10:  # plates at a parking lot / ride-hailing receipt
        doc.fill("网约车行程单\n司机：{}师傅 车牌：{}\n客服电话：{}", [(who[0], None), (g.plate(rng, rng.randrange(12)), "CN_LICENSE_PLATE"),
                                                       (g.service_number(rng, rng.randrange(8)), "PHONE_NUMBER")])
    else:  # nothing personal: order and tracking numbers
        doc.add(f"订单编号：{rng.randint(10**17, 10**18 - 1)}\n运单号：SF{rng.randint(10**11, 10**12 - 1)}\n下单时间：2023-11-29 14:{rng.randint(10, 59)}")
    # Doc.fill with entity None: drop the empty spans it records
    doc.spans = [span for span in doc.spans if span["entity"] and span["end"] > span["start"]]
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "courier", 20261205, record)
