import VeilTestSupport
import VeilText

@testable import VeilCore
@testable import VeilRecognizers

/// A generated corpus of forum-style Chinese posts and English transcript lines, with every
/// identifier's exact span known, and hard negatives (order and tracking numbers, amounts, dates,
/// counts, numbers failing their checksum or number plan) mixed in. Seeded, so every run builds the
/// same corpus; the values are random, so no answer is written down in advance.
struct IdentifierCorpus {
    struct Document {
        var text = ""
        var gold: [(range: Range<Int>, entity: EntityType)] = []

        mutating func add(_ piece: String) { text += piece }
        mutating func add(_ value: String, as entity: EntityType) {
            let start = text.utf8.count
            text += value
            gold.append((start..<text.utf8.count, entity))
        }
    }

    private var random: SplitMix

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    mutating func documents(count: Int) -> [Document] {
        (0..<count).map { _ in document() }
    }

    // MARK: Documents

    private mutating func document() -> Document {
        var document = Document()
        let sentences = 2 + int(4)
        for _ in 0..<sentences {
            if chance(0.35) { document.add(pick(fillerSentences) + pick(["，", "。", "！", "\n"])) }
            if chance(0.5) { hardNegative(&document) } else { identifier(&document) }
            document.add(pick(["。", "，", "！", "\n", " ", "；", "~"]))
        }
        return document
    }

    private mutating func identifier(_ d: inout Document) {
        switch int(15) {
        case 0, 1: mobile(&d)
        case 2: landline(&d)
        case 3: qq(&d)
        case 4: wechat(&d)
        case 5: email(&d)
        case 6: residentID(&d)
        case 7: bankCard(&d)
        case 8: plate(&d)
        case 9: international(&d)
        case 10: passport(&d)
        case 11: hongKongID(&d)
        case 12: taiwanID(&d)
        case 13: ipAddress(&d)
        default: englishLine(&d)
        }
    }

    // MARK: Identifiers

    private mutating func mobileDigits() -> String {
        pick([
            "130", "131", "132", "133", "135", "136", "137", "138", "139", "147", "150", "151", "152", "155", "156", "157", "158", "159",
            "166", "170", "173", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"
        ]) + digits(8)
    }

    private mutating func mobile(_ d: inout Document) {
        let number = mobileDigits()
        let spaced = { (sep: String) in String(number.prefix(3)) + sep + String(number.dropFirst(3).prefix(4)) + sep + String(number.suffix(4)) }
        let layouts = [
            number, spaced("-"), spaced(" "), "+86 " + spaced(" "), "+86" + number, "0086 " + number, "(+86)" + number,
            fullwidth(number), chineseNumerals(number, financial: false)
        ]
        let layout = pick(layouts)
        let cue = pick(["电话", "手机", "手机号", "联系电话：", "电话：", "打我手机", "联系方式:", "我的号码是", "有事call我", "tel:", "微信同号", "", "房东的", "他说"])
        d.add(cue)
        d.add(layout, as: .phoneNumber)
        d.add(pick(["", "（微信同号）", "随时打", " 找王先生", "，晚上别打"]))
    }

    private mutating func landline(_ d: inout Document) {
        let area = pick(["010", "021", "020", "022", "025", "0755", "0797", "0571", "028", "0512", "0731"])
        let local = String(2 + int(8)) + digits(area.count == 3 ? 7 : 6 + int(2))
        let layouts = [area + "-" + local, "(" + area + ")" + local, area + " " + local, area + "-" + local + "转" + digits(3)]
        d.add(pick(["座机", "办公室电话", "电话：", "总机", "Tel: ", "前台"]))
        d.add(pick(layouts), as: .phoneNumber)
    }

