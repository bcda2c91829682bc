#!/usr/bin/env python3
"""Writes relay.jsonl, the contact-leak corpus's fifteenth held-out split.

Written on 2026-12-02 (second session) before any of its documents were run through Veil. Its
genre: text that has passed through another machine or another person before it reaches Veil —
notices extracted from PDFs and scans (hard line breaks where a line's room runs out: anywhere in
Chinese, even inside a number or an address; between words in English; OCR's confusions: O for 0,
l, I or | for 1, a stray space, 一 or — for a hyphen), Weibo repost chains (//@user: … quoting the
number again), and customer-service chat logs where the agent asks for the number in one turn and
the customer types it bare in the next. Values come from this script's own generators. Hard
negatives: order and ticket numbers given in reply to a question about them, page numbers and
dates in page headers, repost counts, amounts.

Its first measurement (0.640 of gold spans covered) wrapped the whole text at fixed character
counts; that left lines of one character after every existing line break and cut English words
in two, which no page does, so the wrapping was corrected (per line, by columns; English between
words) before the split was used again.

Usage: relay.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

FAMILY = "欧阳司马上官诸葛东方龚俞柯屈阮骆喻蔺巫邝童车温游詹甘"
SURNAMES = "龚俞柯屈阮骆喻蔺巫邝童车温游詹甘路戚管卞乔简"
GIVEN = "晓燕春生振华美玲嘉欣宇航梓涵立新秋菊红霞德胜一鸣慧敏"
NICKS = ["失物招领君", "同城热心帮", "阿狸小跟班", "爱吃橘子的猫", "深夜食堂老板", "蓝天救援队志愿者", "小区业主群搬运工",
         "路过的土拨鼠", "Kiki在路上", "大表哥说房", "老周讲法", "吃瓜群众甲"]
SEGMENTS = ["130", "132", "136", "137", "147", "152", "157", "166", "175", "176", "181", "185", "187", "191", "195", "199"]
AREAS = ["0871", "0898", "0591", "0791", "0931", "0771", "0851", "0471", "023", "028"]
PLACES = [("云南省", "昆明市", "五华区"), ("海南省", "海口市", "美兰区"), ("福建省", "福州市", "鼓楼区"), ("江西省", "南昌市", "青山湖区"),
          ("广西壮族自治区", "南宁市", "青秀区"), ("四川省", "成都市", "武侯区"), ("重庆市", "", "渝北区")]
ROADS = ["北京路", "海秀东路", "五四路", "昌北大道", "民族大道", "人民南路四段", "龙溪大道", "青年路", "白塔路", "滨江西路"]
ESTATES = ["翠湖苑", "椰风水韵", "融侨锦江", "绿地香树花城", "荣和山水美地", "万科金域国际", "龙湖时代天街", "金沙湾小区"]
EN_STREETS = [("48 Harbour View Road", "Tsim Sha Tsui"), ("1207 Sycamore Lane", "Sacramento, CA 95814"),
              ("22 Kingsway", "Cardiff CF10 3FD"), ("9 Rue de la Paix", "75002 Paris"), ("305 Queen Street West", "Toronto, ON M5V 2A2")]
MAIL_DOMAINS = ["qq.com", "163.com", "yeah.net", "139.com", "aliyun.com", "gmail.com", "outlook.com"]
PLATE_PROVINCES = "云琼闽赣桂川渝蒙"


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def person(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def ocr(rng, value, rate=0.25):
    """A scan's confusions in a number: O for 0, l or I for 1, a stray space, 一 or — for a hyphen."""
    out = []
    for ch in value:
        roll = rng.random()
        if ch == "0" and roll < rate:
            out.append(rng.choice("Oo"))
        elif ch == "1" and roll < rate:
            out.append(rng.choice("lI|"))
        elif ch == "-" and roll < 0.5:
            out.append(rng.choice("一—"))
        else:
            out.append(ch)
        if ch.isdigit() and rng.random() < 0.06:
            out.append(" ")
    return "".join(out).strip()


def mobile(rng):
    n = rng.choice(SEGMENTS) + digits(rng, 8)
    return rng.choice([n, n, f"{n[:3]}-{n[3:7]}-{n[7:]}", f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]}-{n[3:]}"])


