#!/usr/bin/env python3
"""Writes forms.jsonl, the contact-leak corpus's fourteenth held-out split.

Written on 2026-12-02 and measured once before any of its documents' misses were read; left for a
later session to read. Its genre: institutional text copied out of forms and notices — hospital
admission and discharge summaries, school enrolment and scholarship lists, public 公示 notices of
hires and subsidies, property-management and community-committee notices, police and court
appeals for witnesses — where the contact details sit in fixed fields and in the notice's closing
lines (联系人：… 联系电话：…, 监督电话, 户籍所在地, 现住址, 家长手机). Values come from this script's own
generators. Hard negatives: 住院号, 床号, 学号, 准考证号, 文号, amounts, dates, 邮编 written alone.

Usage: forms.py [--count N] [--seed S] [--out DIR]
"""
import generate as g

FAMILY = "赵钱孙李周吴郑王冯陈卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜谢邹柏窦章苏潘葛范彭鲁马方俞任袁柳鲍史唐费薛雷贺倪汤"
GIVEN = "志强秀英建华丽娟国庆春梅海涛雪梅文博思雨浩然欣怡子轩雅琪德明桂兰"
PLACES = [("贵州省", "遵义市", "汇川区"), ("甘肃省", "天水市", "秦州区"), ("吉林省", "长春市", "朝阳区"), ("内蒙古自治区", "包头市", "昆都仑区"),
          ("湖北省", "宜昌市", "西陵区"), ("江苏省", "徐州市", "云龙区"), ("山东省", "潍坊市", "奎文区"), ("广东省", "东莞市", "")]
ROADS = ["人民路", "解放西路", "胜利街", "建国大道", "夷陵大道", "淮海东路", "东风街", "红旗大街", "东城大道", "北京南路"]
ESTATES = ["丽景花园", "龙湖天街", "金色港湾", "阳光城", "滨江壹号", "中央公园", "锦绣华府", "书香苑"]
TOWNS = [("湄潭县", "永兴镇", "茶园村"), ("甘谷县", "大像山镇", "姚庄村"), ("农安县", "合隆镇", "陈家店村"), ("远安县", "鸣凤镇", "凤阳村")]
SEGMENTS = ["133", "134", "135", "138", "139", "150", "151", "155", "158", "159", "173", "177", "180", "183", "186", "189", "193", "198"]
AREAS = ["0851", "0938", "0431", "0472", "0717", "0516", "0536", "0769"]


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def person(rng):
    return rng.choice(FAMILY) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def mobile(rng):
    n = rng.choice(SEGMENTS) + digits(rng, 8)
    return rng.choice([n, n, n, f"{n[:3]}-{n[3:7]}-{n[7:]}", f"{n[:3]} {n[3:7]} {n[7:]}"])


def landline(rng):
    area = rng.choice(AREAS)
    local = str(rng.randint(2, 8)) + digits(rng, 6 if len(area) == 4 else 7)
    return rng.choice([f"{area}-{local}", f"（{area}）{local}", f"{area}—{local}", f"{area}-{local}转{rng.randint(800, 8999)}"])


def resident_id(rng):
    body = rng.choice(["520303", "620502", "220104", "150203", "420502", "320303", "370705", "441900"]) + \
        f"{rng.randint(1940, 2015)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + digits(rng, 3)
    return body + g.ID_CHECK[sum(int(c) * w for c, w in zip(body, g.ID_WEIGHTS)) % 11]


def masked_id(rng):
    number = resident_id(rng)
    return number[:6] + "********" + number[14:]


def card(rng):
    return g.luhn_complete(rng.choice(["622908", "621226", "623668", "622700"]) + digits(rng, 12))


def address(rng):
    province, city, district = rng.choice(PLACES)
    county, town, village = rng.choice(TOWNS)
    return rng.choice([
        f"{province}{city}{district}{rng.choice(ROADS)}{rng.randint(1, 600)}号{rng.choice(ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 30)}0{rng.randint(1, 4)}室",
        f"{city}{district}{rng.choice(ESTATES)}{rng.randint(1, 30)}-{rng.randint(1, 4)}-{rng.randint(1, 30)}0{rng.randint(1, 4)}",
        f"{province}{county}{town}{village}{rng.randint(1, 12)}组{rng.randint(1, 99)}号",
        f"{county}{town}{village}",
        f"{city}{rng.choice(ROADS)}{rng.randint(1, 600)}号院{rng.randint(1, 20)}号楼",
    ])