    private mutating func qq(_ d: inout Document) {
        let number = String(1 + int(9)) + digits(4 + int(6))
        let layout = chance(0.15) ? chineseNumerals(number, financial: chance(0.5)) : (chance(0.1) ? fullwidth(number) : number)
        d.add(pick(["QQ", "QQ：", "qq:", "QQ号", "QQ号码", "扣扣", "扣扣：", "加Q", "Q号", "企鹅号", "加我QQ ", "我的QQ是"]))
        d.add(layout, as: .qqNumber)
        d.add(pick(["", "，备注来意", " 欢迎交流", "私聊"]))
    }

    private mutating func wechat(_ d: inout Document) {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var id = String(pick(letters))
        for _ in 0..<(5 + int(12)) { id.append(pick(Array("abcdefghijklmnopqrstuvwxyz0123456789_-"))) }
        if id.last == "-" || id.last == "_" { id.append("8") }
        d.add(pick(["微信", "微信：", "微信号", "微信号：", "加我微信", "vx：", "VX ", "wx:", "V信", "薇信", "微信是", "WeChat: ", "wechat id "]))
        d.add(id, as: .wechatID)
        d.add(pick(["", "，备注读者", " 谢谢", "私聊"]))
    }

    private mutating func email(_ d: inout Document) {
        let local = pick(["lily", "zhang.wei", "wangfang88", "li_ming", "chen-jie", "news", "xiaomei2021"]) + (chance(0.5) ? digits(2) : "")
        let address = local + "@" + pick(["163.com", "qq.com", "126.com", "gmail.com", "sina.com", "outlook.com", "example.org", "pku.edu.cn"])
        d.add(pick(["邮箱", "邮箱：", "email: ", "发邮件到", "投稿", "E-mail "]))
        d.add(address, as: .emailAddress)
    }

    private mutating func residentID(_ d: inout Document) {
        let region = pick(["110101", "110105", "310101", "440103", "360731", "510104", "320102", "420102", "610102", "370102"])
        let year = 1950 + int(55), month = 1 + int(12), day = 1 + int(28)
        let body = region + String(year) + pad(month) + pad(day) + digits(3)
        let check = String(CNResidentIDValidator.checkCharacter(for: body.digitValues))
        var id = body + check
        if check == "X" && chance(0.3) { id = body + "x" }
        d.add(pick(["身份证号", "身份证：", "身份证号码是", "证件号码", "ID: ", "身份证", "他的身份证号码"]))
        d.add(chance(0.1) ? chineseNumerals(id, financial: false) : id, as: .residentID)
    }

    private mutating func bankCard(_ d: inout Document) {
        let length = 16 + int(4)
        let prefix = pick(["6222", "6228", "6217", "6214", "6225", "6212", "4111", "5500"])
        var payload = (prefix + digits(length - 1 - prefix.count)).digitValues
        payload.append(LuhnValidator.checkDigit(for: payload))
        let number = payload.map(String.init).joined()
        var grouped = ""
        for (index, character) in number.enumerated() { if index > 0 && index % 4 == 0 { grouped += " " }; grouped.append(character) }
        d.add(pick(["卡号", "银行卡号：", "工行卡", "收款账号：", "转到我的建行卡", "card number "]))
        d.add(chance(0.4) ? grouped : number, as: .bankCard)
    }

    private mutating func plate(_ d: inout Document) {
        let province = pick(Array("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"))
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let tail: String
        switch int(3) {
        case 0: tail = digits(5)
        case 1: tail = pick(["D", "F"]) + String(pick(letters)) + digits(4)
        default: tail = digits(2) + String(pick(letters)) + digits(2)
        }
        let separator = pick(["", "", "·", "-"])
        d.add(pick(["车牌", "车牌号", "他开的车是", "一辆", "车牌号码："]))
        d.add(String(province) + String(pick(letters)) + separator + tail, as: .licensePlate)
        d.add(pick(["", "停在楼下", "的车"]))
    }