def landline(rng):
    area = rng.choice(AREAS)
    local = str(rng.randint(2, 8)) + digits(rng, 7 if len(area) == 3 else rng.choice([6, 7]))
    return rng.choice([f"{area}-{local}", f"{area}－{local}", f"({area}){local}", f"{area} {local}"])


def resident_id(rng):
    body = rng.choice(["530102", "460108", "350102", "360111", "450103", "510107", "500112", "150102"]) + \
        f"{rng.randint(1950, 2010)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + digits(rng, 3)
    return body + g.ID_CHECK[sum(int(c) * w for c, w in zip(body, g.ID_WEIGHTS)) % 11]


def card(rng):
    number = g.luhn_complete(rng.choice(["621483", "622262", "625809", "621790", "622155"]) + digits(rng, 12))
    return rng.choice([number, " ".join(number[i:i + 4] for i in range(0, len(number), 4))])


def qq(rng):
    return str(rng.randint(1, 9)) + digits(rng, rng.randint(6, 9))


def wechat(rng):
    stem = rng.choice(["lanlan", "xiaoyu", "mumu", "axing", "tiantian", "gege", "sunny", "ahui"])
    return rng.choice([stem + digits(rng, rng.randint(2, 6)), stem + "_" + digits(rng, 4), "wxid_" + "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(12)),
                       stem.capitalize() + rng.choice(["-", "_"]) + digits(rng, 3)])


def email(rng):
    local = rng.choice([qq(rng), rng.choice(["kefu", "hr", "lin.xiao", "zhaopin", "wangjie88", "info"]) + rng.choice(["", digits(rng, 2)])])
    return local + "@" + rng.choice(MAIL_DOMAINS)


def plate(rng):
    body = rng.choice("ABCDEFGH") + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5))
    return rng.choice(PLATE_PROVINCES) + body


def address(rng):
    province, city, district = rng.choice(PLACES)
    return rng.choice([
        f"{province}{city}{district}{rng.choice(ROADS)}{rng.randint(1, 400)}号{rng.choice(ESTATES)}{rng.randint(1, 20)}栋{rng.randint(1, 3)}单元{rng.randint(2, 33)}0{rng.randint(1, 6)}",
        f"{city or province}{district}{rng.choice(ESTATES)}{rng.randint(1, 20)}幢{rng.randint(1, 30)}0{rng.randint(1, 4)}室",
        f"{district}{rng.choice(ROADS)}{rng.randint(1, 400)}号",
    ])


def wrapped(doc, width):
    """Hard line breaks wherever a line of `width` Han characters' room runs out, as text copied
    out of a PDF or an OCR'd scan has them: inside values too. A page sets a Han character in two
    columns and a digit or a Latin letter in one; each line of the text is wrapped from its own
    start. Gold spans stretch over the breaks they contain."""
    text, spans = doc.text, doc.spans
    out = []
    shift = [0] * (len(text) + 1)
    columns = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            columns = 0
        else:
            size = 2 if ord(ch) >= 0x1100 else 1
            if columns + size > 2 * width:
                out.append("\n")
                shift[i] = 1
                columns = 0
            columns += size
        out.append(ch)
    total, offsets = 0, []
    for i in range(len(text) + 1):
        total += shift[i]
        offsets.append(total)
    result = g.Doc()
    result.text = "".join(out)
    for span in spans:
        start = span["start"] + offsets[span["start"]]
        end = span["end"] + offsets[span["end"] - 1]
        result.spans.append({"start": start, "end": end, "entity": span["entity"]})
    return result


def word_wrapped(doc, width):
    """English as a page sets it, lines of at most `width` columns broken between words: the break
    takes the place of a space, so offsets do not move."""
    text = list(doc.text)
    line_start, last_space = 0, -1
    for i, ch in enumerate(text):
        if ch == "\n":
            line_start, last_space = i + 1, -1
            continue
        if ch == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            text[last_space] = "\n"
            line_start, last_space = last_space + 1, -1
    result = g.Doc()
    result.text = "".join(text)
    result.spans = doc.spans
    return result


