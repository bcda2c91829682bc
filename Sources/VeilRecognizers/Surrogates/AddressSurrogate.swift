import Foundation
package import VeilCore
import VeilText

/// Street addresses: another address of the same shape in the same area. The province and the
/// prefecture-level city (省, 市, 自治区, 自治州, 地区, 盟; an English address's city and state) are kept,
/// so the surrogate lies where `generalize` would point; everything below — district and county,
/// town, village, road, estate, house, building, unit and room numbers, the last two digits of a ZIP
/// code, a postcode's inward part — is drawn anew, with the original's markers (路, 号, 栋, 单元, 室,
/// Street, Apt) and digit counts.
///
/// 武汉市江汉区花园路224号14栋1514室 → 武汉市新华区解放路371号26栋2803室;
/// 1234 Maple Street, Springfield, IL 62704 → 5817 Cedar Street, Springfield, IL 62731.
package struct AddressSurrogate: SurrogateGenerator {
    package let id = "address"
    package let examples = [
        "武汉市江汉区花园路224号14栋1514室", "江西省于都县黄陂镇石门村3组", "郑州市金水路与花园路交叉口翠苑小区3-2-501",
        "1234 Maple Street, Apt 5B, Springfield, IL 62704", "221B Baker Street, London NW1 6XE"
    ]
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let isLatin = canonical.unicodeScalars.allSatisfy { $0.isASCII }
        return isLatin ? Latin.rewrite(canonical, random: &random) : Chinese.rewrite(canonical, random: &random)
    }

    /// The surrogate as drawn: an address has no per-mention layout to copy.
    package func render(_ surrogate: String, canonical: String, mention: String) -> String { surrogate }

    /// One of `names`, not the original's own.
    static func pick(_ names: [String], avoiding original: String, random: inout SurrogateRandom) -> String {
        let choices = names.filter { $0 != original }
        return random.pick(choices.isEmpty ? names : choices)
    }

    /// Digits redrawn one by one (a leading digit stays non-zero), everything else kept.
    static func redrawDigits<S: Sequence<Character>>(_ text: S, random: inout SurrogateRandom) -> String {
        var result = ""
        var previousWasDigit = false
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                result += String(previousWasDigit || digit == 0 ? random.digit() : 1 + random.next(below: 9))
                previousWasDigit = true
            } else {
                result.append(character)
                previousWasDigit = false
            }
        }
        return result
    }

    enum Chinese {
        enum Part { case kept, county, township, village, road, estate }

        /// Markers that end a named part, longest first, with what the part is.
        static let markers: [(String, Part)] = [
            ("自治区", .kept), ("自治州", .kept), ("地区", .kept), ("街道", .township), ("小区", .estate), ("花园", .estate),
            ("家园", .estate), ("大厦", .estate), ("公寓", .estate), ("广场", .estate), ("中心", .estate), ("新村", .estate),
            ("公馆", .estate), ("社区", .estate), ("华庭", .estate), ("豪庭", .estate), ("山庄", .estate), ("名都", .estate),
            ("大院", .estate), ("大道", .road), ("大街", .road), ("胡同", .road),
            ("省", .kept), ("市", .kept), ("盟", .kept), ("区", .county), ("县", .county), ("旗", .county), ("镇", .township),
            ("乡", .township), ("村", .village), ("路", .road), ("街", .road), ("道", .road), ("巷", .road), ("弄", .road),
            ("条", .road), ("苑", .estate), ("城", .estate), ("园", .estate), ("庭", .estate), ("湾", .estate),
            ("邸", .estate), ("阁", .estate), ("轩", .estate), ("居", .estate), ("里", .estate)
        ]
        /// Words kept as written where a part begins: what follows a number (号, 栋, 单元), what joins
        /// two roads (与, 交叉口), a road's section (东段).
        static let fixedWords: [String] = [
            "十字路口", "交叉口", "交汇处", "路口", "号楼", "号院", "号房", "单元", "号", "栋", "幢",
            "座", "楼", "室", "层", "期", "组", "东段", "西段", "南段", "北段", "中段", "东侧",
            "西侧", "南侧", "北侧", "与", "弄"
        ]

        static let countyNames = ["新华", "城关", "和平", "长安", "开发", "高新", "东城", "西城", "南湖", "北湖", "青山", "金山", "白云", "龙华", "清河", "永安"]
        static let townshipNames = ["城关", "新华", "石桥", "龙泉", "白沙", "大河", "桥头", "黄庄", "马坊", "柳林", "河口", "青石"]
        static let villageNames = ["李家", "王庄", "红星", "新民", "柳树", "大湾", "河口", "石门", "东风", "前进", "杨柳", "高坡"]
        static let roadNames = [
            "解放", "人民", "建设", "中山", "和平", "文化", "胜利", "团结", "光明", "幸福", "新华", "长江", "黄河",
            "朝阳", "青年", "工农", "迎宾", "滨河", "东风", "友谊"
        ]
        static let estateNames = [
            "阳光", "锦绣", "翠苑", "金色", "绿城", "碧水", "丽景", "明珠", "康乐", "华府", "怡和", "紫荆",
            "香山", "枫林", "润泽", "嘉和"
        ]

        static func rewrite(_ text: String, random: inout SurrogateRandom) -> String {
            let characters = Array(text)
            var result = ""
            var index = 0
            while index < characters.count {
                var end = index
                let han = isHan(characters[index])
                while end < characters.count, isHan(characters[end]) == han { end += 1 }
                if han {
                    for segment in segments(of: Array(characters[index..<end])) {
                        switch segment {
                        case .fixed(let word): result += word
                        case .marked(let stem, let marker, let part): result += replacement(stem, marker: marker, part: part, random: &random)
                        case .unmarked(let name): result += pick(estateNames, avoiding: name, random: &random)
                        }
                    }
                } else {
                    result += redrawDigits(characters[index..<end], random: &random)
                }
                index = end
            }
            return result
        }

        enum Segment {
            /// Kept as written: 号, 单元, 与, 交叉口, 二期.
            case fixed(String)
            /// A name and the marker that says what it names: 江汉 + 区, 花园 + 路, 翠苑 + 小区.
            case marked(stem: String, marker: String, part: Part)
            /// A name with no marker (an estate written without 小区).
            case unmarked(String)
        }

        /// Characters a name cannot hold after its first: they end a part (江汉区 | 花园路, never 江汉区花园 + 路).
        static let partEnds: Set<Character> = ["省", "市", "区", "县", "旗", "镇", "乡", "村", "与"]
        static let longFixedWords = fixedWords.filter { $0.count > 1 }
        static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "零", "〇"]
        static let afterNumerals: Set<Character> = ["期", "组", "号", "栋", "幢", "楼", "单", "层", "座"]

        /// The split of a run of Chinese characters into the fewest parts: a marked name costs 1, a
        /// fixed word nothing, a name without a marker 3.
        static func segments(of run: [Character]) -> [Segment] {
            var best: [(cost: Int, previous: Int, segment: Segment)?] = Array(filled: nil, count: run.count + 1)
            best[0] = (0, 0, .fixed(""))
            func offer(_ end: Int, from start: Int, cost: Int, _ segment: Segment) {
                guard let base = best[start] else { return }
                if let current = best[end], current.cost <= base.cost + cost { return }
                best[end] = (base.cost + cost, start, segment)
            }
            for start in 0..<run.count where best[start] != nil {
                for word in fixedWords where matches(word, at: start, in: run) {
                    offer(start + word.count, from: start, cost: 0, .fixed(word))
                }
                var numeralEnd = start
                while numeralEnd < run.count, numeralEnd - start < 3, numerals.contains(run[numeralEnd]) { numeralEnd += 1 }
                if numeralEnd > start, numeralEnd < run.count, afterNumerals.contains(run[numeralEnd]) {
                    offer(numeralEnd, from: start, cost: 0, .fixed(String(run[start..<numeralEnd])))
                }
                // A name never starts with a fixed word nor holds a longer one (交叉口), and holds a part's end
                // only as 市 at its start (市场路).
                if fixedWords.contains(where: { matches($0, at: start, in: run) }) { continue }
                let nameCharacter = { (offset: Int) in
                    (!partEnds.contains(run[offset]) || (offset == start && run[offset] == "市"))
                        && !longFixedWords.contains { matches($0, at: offset, in: run) }
                }
                for stemLength in 1...6 where start + stemLength < run.count {
                    if !nameCharacter(start + stemLength - 1) { break }
                    for (marker, part) in markers where matches(marker, at: start + stemLength, in: run) {
                        offer(
                            start + stemLength + marker.count, from: start, cost: 1,
                            .marked(stem: String(run[start..<start + stemLength]), marker: marker, part: part))
                    }
                }
                for length in 1...min(8, run.count - start) {
                    if !nameCharacter(start + length - 1) { break }
                    offer(start + length, from: start, cost: 3, .unmarked(String(run[start..<start + length])))
                }
            }
            var segments: [Segment] = []
            var end = run.count
            while end > 0, let step = best[end] {
                segments.append(step.segment)
                end = step.previous
            }
            return segments.reversed()
        }

        static func replacement(_ stem: String, marker: String, part: Part, random: inout SurrogateRandom) -> String {
            switch part {
            case .kept: return stem + marker
            case .county: return pick(countyNames, avoiding: stem, random: &random) + marker
            case .township: return pick(townshipNames, avoiding: stem, random: &random) + marker
            case .village: return pick(villageNames, avoiding: stem, random: &random) + marker
            case .road: return pick(roadNames, avoiding: stem, random: &random) + marker
            case .estate: return pick(estateNames, avoiding: stem, random: &random) + marker
            }
        }

        static func isHan(_ character: Character) -> Bool {
            guard let scalar = character.unicodeScalars.first else { return false }
            return scalar.properties.isIdeographic && !(0x3000...0x303F).contains(scalar.value)
        }

        static func matches(_ word: String, at index: Int, in characters: [Character]) -> Bool {
            let needle = Array(word)
            guard index >= 0, index + needle.count <= characters.count else { return false }
            return Array(characters[index..<index + needle.count]) == needle
        }
    }

    enum Latin {
        static let suffixes: Set<String> = [
            "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr", "court", "ct", "way",
            "place", "pl", "terrace", "ter", "crescent", "close", "parkway", "pkwy", "highway", "hwy", "square", "sq", "circle",
            "cir", "row", "walk", "gardens", "grove", "mews"
        ]
        static let streetNames = [
            "Maple", "Oak", "Cedar", "Elm", "Pine", "Walnut", "Spruce", "Birch", "Hillside", "Lakeview",
            "Meadow", "River", "Sunset", "Highland", "Forest", "Garden", "Church", "Mill", "Bridge", "Station"
        ]

        /// The street name (the words between the house number and the suffix) is drawn from a list,
        /// numbers are redrawn, and after the street a 5-digit ZIP keeps its first three digits and a
        /// British postcode its outward part. City and state words stay.
        static func rewrite(_ text: String, random: inout SurrogateRandom) -> String {
            let tokens = tokenize(text)
            let words = tokens.indices.filter { isWord(tokens[$0]) }
            let suffixIndex = words.first { index in
                suffixes.contains(tokens[index].lowercased().trimmingCharacters(in: ["."]))
                    && words.contains { $0 < index && tokens[$0].contains(where: \.isNumber) }
            }
            let numberIndex = suffixIndex.flatMap { suffix in words.last { $0 < suffix && tokens[$0].contains(where: \.isNumber) } }
            let directions: Set<String> = ["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"]
            var result = ""
            var streetWritten = false
            for (index, token) in tokens.enumerated() {
                guard isWord(token) else {
                    // The spaces inside a street name drawn as one word go with it.
                    if let numberIndex, let suffixIndex, index > numberIndex, index < suffixIndex, streetWritten,
                        tokens.indices.first(where: { $0 > index && isWord(tokens[$0]) }) != suffixIndex
                    {
                        continue
                    }
                    result += token
                    continue
                }
                if let numberIndex, let suffixIndex, index > numberIndex, index < suffixIndex,
                    !directions.contains(token.lowercased().trimmingCharacters(in: ["."]))
                {
                    if !streetWritten {
                        result += pick(streetNames, avoiding: token, random: &random)
                        streetWritten = true
                    }
                    continue
                }
                if let suffixIndex, index > suffixIndex, token.count == 5, token.allSatisfy(\.isNumber) {
                    result += token.prefix(3) + redrawDigits(token.suffix(2), random: &random)
                } else if let suffixIndex, index > suffixIndex, isOutwardCode(token), index + 2 < tokens.count, isInwardCode(tokens[index + 2]) {
                    result += token
                } else if let suffixIndex, index > suffixIndex, isInwardCode(token) {
                    result += String(random.digit()) + String((0..<2).map { _ in random.pick(Array("ABDEFGHJLNPQRSTUWXYZ")) })
                } else {
                    result += redrawDigits(token, random: &random)
                }
            }
            return result
        }

        static func isOutwardCode(_ token: String) -> Bool {
            let characters = Array(token)
            return (2...4).contains(characters.count) && characters[0].isUppercase && characters.contains(where: \.isNumber)
                && characters.allSatisfy { $0.isUppercase || $0.isNumber }
        }

        static func isInwardCode(_ token: String) -> Bool {
            let characters = Array(token)
            return characters.count == 3 && characters[0].isNumber && characters[1].isUppercase && characters[2].isUppercase
        }

        static func isWord(_ token: String) -> Bool { token.first.map { $0.isLetter || $0.isNumber || $0 == "#" } ?? false }

        /// Words (letters, digits, #, ., -, /) and the separators between them, in order.
        static func tokenize(_ text: String) -> [String] {
            var tokens: [String] = []
            var current = ""
            var currentIsWord = false
            for character in text {
                let isWordCharacter = character.isLetter || character.isNumber || "#.-/'".contains(character)
                if !current.isEmpty && isWordCharacter != currentIsWord { tokens.append(current); current = "" }
                current.append(character)
                currentIsWord = isWordCharacter
            }
            if !current.isEmpty { tokens.append(current) }
            return tokens
        }
    }
}
