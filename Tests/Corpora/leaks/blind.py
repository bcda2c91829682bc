#!/usr/bin/env python3
"""Writes blind.jsonl, the contact-leak corpus's second held-out split.

heldout.jsonl stopped being held out once its misses were read (session of 2026-12-02): its
classes were fixed and it is reported from then on as tuning data. This split was written that
same day, before those fixes, from other sources than generate.py's frames — second-hand and
rental listings (闲鱼, 58同城, 链家), lost-and-found and missing-person notices, court notices,
WeChat group screenshots transcribed by users, Presidio-style English templates and English news
reporting about Chinese platforms — with roads, estates, towns and English streets that appear in
neither of the other splits. Its misses are not read for tuning: `veil eval --leaks --json` on it
is the figure reported as held out.

Usage: blind.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

# --- values the other splits never use ----------------------------------------------------------

ROADS = ["滨江大道", "青年路", "胜利街", "解放西路", "工农路", "迎宾大道", "五一路", "劳动路", "东风路", "建国北路",
         "团结巷", "黄河路", "珠江路", "朝阳北路", "体育西路", "北京东路", "大学路", "站前路"]
ESTATES = ["恒大名都", "龙湖春江郦城", "中海国际社区", "融创玖樟台", "金域蓝湾", "香樟园", "紫薇花园", "名仕豪庭", "水岸新城",
           "御景湾", "东湖小区", "建设村小区", "光明新村", "湘江世纪城", "和平里", "望京西园"]
CITIES = [("湖北省", "宜昌市", ["西陵区", "伍家岗区"]), ("广东省", "佛山市", ["禅城区", "南海区"]), ("江苏省", "苏州市", ["姑苏区", "吴中区"]),
          ("山东省", "青岛市", ["市南区", "崂山区"]), ("福建省", "厦门市", ["思明区", "湖里区"]), ("辽宁省", "沈阳市", ["和平区", "沈河区"]),
          ("安徽省", "合肥市", ["蜀山区", "包河区"]), ("云南省", "昆明市", ["五华区", "盘龙区"]), ("", "天津市", ["河西区", "南开区"]),
          ("", "重庆市", ["渝中区", "江北区"])]
RURAL = [("河南省", "信阳市", "固始县", "陈集镇", "刘营村"), ("湖南省", "永州市", "祁阳县", "白水镇", "枫林村"),
         ("四川省", "达州市", "宣汉县", "南坝镇", "青龙村"), ("甘肃省", "定西市", "通渭县", "平襄镇", "马营村"),
         ("广西壮族自治区", "桂林市", "全州县", "才湾镇", "南一村")]
EN_STREETS = ["Willow", "Chestnut", "Magnolia", "Harbor", "Riverside", "Franklin", "Madison", "Orchard", "Prospect", "Bay",
              "Glenwood", "Fairview", "Wellington", "Stanley"]
EN_PLACES = [("Boston", "MA", "02118"), ("Seattle", "WA", "98122"), ("Houston", "TX", "77036"), ("Oakland", "CA", "94607"),
             ("Chicago", "IL", "60616"), ("Philadelphia", "PA", "19107")]
UK = [("Cambridge", "CB2 1TN"), ("Liverpool", "L1 8JQ"), ("Cardiff", "CF10 1EP"), ("Sheffield", "S1 2HE")]


def mobile(rng):
    d = g.mobile_digits(rng)
    layouts = [d, f"{d[:3]} {d[3:7]} {d[7:]}", f"{d[:3]}-{d[3:7]}-{d[7:]}", f"{d[:4]} {d[4:7]} {d[7:]}",
               f"+86 {d}", f"+86-{d[:3]}-{d[3:7]}-{d[7:]}", f"(86){d}", f"{d[:3]}/{d[3:7]}/{d[7:]}", f"{d[:5]} {d[5:]}",
               f"{d[:3]}.{d[3:7]}.{d[7:]}", d.translate(g.FULLWIDTH), f"{d[:3]}  {d[3:7]}  {d[7:]}", f"+86.{d}",
               f"{d[:3]}-{d[3:6]}-{d[6:]}", f"{d[:7]}-{d[7:]}"]
    return rng.choice(layouts)


def landline(rng):
    area = rng.choice(["0717", "0757", "0512", "0532", "0592", "024", "0551", "0871", "022", "023"])
    local = str(rng.randint(2, 8)) + "".join(rng.choice("0123456789") for _ in range(7 if len(area) == 3 else rng.choice([6, 7])))
    return rng.choice([f"{area}-{local}", f"{area} {local}", f"({area}) {local}", f"{area}—{local}", f"+86-{area[1:]}-{local}",
                       f"{area}-{local[:3]}-{local[3:]}", f"{area}－{local}".translate(g.FULLWIDTH)])


def qq(rng):
    q = g.qq_number(rng)
    return rng.choice([q, q, g.qq_grouped(q, " "), g.qq_grouped(q, "-"), q.translate(g.FULLWIDTH), q.translate(g.CN_NUMERALS)])


def wechat(rng):
    kind = rng.randrange(5)
    if kind == 0:
        return rng.choice(["xiao", "da", "a", "lao"]) + rng.choice(g.PINYIN) + rng.choice(["_", "", "-"]) + str(rng.randint(100, 99999))
    if kind == 1:
        return rng.choice(["Tina", "Vivian", "Ada", "Leo", "Max", "Eric", "Grace"]) + rng.choice(["_", ""]) + rng.choice(g.PINYIN) + str(rng.randint(1, 99))
    if kind == 2:
        return "wxid_" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(14))
    if kind == 3:
        return rng.choice(g.PINYIN) + rng.choice(g.PINYIN) + str(rng.randint(1970, 2005))
    return rng.choice("abcdefghjkmnpqrstwxyz") + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(rng.randint(7, 12)))


def email(rng):
    local = rng.choice([g.email_local(rng), rng.choice(g.PINYIN) + str(rng.randint(1980, 2005)), g.qq_number(rng)])
    domain = rng.choice(["qq.com", "163.com", "126.com", "gmail.com", "sina.cn", "vip.qq.com", "foxmail.com", "hotmail.com",
                         "icloud.com", "mail.ustc.edu.cn", "whu.edu.cn", "outlook.com"])
    name, tld = domain.split(".", 1)
    return rng.choice([f"{local}@{domain}", f"{local} @ {domain}", f"{local}＠{domain}", f"{local}#{domain}",
                       f"{local}(at){name}(dot){tld}", f"{local} at {name} dot {tld}", f"{local}{{at}}{domain}",
                       f"{local}（at）{domain}", f"{local}@{domain}".upper() if rng.random() < 0.3 else f"{local}@{domain}"])


def resident_id(rng):
    value = g.resident_id(rng, valid=rng.random() > 0.15)
    return rng.choice([value, value, value.lower(), f"{value[:6]} {value[6:14]} {value[14:]}", value.translate(g.FULLWIDTH),
                       f"{value[:6]}-{value[6:10]}-{value[10:14]}-{value[14:]}"])


def card(rng):
    value = g.bank_card(rng, valid=rng.random() > 0.15)
    return rng.choice([value, " ".join(value[i:i + 4] for i in range(0, len(value), 4)), value.translate(g.FULLWIDTH),
                       "-".join(value[i:i + 4] for i in range(0, len(value), 4))])


def plate(rng):
    p = rng.choice(g.PROVINCE_PLATE)
    letter = rng.choice(g.PLATE_LETTERS)
    digits = "".join(rng.choice("0123456789") for _ in range(5))
    return rng.choice([f"{p}{letter}{digits}", f"{p}{letter}·{digits}", f"{p}{letter}{digits[:4]}学", f"{p}{letter} {digits}",
                       f"{p}{letter}{rng.choice('DF')}{digits}", f"{p}{letter}-{digits}", f"{p}{letter}.{digits}",
                       f"{p}{letter}{rng.choice('ABCDEFGHJK')}{digits[:4]}", f"{p}{letter}{digits[:4]}警"])


def cn_address(rng):
    province, city, districts = rng.choice(CITIES)
    district = rng.choice(districts)
    road, estate = rng.choice(ROADS), rng.choice(ESTATES)
    n, b, u, f, r = rng.randint(1, 600), rng.randint(1, 30), rng.randint(1, 4), rng.randint(1, 30), rng.randint(1, 6)
    rural = rng.choice(RURAL)
    return rng.choice([
        f"{province}{city}{district}{road}{n}号",
        f"{city}{district}{estate}{b}栋{u}单元{f}0{r}",
        f"{district}{road}{n}号{estate}{b}号楼{f}0{r}室",
        f"{estate}{b}-{u}-{f}0{r}",
        f"{road}{n}号{b}幢{f}0{r}室",
        f"{rural[0]}{rural[1]}{rural[2]}{rural[3]}{rural[4]}",
        f"{rural[2]}{rural[3]}{rural[4]}{rng.randint(1, 9)}组",
        f"{city}{road}{n}号{estate}{rng.choice('ABCDE')}座{f}0{r}",
        f"{city}{district}{road}{n}号院{b}号楼{u}单元{f}0{r}",
        f"{district}{estate}{rng.randint(1, 5)}期{b}栋{f}0{r}",
        f"{city}{road}{n}号{f}楼",
    ])


def en_address(rng):
    street = f"{rng.choice(EN_STREETS)} {rng.choice(['St', 'Street', 'Ave', 'Avenue', 'Rd', 'Road', 'Blvd', 'Lane', 'Drive', 'Way', 'Court'])}"
    city, state, zip_code = rng.choice(EN_PLACES)
    uk_city, postcode = rng.choice(UK)
    n = rng.randint(1, 9999)
    return rng.choice([
        f"{n} {street}, {city}, {state} {zip_code}",
        f"{n} {street}, Apt {rng.randint(1, 30)}{rng.choice('ABCD')}, {city}, {state} {zip_code}",
        f"{n} {street} #{rng.randint(100, 999)}, {city}, {state}",
        f"{n} {street}",
        f"{rng.randint(1, 200)} {street}, {uk_city} {postcode}",
        f"{n} S {street}, {city}, {state} {zip_code}",
    ])


# --- frames ---------------------------------------------------------------------------------------

FRAMES = {
    "PHONE_NUMBER": (mobile, [
        "闲置婴儿车九成新，自提，电话{}", "【转让】二手电动车，有意私聊或打{}", "寻狗启事：昨晚在公园走失，有线索请速联系{}，必有重谢！",
        "房东直租，看房提前打电话：{}（刘）", "微信同号：{}", "联系人：陈先生  联系方式：{}", "群里@我或者直接拨{}",
        "Please call Ms. Chen at {} for details.", "My phone number is {}", "Reach the seller on {} (text only).",
        "The listing's contact number, {}, belonged to a middleman.", "家长电话 {}", "本人号码换了，新号{}", "tel/微信：{}",
        "招聘：服务员两名，包吃住，电话{}王经理", "快递员打的是{}这个号码", "Tel: {}", "手机{}（同微信）",
    ]),
    "LANDLINE": (landline, [
        "门店电话：{}", "报警请拨打派出所电话{}", "Call the shop at {}.", "咨询电话{}（上午9点至下午5点）", "前台座机{}",
        "学校办公室电话 {}", "订房热线：{}",
    ]),
    "QQ_NUMBER": (qq, [
        "有意者加QQ{}详谈", "资料在群里，QQ群{}", "我的Q：{}", "扣扣号码：{}", "QQ号 {} 验证写论坛名", "企鹅：{}",
        "加群：{}（验证：家长）", "q q：{}", "QQ号是{}", "聊天记录截图里QQ号是{}。", "his QQ account, {}, was listed on the flyer",
        "QQ: {}", "扣扣{}", "加qq {} 私聊", "群号：{}", "小号QQ{}",
    ]),
    "WECHAT_ID": (wechat, [
        "微信：{}", "加微信{}拉你进群", "微信号是{}，加的时候说明来意", "vx号：{}", "我的wx是{}", "WX：{}", "v:{}", "V❤：{}",
        "微信id {}", "WeChat: {}", "Her WeChat ID was {}.", "add my wechat {} for photos", "加V{}", "薇：{}", "VX {} 备注闲鱼",
        "wechat id is {}", "微信（{}）", "加我vx{}", "威信号{}",
    ]),
    "EMAIL_ADDRESS": (email, [
        "简历请投递至{}", "邮箱：{}", "论文全文可发邮件索取：{}", "Email me at {}", "Send your CV to {}.", "联系邮箱 {}", "E-mail：{}",
        "资料发我邮箱{}吧", "作者邮箱：{}", "contact {} for the dataset",
    ]),
    "CN_RESIDENT_ID": (resident_id, [
        "被告人张某，公民身份号码{}。", "身份证号码：{}", "捡到身份证一张，号码{}，请失主联系", "身份证号为{}", "证件号码 {}",
        "his national ID number ({}) appears in the leaked file", "身份证 {}", "ID card: {}",
    ]),
    "BANK_CARD": (card, [
        "退款请打到我的卡上：{}（农行）", "收款账户：{} 开户行：建设银行", "卡号{}，户名王某", "银行卡号：{}", "转账{}工商银行",
        "bank card number {}", "账号 {}", "我的银行卡{}",
    ]),
    "CN_LICENSE_PLATE": (plate, [
        "小区门口停的{}好几天没动了", "车牌号为{}的小型轿车", "一辆车牌{}的货车", "肇事车牌：{}", "挪车！{}车主在吗",
        "license plate {}", "the van ({}) was seen twice", "车号：{}", "牌照为{}",
    ]),
    "ADDRESS": (cn_address, [
        "收件地址：{}", "房源地址：{}，近地铁", "失主住{}", "被告人住{}。", "送货到{}", "我住{}，离学校很近", "住址：{}", "现居住于{}",
        "门店地址 {}", "家庭住址：{}",
    ]),
    "ADDRESS_EN": (en_address, [
        "Please ship to {}.", "Her address is {}.", "The office is at {}.", "He lives at {}", "Mailing address: {}",
        "The restaurant, at {}, closed in May.",
    ]),
}

NEGATIVES = [
    "订单编号：{}", "商品货号{}", "京东订单{}已签收", "B站av{}", "时间戳{}", "工单号 {}", "挂号单号{}", "票号{}", "合同编号 {}",
    "ISBN {}", "邮政编码 {}", "股票代码 {}", "第{}期", "价格{}元", "阅读量{}", "共有{}人报名", "bug #{}", "commit {}",
    "Order number {}", "invoice {}", "ref. {}",
]
FILLER = ["", "", "急！", "谢谢！", "【已解决】", "转发扩散！", "周末可看房。", "有需要的朋友留言。", "Update: ", "Edit: still available.",
          "据网友爆料，", "聊天记录显示，", "谁能帮帮忙？", "楼上说得对，"]


def negative(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return g.luhn_complete("".join(rng.choice("0123456789") for _ in range(rng.choice([15, 17, 18]))))
    if kind == 1:
        return str(rng.randint(10**9, 10**12))
    if kind == 2:
        return "".join(rng.choice("0123456789abcdef") for _ in range(7))
    if kind == 3:
        return f"{rng.randint(100000, 999999)}"
    if kind == 4:
        return f"{rng.randint(1, 99):02d}{rng.randint(10**8, 10**9 - 1)}"
    return f"{rng.randint(1000, 99999):,}"


def make_document(rng, index):
    doc = g.Doc()
    doc.add(rng.choice(FILLER))
    kinds = list(FRAMES)
    if index % 12 == 11:
        doc.add(rng.choice(NEGATIVES).format(negative(rng)) + "，" + rng.choice(["请核对", "已处理", "见附件", "thanks"]))
        return doc
    count = 1 if index % 3 else 2
    for n in range(count):
        key = rng.choice(kinds)
        make, frames = FRAMES[key]
        entity = {"LANDLINE": "PHONE_NUMBER", "ADDRESS_EN": "ADDRESS"}.get(key, key)
        doc.fill(rng.choice(frames), [(make(rng), entity)])
        if n + 1 < count:
            doc.add(rng.choice(["。", "；", "\n", " "]))
    tail = rng.choice(["", "", "谢谢。", " 多谢", "\n——转自某论坛", "（完）"])
    doc.add(tail)
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "blind", 20261202, make_document)
