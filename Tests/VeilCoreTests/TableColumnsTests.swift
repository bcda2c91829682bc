import Foundation
import Testing

@testable import VeilCore

/// Tables pasted as text: a column's header is the cue for every cell under it.
@Suite struct TableColumnsTests {
    private func header(of cell: String, in text: String) -> String? {
        let bytes = Array(text.utf8)
        let start = try! #require(text.utf8.ranges(of: cell.utf8).first).lowerBound
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: start)
        guard let (_, header) = TableColumns(bytes).cell(of: offset..<offset + cell.utf8.count, in: bytes) else { return nil }
        return String(decoding: bytes[header], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    @Test func cellsKnowTheirColumnHeaders() {
        #expect(header(of: "582201", in: "序号\t姓名\tQQ\t日期\n1\t袁怡\t582201\t1664\n") == "QQ")
        #expect(header(of: "lily_88", in: "| 姓名 | 微信号 |\n|---|---|\n| Lily | lily_88 |\n") == "微信号")
        #expect(header(of: "334650", in: "业主群登记\n序号,姓名,电话,QQ号,成绩\n1,白建,15009889058,334650,863\n") == "QQ号")
        // Two columns under single-word labels: one comma is enough.
        #expect(header(of: "07381067", in: "Name,Phone\nEinar Jespersen,07381067\n") == "Phone")
    }

    @Test func proseAndHeaderRowsAreNotCells() {
        // Two lines of prose with as many commas, the first holding digits: not a table.
        #expect(header(of: "12345678", in: "他说2023年,我们见过,在北京\n后来,号码12345678,再没联系\n") == nil)
        // A header's own labels are not data cells.
        #expect(header(of: "QQ", in: "序号\t姓名\tQQ\n1\t袁怡\t582201\n") == nil)
        // One comma between words of prose is not a header.
        #expect(header(of: "07381067", in: "Call me, please\nEinar Jespersen,07381067\n") == nil)
        // One line is not a table.
        #expect(header(of: "582201", in: "1\t袁怡\t582201\n") == nil)
    }
}