def scanned_notice(rng):
    doc = g.Doc()
    doc.add(f"— {rng.randint(1, 12)} —\n" if rng.random() < 0.5 else f"第 {rng.randint(1, 9)} 页 共 {rng.randint(9, 20)} 页\n")
    doc.add(rng.choice(["关于公开征集违法犯罪线索的通告", "送达公告", "催缴通知书", "限期整改通知", "遗失声明"]))
    doc.add(f"\n〔{rng.randint(2021, 2025)}〕{rng.randint(1, 300)}号\n")
    doc.add(f"{person(rng)}（公民身份号码")
    doc.add(ocr(rng, resident_id(rng), 0.12), "CN_RESIDENT_ID").add("），住")
    doc.add(address(rng), "ADDRESS")
    doc.add(f"。因你拖欠{rng.choice(['物业费', '货款', '工程款'])}{rng.randint(1000, 90000)}元，请于{rng.randint(2024, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日前与本")
    doc.add(rng.choice(["单位", "院", "中心"])).add("联系。联系人：").add(person(rng))
    doc.add(rng.choice(["，联系电话：", "，电话", "，手机："])).add(ocr(rng, rng.choice([mobile, landline])(rng)), "PHONE_NUMBER")
    if rng.random() < 0.5:
        doc.add("，车牌号").add(plate(rng), "CN_LICENSE_PLATE")
    if rng.random() < 0.5:
        doc.add("，收款账户：").add(ocr(rng, card(rng), 0.1), "BANK_CARD")
    doc.add(rng.choice(["。逾期视为放弃。", "。特此公告。", "。\n（此页无正文）"]))
    return wrapped(doc, rng.choice([18, 22, 26, 30, 34]))