def document(rng, index):
    doc = g.Doc()
    kind = index % 5
    if kind == 0:
        doc.add(rng.choice(["出院小结\n", "入院记录\n", "病案首页（摘录）\n"]))
        doc.add(f"姓名：{person(rng)}  性别：{rng.choice('男女')}  年龄：{rng.randint(3, 90)}岁  住院号：{digits(rng, 8)}  床号：{rng.randint(1, 60)}\n")
        doc.add(rng.choice(["身份证号：", "证件号码：", "身份证："])).add(resident_id(rng), "CN_RESIDENT_ID").add("\n")
        doc.add(rng.choice(["现住址：", "家庭住址：", "住址："])).add(address(rng), "ADDRESS").add("\n")
        doc.add(rng.choice(["联系电话：", "本人电话：", "电话："])).add(mobile(rng), "PHONE_NUMBER")
        doc.add(f"  联系人：{person(rng)}（{rng.choice(['配偶', '子女', '父亲', '母亲'])}）  ")
        doc.add(rng.choice(["联系人电话：", "联系人手机：", "电话："])).add(mobile(rng), "PHONE_NUMBER").add("\n")
        doc.add(f"入院日期：{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}  费用合计：{rng.randint(800, 90000)}.{rng.randint(0, 99):02d}元\n")
    elif kind == 1:
        doc.add(rng.choice(["2024年秋季学期新生入学信息登记\n", "国家助学金拟资助学生名单公示\n", "校车乘车学生信息表\n"]))
        for _ in range(rng.randint(1, 3)):
            doc.add(f"{person(rng)}，学号{digits(rng, 10)}，")
            doc.add(rng.choice(["家长手机", "监护人电话", "家长联系方式"])).add(rng.choice(["", "：", " "])).add(mobile(rng), "PHONE_NUMBER").add("，")
            doc.add(rng.choice(["家庭住址", "户籍地", "接送地点"])).add(rng.choice(["", "："])).add(address(rng), "ADDRESS").add("；\n")
        doc.add(f"公示期{rng.randint(5, 7)}个工作日，如有异议请与学生资助中心联系，")
        doc.add(rng.choice(["电话：", "联系电话", "监督电话："])).add(landline(rng), "PHONE_NUMBER").add("。")
    elif kind == 2:
        doc.add(rng.choice(["关于拟聘用人员的公示\n", "2024年度临时救助对象公示\n", "高龄津贴发放名单公示\n"]))
        for _ in range(rng.randint(1, 3)):
            doc.add(f"{person(rng)}，{rng.choice('男女')}，身份证号")
            if rng.random() < 0.3:
                doc.add(masked_id(rng))
            else:
                doc.add(resident_id(rng), "CN_RESIDENT_ID")
            doc.add(f"，{rng.choice(['救助金额', '发放金额', '拟聘岗位'])}{rng.choice([str(rng.randint(300, 5000)) + '元', '保洁员', '网格员'])}，")
            doc.add("收款账号").add(card(rng), "BANK_CARD").add("；\n")
        doc.add(f"（{rng.choice(['民政局', '人社局', '街道办事处'])}〔{rng.randint(2020, 2024)}〕{rng.randint(1, 99)}号）联系人：{person(rng)}，")
        doc.add("联系电话：").add(landline(rng), "PHONE_NUMBER").add("，地址：").add(address(rng), "ADDRESS").add("。")
    elif kind == 3:
        doc.add(rng.choice(["【物业通知】", "【社区公告】", "温馨提示："]))
        doc.add(rng.choice(["近期小区将进行消防检查，", "本周六停水，", "请业主尽快缴纳物业费，"]))
        doc.add(f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元的住户请注意。")
        doc.add(rng.choice(["车牌", "车牌号为", "车辆"])).add(rng.choice("贵甘吉蒙鄂苏鲁粤") + rng.choice("ABCDEF") + digits(rng, 5), "CN_LICENSE_PLATE")
        doc.add(rng.choice(["的车主请挪车，", "占用消防通道，请车主"]))
        doc.add(rng.choice(["物业电话", "管家手机", "值班电话"])).add(rng.choice(["", "：", " "])).add(rng.choice([mobile, landline])(rng), "PHONE_NUMBER")
        doc.add("，管家微信").add(rng.choice(["：", " ", "号"])).add(rng.choice(["wy", "gj", "sq"]) + "_" + digits(rng, rng.randint(4, 8)), "WECHAT_ID").add("。")
    else:
        doc.add(rng.choice(["【警情通报】", "寻人启事：", "悬赏通告："]))
        doc.add(f"{person(rng)}，{rng.choice('男女')}，{rng.randint(8, 85)}岁，身份证号码")
        doc.add(resident_id(rng), "CN_RESIDENT_ID").add("，户籍所在地").add(address(rng), "ADDRESS")
        doc.add(f"，于{rng.randint(1, 12)}月{rng.randint(1, 28)}日走失。有线索者请联系")
        doc.add(person(rng)).add(rng.choice(["：", "，电话", " "])).add(mobile(rng), "PHONE_NUMBER")
        doc.add(rng.choice(["，或拨打110。", "，重谢！", f"，邮编{digits(rng, 6)}。"]))
    return doc


if __name__ == "__main__":
    g.run_split(__doc__, "forms", 20261205, document)
