#!/usr/bin/env python3
"""Writes expat.jsonl, the contact-leak corpus's twelfth held-out split.

Written on 2026-12-02 before any of its documents were run through Veil. Its genre: English written
in and about mainland China — expat-forum posts about flats and visas, English business cards and
email signatures of Chinese firms, shipping addresses to China written in pinyin, English-language
classifieds in Shanghai/Beijing/Shenzhen, and English news quoting leaked Chinese records. Chinese
addresses in English order (Room 1502, Building 3, No. 88 Jianguo Road, Chaoyang District, Beijing
100022), phone numbers with +86 and (0) trunk prefixes, WeChat and QQ in English sentences, resident
ID and bank card numbers in English. Values come from this script's own generators. Hard negatives:
flight and train numbers, hotel room rates, visa and passport-style codes, years, floor counts.

Usage: expat.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

CITIES = [("Beijing", "Chaoyang District", "100020"), ("Beijing", "Haidian District", "100080"), ("Shanghai", "Jing'an District", "200040"),
          ("Shanghai", "Xuhui District", "200030"), ("Shanghai", "Pudong New Area", "200120"), ("Shenzhen", "Nanshan District", "518054"),
          ("Guangzhou", "Tianhe District", "510620"), ("Chengdu", "Wuhou District", "610041"), ("Hangzhou", "Xihu District", "310012"),
          ("Suzhou", "Gusu District", "215000")]
ROADS = ["Jianguo", "Xinzha", "Huaihai Middle", "Nanjing West", "Shennan", "Tianhe North", "Renmin South", "Wensan", "Fuxing", "Dongsanhuan",
         "Zhongguancun", "Keyuan", "Hengshan", "Julu", "Xiangyang North", "Wulumuqi Middle"]
ROAD_WORDS = ["Road", "Rd", "Rd.", "Lu", "Street", "St", "Avenue", "Dajie", "Jie"]
COMPOUNDS = ["Jianwai SOHO", "Central Park", "Yanlord Garden", "Vanke City Garden", "Seasons Park", "Lakeville Regency", "Green Court",
             "Oriental Kenzo", "Windsor Avenue", "Tomson Riviera", "Portman Residence", "Shimao Riviera Garden"]
SEGMENTS = ["135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "176", "177", "180", "181", "186", "187", "188", "189", "199", "166"]
AREAS = [("10", "Beijing"), ("21", "Shanghai"), ("755", "Shenzhen"), ("20", "Guangzhou"), ("28", "Chengdu"), ("571", "Hangzhou"), ("512", "Suzhou")]
FIRST = ["Wei", "Jing", "Lei", "Fang", "Hao", "Xin", "Yan", "Tao", "Ying", "Jun", "Kevin", "Cathy", "Lily", "Jason", "Helen", "Eric"]
LAST = ["Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu", "Xu", "Sun"]
LATIN = "abcdefghijklmnopqrstuvwxyz"


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def mobile(rng):
    n = rng.choice(SEGMENTS) + digits(rng, 8)
    return rng.choice([n, f"+86 {n[:3]} {n[3:7]} {n[7:]}", f"+86-{n}", f"(+86) {n}", f"+86 {n}", f"{n[:3]}-{n[3:7]}-{n[7:]}",
                       f"0086 {n}", f"+86.{n[:3]}.{n[3:7]}.{n[7:]}", f"+86 {n[:3]}-{n[3:7]}-{n[7:]}"])


def landline(rng):
    area, _ = rng.choice(AREAS)
    local = str(rng.randint(2, 8)) + digits(rng, 7 if len(area) == 2 else 6)
    half = len(local) // 2
    return rng.choice([f"+86 {area} {local}", f"+86 ({area}) {local[:4]} {local[4:]}", f"+86-{area}-{local}", f"+86 (0){area} {local}",
                       f"0{area}-{local}", f"(0{area}) {local[:half]}-{local[half:]}", f"+86 {area} {local[:4]}-{local[4:]}"])


def wechat(rng):
    return rng.choice([lambda: rng.choice(LATIN) + "".join(rng.choice(LATIN + "0123456789_-") for _ in range(rng.randint(5, 14))),
                       lambda: rng.choice(FIRST).lower() + rng.choice(["_", "", "-"]) + rng.choice(LAST).lower() + digits(rng, rng.randint(0, 4)),
                       lambda: "wxid_" + "".join(rng.choice(LATIN + "0123456789") for _ in range(14))])()


def qq(rng):
    return str(rng.randint(1, 9)) + digits(rng, rng.choice([5, 7, 8, 8, 9]))


def email(rng):
    return rng.choice([f"{rng.choice(FIRST).lower()}.{rng.choice(LAST).lower()}@{rng.choice(['163.com', 'qq.com', 'sina.com', 'outlook.com', 'gmail.com'])}",
                       f"{qq(rng)}@qq.com", f"{rng.choice(FIRST).lower()}{digits(rng, 2)}@{rng.choice(['126.com', 'foxmail.com', 'yeah.net'])}"])


def resident_id(rng):
    body = rng.choice(["110105", "310104", "440305", "510107", "330106", "320508"]) + f"{rng.randint(1965, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + digits(rng, 3)
    return body + g.ID_CHECK[sum(int(c) * w for c, w in zip(body, g.ID_WEIGHTS)) % 11]


def card(rng):
    partial = rng.choice(["621700", "622202", "622848", "621483", "623058"]) + digits(rng, 12)
    number = g.luhn_complete(partial)
    return rng.choice([number, " ".join(number[i:i + 4] for i in range(0, len(number), 4))])


def plate(rng):
    return rng.choice("沪京粤川浙苏") + rng.choice("ABCDE") + rng.choice(["", "·", " ", "-"]) + rng.choice([digits(rng, 5), rng.choice("DF") + digits(rng, 5),
                                                                                                   rng.choice("ABCDEFGHJK") + digits(rng, 4)])


def address(rng):
    city, district, postcode = rng.choice(CITIES)
    road = f"{rng.choice(ROADS)} {rng.choice(ROAD_WORDS)}"
    number = rng.randint(1, 1999)
    room, building = f"{rng.randint(1, 32)}0{rng.randint(1, 8)}", rng.randint(1, 30)
    compound = rng.choice(COMPOUNDS)
    return rng.choice([
        f"Room {room}, Building {building}, No. {number} {road}, {district}, {city} {postcode}",
        f"Rm {room}, Bldg {building}, {compound}, {number} {road}, {district}, {city}",
        f"{number} {road}, {district}, {city} {postcode}, China",
        f"Apt {room}, {compound}, {district}, {city}",
        f"No. {number}, Lane {rng.randint(100, 1800)}, {road}, {city}",
        f"Unit {room}, Tower {rng.choice('ABCD')}, {compound}, No. {number} {road}, {city} {postcode}",
        f"Flat {room}, Block {building}, {compound}, {district}",
        f"{rng.randint(1, 30)}F, No. {number} {road}, {district}, {city}",
    ])


def flight(rng):
    return rng.choice([f"flight {rng.choice(['CA', 'MU', 'CZ', 'HU'])}{rng.randint(100, 9999)}", f"train G{rng.randint(1, 9999)}",
                       f"RMB {rng.randint(300, 2500)} a night", f"{rng.randint(2, 60)}-storey", f"since {rng.randint(1995, 2023)}",
                       f"visa type Z, valid {rng.randint(30, 365)} days", f"booking ref {rng.choice('ABCDEFGHJK')}{digits(rng, 6)}",
                       f"order #{digits(rng, 12)}", f"line {rng.randint(1, 17)}, exit {rng.choice('ABCD')}{rng.randint(1, 4)}"])


def document(rng, index):
    doc = g.Doc()
    kind = index % 6
    if kind == 0:
        # An expat-forum post about a flat.
        doc.add(rng.choice(["Moving out end of month, anyone want to take over my lease? ", "Sublet available: ", "Looking for a flatmate, "]))
        doc.add(f"2BR in {rng.choice(COMPOUNDS)}, {flight(rng)}. ")
        doc.add(rng.choice(["The address is ", "Flat is at ", "Come see it at ", "Address: "])).add(address(rng), "ADDRESS").add(". ")
        doc.add(rng.choice(["Add me on WeChat: ", "WeChat me (", "My wechat is ", "WeChat ID "])).add(wechat(rng), "WECHAT_ID")
        doc.add(rng.choice([")", "", " - mention the flat", ", thanks"])).add(rng.choice([" or call ", ". Cell: ", ". Mob "]))
        doc.add(mobile(rng), "PHONE_NUMBER").add(".")
    elif kind == 1:
        # An English business card / email signature of a Chinese firm.
        doc.add(f"{person(rng)}\n{rng.choice(['Sales Manager', 'Account Director', 'HR Specialist', 'Founder'])}\n")
        doc.add(rng.choice(["Shanghai Huaxin Trading Co., Ltd.\n", "Shenzhen Bright Electronics Co., Ltd.\n", "Beijing Tianyuan Consulting\n"]))
        doc.add(rng.choice(["Add: ", "Address: ", "Office: ", ""])).add(address(rng), "ADDRESS").add("\n")
        doc.add(rng.choice(["Tel: ", "T: ", "Phone: ", "Office "])).add(landline(rng), "PHONE_NUMBER").add("\n")
        doc.add(rng.choice(["Mob: ", "M: ", "Cell: ", "Mobile/WeChat: "])).add(mobile(rng), "PHONE_NUMBER").add("\n")
        doc.add(rng.choice(["E: ", "Email: ", "Mail: "])).add(email(rng), "EMAIL_ADDRESS")
        if rng.random() < 0.5:
            doc.add(rng.choice(["\nQQ: ", "\nQQ ", "\nSkype/QQ: "])).add(qq(rng), "QQ_NUMBER")
    elif kind == 2:
        # A shipping address to China written in English, as buyers post it.
        doc.add(rng.choice(["Please ship to:\n", "Shipping address -\n", "Deliver to "]))
        doc.add(f"{person(rng)}\n").add(address(rng), "ADDRESS").add("\n")
        doc.add(rng.choice(["Phone ", "Tel. ", "Contact number: ", "Ph: "])).add(mobile(rng), "PHONE_NUMBER")
        doc.add(rng.choice(["\nThanks!", "", f"\n({flight(rng)})"]))
    elif kind == 3:
        # News quoting a leaked record.
        doc.add(rng.choice(["The leaked spreadsheet lists a man identified as ", "According to the documents, ", "Records seen by reporters show "]))
        doc.add(f"{person(rng)}, ")
        doc.add(rng.choice(["whose resident ID number ", "ID card no. ", "holder of identity card "])).add(resident_id(rng), "CN_RESIDENT_ID")
        doc.add(rng.choice([" appears next to ", ", with ", " and "])).add(rng.choice(["a Bank of China card ending ", "bank card ", "the account "]))
        doc.add(card(rng), "BANK_CARD").add(rng.choice([", and a home address at ", ", living at "])).add(address(rng), "ADDRESS").add(".")
    elif kind == 4:
        # An English classified: car for sale / lost item.
        doc.add(rng.choice(["For sale: 2019 Tesla Model 3, ", "Selling my VW Lavida, ", "Lost: black Giant bike near "]))
        doc.add(rng.choice(["plate ", "license plate ", "plates: ", "reg. "])).add(plate(rng), "CN_LICENSE_PLATE")
        doc.add(f", {flight(rng)}. ").add(rng.choice(["Text ", "Call or WeChat ", "Contact ", "Reach me at "]))
        doc.add(mobile(rng), "PHONE_NUMBER").add(rng.choice(["", ", English OK", " (after 6pm)"]))
        if rng.random() < 0.5:
            doc.add(rng.choice([" or QQ ", ", QQ#", ". my qq: "])).add(qq(rng), "QQ_NUMBER")
    else:
        # A visa-agency or landlord chat pasted in English.
        doc.add(rng.choice(["Landlord said send the deposit to ", "Agent asked me to transfer to ", "Pay the rent into "]))
        doc.add(rng.choice(["ICBC ", "CCB account ", "card number ", "Bank of China "])).add(card(rng), "BANK_CARD")
        doc.add(rng.choice([" and send the receipt to ", ", screenshot to ", " then email "])).add(email(rng), "EMAIL_ADDRESS")
        doc.add(rng.choice([". His WeChat is ", ". WeChat: ", " or wechat "])).add(wechat(rng), "WECHAT_ID")
        doc.add(f". {flight(rng).capitalize()}.")
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "expat", 20261203, document)