def repost_chain(rng):
    doc = g.Doc()
    number = mobile(rng)
    hops = rng.randint(1, 4)
    doc.add(rng.choice(["转发微博", "帮转", "扩散！", "求扩散", "Repost"]))
    for _ in range(hops):
        doc.add(f" //@{rng.choice(g.PINYIN) if rng.random() < 0.2 else rng.choice(NICKS)}:")
        roll = rng.random()
        if roll < 0.35:
            doc.add(rng.choice(["电话", "手机", "tel", "联系"])).add(rng.choice(["", ":", "："])).add(number, "PHONE_NUMBER")
        elif roll < 0.55:
            doc.add(rng.choice(["已转", "转发", "顶", "[心]", "好人一生平安"]))
        else:
            doc.add(rng.choice(["希望早日找到", "已经有人联系了吗", f"转{rng.randint(2, 999)}次了"]))
    doc.add(f" //@{rng.choice(NICKS)}:【{rng.choice(['寻人', '寻狗', '失物招领', '寻车'])}】")
    kind = rng.randint(0, 3)
    if kind == 0:
        doc.add(f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日在{rng.choice(ROADS)}附近走失，{rng.randint(60, 90)}岁老人，")
        doc.add(rng.choice(["家属电话", "联系电话", "请联系他儿子"])).add(number, "PHONE_NUMBER")
    elif kind == 1:
        doc.add(f"捡到钱包一个，内有身份证（{person(rng)}，").add(resident_id(rng), "CN_RESIDENT_ID")
        doc.add("）和银行卡，失主请私信或加V ").add(wechat(rng), "WECHAT_ID").add(f"，或打{rng.choice(['我', '本人'])}电话").add(number, "PHONE_NUMBER")
    elif kind == 2:
        doc.add("车牌").add(plate(rng), "CN_LICENSE_PLATE").add(f"，白色{rng.choice(['电动车', '轿车', 'SUV'])}，昨晚在")
        doc.add(address(rng), "ADDRESS").add("楼下被偷，有线索请联系").add(number, "PHONE_NUMBER").add(f"，酬谢{rng.randint(2, 50)}00元")
    else:
        doc.add(f"找到一只柯基，戴红色项圈，在{rng.choice(['小区门口', '地铁站'])}，主人请加扣").add(qq(rng), "QQ_NUMBER")
        doc.add(rng.choice(["或电话", "，电话："])).add(number, "PHONE_NUMBER")
    doc.add(f" 转发{rng.randint(3, 9999)} 评论{rng.randint(0, 800)} 赞{rng.randint(0, 5000)}")
    return doc


def service_chat(rng):
    doc = g.Doc()
    agent = rng.choice(["客服小美", "在线客服-阿珍", "售后专员 017", "人工客服", "京东客服"])
    customer = rng.choice(["用户", "买家", "顾客", rng.choice(NICKS)])
    hour = rng.randint(8, 22)
    stamp = lambda: f"{hour}:{rng.randint(10, 59)}"
    doc.add(f"{agent} {stamp()}\n您好，请问有什么可以帮您？\n{customer} {stamp()}\n")
    doc.add(rng.choice(["快递一直没到", "我要退货", "账号登不上了", "发票开错了"]) + "\n")
    doc.add(f"{agent} {stamp()}\n请提供一下订单号\n{customer} {stamp()}\n{digits(rng, rng.choice([16, 18, 19]))}\n")
    turns = rng.sample(["phone", "id", "qq", "mail", "address", "card"], rng.randint(2, 3))
    for turn in turns:
        if turn == "phone":
            doc.add(f"{agent} {stamp()}\n" + rng.choice(["麻烦提供下单时的手机号码", "请问您预留的联系电话是？", "方便留个手机号吗，稍后回电"]) + f"\n{customer} {stamp()}\n")
            doc.add(mobile(rng), "PHONE_NUMBER").add("\n")
        elif turn == "id":
            doc.add(f"{agent} {stamp()}\n" + rng.choice(["实名认证需要身份证号码", "请提供账户持有人的证件号"]) + f"\n{customer} {stamp()}\n")
            doc.add(resident_id(rng), "CN_RESIDENT_ID").add("\n")
        elif turn == "qq":
            doc.add(f"{agent} {stamp()}\n" + rng.choice(["请问绑定的QQ号是多少", "您的QQ账号是？"]) + f"\n{customer} {stamp()}\n")
            doc.add(qq(rng), "QQ_NUMBER").add(rng.choice(["\n", " 这个\n", "，谢谢\n"]))
        elif turn == "mail":
            doc.add(f"{agent} {stamp()}\n" + rng.choice(["电子发票发到哪个邮箱？", "请留一个接收邮箱"]) + f"\n{customer} {stamp()}\n")
            doc.add(email(rng), "EMAIL_ADDRESS").add("\n")
        elif turn == "address":
            doc.add(f"{agent} {stamp()}\n" + rng.choice(["请确认一下收货地址", "换货寄到哪里？"]) + f"\n{customer} {stamp()}\n")
            doc.add(address(rng), "ADDRESS").add("\n")
        else:
            doc.add(f"{agent} {stamp()}\n" + rng.choice(["退款原路返回还是退到银行卡？", "请提供收款银行卡号"]) + f"\n{customer} {stamp()}\n")
            doc.add(rng.choice(["退到卡里吧 ", "卡号 ", ""])).add(card(rng), "BANK_CARD").add("\n")
    doc.add(f"{agent} {stamp()}\n好的，已为您登记，{rng.randint(1, 3)}个工作日内处理，工单号{rng.choice(['GD', 'WO', ''])}{digits(rng, 12)}")
    return doc


def scanned_letter(rng):
    doc = g.Doc()
    street, city = rng.choice(EN_STREETS)
    doc.add(rng.choice(["Page 2 of 3\n", "- 4 -\n", ""]))
    doc.add(f"Dear Mr {rng.choice(g.PINYIN).capitalize()},\nFurther to our call on {rng.randint(1, 28)} {rng.choice(['March', 'June', 'Oct.'])} {rng.randint(2021, 2025)}, ")
    doc.add("please send the signed copy to ").add(f"{street}, {city}", "ADDRESS").add(". ")
    doc.add(rng.choice(["You can reach me on ", "My direct line is ", "Tel: ", "Mobile "]))
    number = rng.choice(SEGMENTS) + digits(rng, 8)
    doc.add(ocr(rng, rng.choice([f"+86 {number[:3]} {number[3:7]} {number[7:]}", f"+86-{number}", f"(+86) {number}"]), 0.2), "PHONE_NUMBER")
    doc.add(rng.choice([" or by e-mail at ", ", email ", " / "])).add(email(rng), "EMAIL_ADDRESS")
    doc.add(f". Our ref: {rng.choice(['HK', 'LT', 'CN'])}/{rng.randint(2021, 2025)}/{digits(rng, 4)}. Invoice total USD {rng.randint(100, 9000)}.{digits(rng, 2)}.")
    return word_wrapped(doc, rng.choice([40, 52, 64, 72]))


def document(rng, index):
    return [scanned_notice, repost_chain, service_chat, scanned_letter][index % 4](rng)


if __name__ == "__main__":
    g.run_split(__doc__, "relay", 20261206, document)