    private mutating func international(_ d: inout Document) {
        let layouts = [
            "+44 20 " + digits(4) + " " + digits(4), "+852 " + pick(["5", "6", "9"]) + digits(3) + " " + digits(4),
            "+1 (" + pick(["212", "415", "646"]) + ") " + String(2 + int(8)) + digits(2) + "-" + digits(4),
            "+886 9" + digits(2) + " " + digits(3) + " " + digits(3), "+61 4" + digits(2) + " " + digits(3) + " " + digits(3),
            "+49 30 " + digits(8)
        ]
        d.add(pick(["Call ", "WhatsApp: ", "电话", "reach me on ", "手机："]))
        d.add(pick(layouts), as: .phoneNumber)
    }

    private mutating func passport(_ d: inout Document) {
        let number = chance(0.5) ? "E" + digits(8) : "E" + String(pick(Array("ABCDEFGHJKLMNPQRSTUVWXYZ"))) + digits(7)
        d.add(pick(["护照号码", "护照：", "passport no. ", "护照号"]))
        d.add(number, as: .passport)
    }

    private mutating func hongKongID(_ d: inout Document) {
        let body: [UInt8] = [UInt8(ascii: "A") + UInt8(int(26))] + (0..<6).map { _ in UInt8(ascii: "0") + UInt8(int(10)) }
        let check = Character(Unicode.Scalar(HKIDValidator.checkCharacter(for: body)!))
        let text = String(decoding: body, as: UTF8.self)
        d.add(pick(["身份證號碼 ", "香港身份證", "HKID "]))
        d.add(chance(0.7) ? text + "(" + String(check) + ")" : text + String(check), as: .hongKongID)
    }

    private mutating func taiwanID(_ d: inout Document) {
        var chars: [UInt8] = [UInt8(ascii: "A") + UInt8(int(26)), UInt8(ascii: chance(0.5) ? "1" : "2")]
        chars += (0..<7).map { _ in UInt8(ascii: "0") + UInt8(int(10)) } + [UInt8(ascii: "0")]
        chars[9] = UInt8(ascii: "0") + UInt8((10 - TWIDValidator.weightedSum(chars) % 10) % 10)
        d.add(pick(["身分證字號 ", "身份證：", "ID "]))
        d.add(String(decoding: chars, as: UTF8.self), as: .taiwanID)
    }

    private mutating func ipAddress(_ d: inout Document) {
        let address = [11 + int(200), int(256), int(256), 1 + int(254)].map(String.init).joined(separator: ".")
        d.add(pick(["登录IP ", "IP地址：", "from ", "ip:"]))
        d.add(address, as: .ipAddress)
    }

    private mutating func englishLine(_ d: inout Document) {
        switch int(4) {
        case 0:
            d.add("You can reach her at ")
            d.add("+44 20 " + digits(4) + " " + digits(4), as: .phoneNumber)
            d.add(" or by email at ")
            d.add("m.chen" + digits(2) + "@example.org", as: .emailAddress)
        case 1:
            d.add("His QQ number is ")
            d.add(String(1 + int(9)) + digits(7), as: .qqNumber)
            d.add(", he said")
        case 2:
            d.add("Her WeChat ID: ")
            d.add("lily" + pick(["zhang", "_wu", "chen"]) + digits(2), as: .wechatID)
        default:
            d.add("Call me at (")
            let number = pick(["212", "415", "646"]) + ") " + String(2 + int(8)) + digits(2) + "-" + digits(4)
            d.text.removeLast()
            d.add("(" + number, as: .phoneNumber)
            d.add(" after six")
        }
    }

    // MARK: Hard negatives: digit strings and words that must be left alone

