import Foundation
import VeilTestSupport

/// A generated forum dump, the same posts written as CSV, JSONL, a JSON array or plain text:
/// names that read alike (韦玉, 韦宇), authors in title forms (李女士, 欧阳先生, 小澹台, 关某某),
/// @mentions, screen names holding a name, multi-line bodies, quotes, backslashes, emoji, JSON
/// strings escaped as `json.dumps` writes them, and text Veil must leave alone (老周说…).
struct ForumDump {
    struct Post {
        let id: Int
        let author: String
        let body: String
        let date: String
    }

    let posts: [Post]

    init(rows: Int, seed: UInt64) {
        var random = SplitMix(seed: seed)
        let people = ["韦玉", "韦宇", "卢立兵", "曾凯", "彭丽", "欧阳明", "澹台静", "关晓彤", "李娜", "王芳", "张伟", "陈静", "谭秀英", "周杰"]
        let authors = ["李女士", "欧阳先生", "小澹台", "关某某", "@小猫咪2019", "阿花不是花", "深圳打工仔", "Lu Libing", "Sarah Miller"] + people
        let places = ["哈尔滨", "赣州", "于都县", "石门村", "深圳", "北京市朝阳区"]
        let templates = [
            "{p}说，电话{phone}，微信同号。",
            "回复@小猫咪2019：{p}在{place}上班，QQ{qq}",
            "他QQ{qq}，老{s}也在，{p}不在。",
            "老周说哈尔滨的平安银行运单号是SF{digits}。",
            "第一行\n{a}是我表哥\n第三行，{p}也知道",
            "他说\"{p}来了\"，路径C:\\\\temp\\\\{digits}，😀",
            "Lu Libing met {p} at 5pm; mail {mail}.",
            "身份证{id}，车牌粤B{plate}，{p}的。",
            "{a}：我同意{p}的看法，{p2}不同意。",
            "没有个人信息的一行，价格12.5元，编号{digits}"
        ]
        var posts: [Post] = []
        for index in 1...rows {
            let author = authors[random.below(authors.count)]
            var body = templates[random.below(templates.count)]
            let person = people[random.below(people.count)]
            let fields: [(String, String)] = [
                ("{p2}", people[random.below(people.count)]),
                ("{p}", person),
                ("{a}", author),
                ("{s}", String(person.prefix(1))),
                ("{place}", places[random.below(places.count)]),
                ("{phone}", "1\(["3", "5", "8"][random.below(3)])\(random.digits(9))"),
                ("{qq}", "\(1 + random.below(9))\(random.digits(5 + random.below(5)))"),
                ("{digits}", random.digits(8)),
                ("{mail}", "user\(random.digits(3))@example.com"),
                ("{id}", Self.residentID(&random)),
                ("{plate}", random.digits(5))
            ]
            for (key, value) in fields { body = body.replacingOccurrences(of: key, with: value) }
            posts.append(Post(id: index, author: author, body: body, date: "2023-0\(1 + random.below(9))-1\(random.below(10))"))
        }
        self.posts = posts
    }

    /// A resident ID number with a valid check digit.
    private static func residentID(_ random: inout SplitMix) -> String {
        let body =
            "4403" + "0\(1 + random.below(5))" + "19\(5 + random.below(4))\(random.below(10))" + "0\(1 + random.below(9))" + "1\(random.below(10))" + random.digits(3)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }

    /// RFC 4180 with CRLF: cells quoted when they must be, and some that need not be.
    var csv: String {
        var out = "id,author,body,date\r\n"
        for post in posts {
            let cells = [String(post.id), post.author, post.body, post.date].enumerated().map { index, cell in
                let must = cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                return must || (index == 1 && post.id % 3 == 0) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }
            out += cells.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One object per line; every other line escapes all but ASCII, as `json.dumps` does by default.
    var jsonl: String {
        posts.map { post in
            let ascii = post.id % 2 == 0
            return
                "{\"id\": \(post.id), \"author\": \(Self.json(post.author, ascii: ascii)), \"body\": \(Self.json(post.body, ascii: ascii)), \"date\": \"\(post.date)\"}\n"
        }.joined()
    }

    /// A JSON array, indented.
    var jsonArray: String {
        "[\n"
            + posts.map { post in
                "  {\n    \"id\": \(post.id),\n    \"author\": \(Self.json(post.author, ascii: post.id % 5 == 0)),\n    \"body\": \(Self.json(post.body, ascii: false)),\n    \"date\": \"\(post.date)\"\n  }"
            }.joined(separator: ",\n") + "\n]\n"
    }

    /// A thread as plain text: `author：body` per post.
    var text: String {
        posts.map { "\($0.author)：\($0.body)\n" }.joined()
    }

    static func json(_ text: String, ascii: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if ascii && scalar.value >= 0x80 {
                    for unit in String(scalar).utf16 { out += String(format: "\\u%04x", unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