    private mutating func hardNegative(_ d: inout Document) {
        switch int(20) {
        case 0: d.add("订单号 " + "2023" + pad(1 + int(12)) + pad(1 + int(28)) + digits(6 + int(6)))
        case 1: d.add("快递单号" + pick(["SF", "YT", "75", "JD"]) + digits(12))
        case 2: d.add("工资" + String(3000 + int(30000)) + "元")
        case 3: d.add("花了¥" + String(1 + int(99)) + "," + digits(3))
        case 4: d.add("会议定在" + String(2000 + int(25)) + "-" + pad(1 + int(12)) + "-" + pad(1 + int(28)) + " " + pad(int(24)) + ":" + pad(int(60)))
        case 5: d.add(String(1990 + int(35)) + "年" + String(1 + int(12)) + "月" + String(1 + int(28)) + "日")
        case 6: d.add("一共有" + String(100_000 + int(9_000_000)) + "人参加")
        case 7:
            // A number after 手机号 is a phone number even on a segment no table lists (issue 12).
            d.add("手机号")
            d.add(pick(["120", "110", "100", "154", "194"]) + digits(8), as: .phoneNumber)
            d.add("是空号")
        case 8:
            // A resident ID with a wrong check character.
            let body = "110105" + String(1960 + int(40)) + pad(1 + int(12)) + pad(1 + int(28)) + digits(3)
            let right = CNResidentIDValidator.checkCharacter(for: body.digitValues)
            let wrong = pick(Array("0123456789X").filter { $0 != right })
            d.add("编码" + body + String(wrong))
        case 9:
            // A card number with a wrong check digit.
            var payload = ("6222" + digits(14)).digitValues
            payload.append((LuhnValidator.checkDigit(for: payload) + 1 + int(9)) % 10)
            // After 卡号 it is still a card number: context rescues what the check digit rejects (issue 12).
            d.add("卡号")
            d.add(payload.map(String.init).joined(), as: .bankCard)
        case 10: d.add("版本 " + String(1 + int(9)) + "." + String(int(10)) + "." + String(int(10)) + "." + String(int(100)))
        case 11: d.add("编号 " + String(1 + int(9)) + digits(7) + " 已处理")
        case 12: d.add(pick(["WeChat account holders grew fast", "我们在微信群里聊", "QQ群里有" + String(100 + int(2000)) + "人", "京东A股上涨", "QQ会员一年120元"]))
        case 13: d.add("第" + String(1 + int(300)) + "页，共" + String(1000 + int(9000)) + "字")
        case 14: d.add("ISBN 978-7-" + digits(3) + "-" + digits(5) + "-" + String(int(10)))
        case 15: d.add("邮编" + pick(["100", "200", "341"]) + digits(3))
        case 16: d.add("面积" + String(50 + int(200)) + "." + digits(2) + "平方米，单价" + String(10_000 + int(90_000)) + "元")
        case 17: d.add("交易流水号" + digits(20))
        case 18: d.add("房间号" + String(1 + int(30)) + pad(1 + int(20)) + "，楼高" + String(3 + int(97)) + "米")
        default: d.add("股票代码" + pick(["600", "000", "300"]) + digits(3) + "涨了" + String(int(10)) + "." + digits(2) + "%")
        }
    }

    private let fillerSentences = [
        "去年在赣州租的房子", "房东一直拖着不退押金", "有同样遭遇的朋友可以联系我", "现在想想真后悔",
        "楼主说的情况我也遇到过", "已经报警了", "Thanks for sharing", "求助！", "顶一下", "具体情况私聊"
    ]

    // MARK: Random helpers

    private mutating func int(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    private mutating func chance(_ p: Double) -> Bool { Double(random.next() % 10_000) < p * 10_000 }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    private mutating func digits(_ count: Int) -> String { (0..<count).map { _ in String(int(10)) }.joined() }
    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private func fullwidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 0x21 && $0.value <= 0x7E ? Unicode.Scalar($0.value + 0xFEE0)! : $0 }))
    }

    private func chineseNumerals(_ text: String, financial: Bool) -> String {
        String(
            text.map { character in
                guard let digit = character.wholeNumberValue, character.isASCII else { return character }
                return (financial ? ChineseNumeral.financial : ChineseNumeral.plain)[digit]
            })
    }
}
