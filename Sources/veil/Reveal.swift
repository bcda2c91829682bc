import ArgumentParser
import Foundation
import VeilCore
import VeilFormats

/// `veil reveal`: turns pseudonyms back into the originals, for whoever holds the key of the vault.
struct Reveal: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn pseudonyms back into the originals, from the mapping vault (needs the vault's key).",
        discussion: """
        With --pseudonym, prints what one pseudonym stands for. Otherwise rewrites each file (or \
        standard input), every pseudonym the vault knows replaced by the mention it stood for. \
        This output contains the originals: keep it as you keep the source data.
        """)

    @OptionGroup var engineOptions: EngineOptions

    @Option(name: .long, help: "One pseudonym to look up.")
    var pseudonym: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Output file (default: standard output).", valueName: "path"))
    var output: String?

    @Argument(help: "Anonymized files to restore (default: standard input).")
    var files: [String] = []

    func run() throws {
        try reportingErrors {
            if let output { try AtomicOutput.checkDestination(output, inputs: files) }
            let engine = try engineOptions.makeEngine()
            guard let vault = try engineOptions.openVault(engine, mustExist: true) else {
                throw ValidationError("no vault: set pseudonyms.vault in the policy or pass --vault FILE")
            }
            // An empty vault would give the text back unchanged and look like success.
            if try vault.isEmpty { throw InputError(file: vault.path, message: "the vault holds no pseudonyms: nothing can be revealed from it") }
            if let pseudonym {
                let found = try vault.reveal(pseudonym)
                guard !found.isEmpty else {
                    Console.error("veil: the vault has no pseudonym '\(pseudonym)'")
                    throw ExitCode(1)
                }
                for (entity, original) in found { Console.output("\(entity.rawValue)\t\(original)\n") }
                return
            }
            let restorer = Restorer(try vault.renderings())
            let readers = files.isEmpty ? [LineReader(standardInputNamed: "<stdin>")] : try files.map { try LineReader(path: $0) }
            var restored: [UInt8] = []
            for reader in readers { restored += restorer.restore(try reader.readAll()) }
            if let output {
                let file = try AtomicOutput(destination: output)
                do {
                    try file.write(restored)
                    try file.commit()
                } catch {
                    file.abandon()
                    throw error
                }
            } else {
                Console.output(restored)
            }
        }
    }
}

/// Replaces every written pseudonym in a text by the mention it stood for, longest first.
struct Restorer {
    private let automaton: AhoCorasick
    private let originals: [[UInt8]]
    private let rendered: [[UInt8]]

    init(_ renderings: [(rendered: String, original: String)]) {
        var byRendered: [String: String] = [:]
        for (rendered, original) in renderings where !rendered.isEmpty && byRendered[rendered] == nil { byRendered[rendered] = original }
        let words = byRendered.keys.sorted()
        automaton = AhoCorasick(words: words)
        originals = words.map { Array(byRendered[$0]!.utf8) }
        rendered = words.map { Array($0.utf8) }
    }

    func restore(_ bytes: [UInt8]) -> [UInt8] {
        // Longest match wins at each place; matches do not overlap.
        let matches = automaton.occurrences(in: bytes).sorted {
            ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        // The automaton folds ASCII case; a pseudonym is restored only as written.
        for match in matches where match.range.lowerBound >= cursor && bytes[match.range].elementsEqual(rendered[match.word]) {
            // A Latin pseudonym only as a whole word ("Tao" is not in "Taobao").
            if isWordByte(bytes, match.range.lowerBound - 1) && isWordByte(bytes, match.range.lowerBound)
                || isWordByte(bytes, match.range.upperBound) && isWordByte(bytes, match.range.upperBound - 1) { continue }
            out += bytes[cursor..<match.range.lowerBound]
            out += originals[match.word]
            cursor = match.range.upperBound
        }
        out += bytes[cursor...]
        return out
    }

    private func isWordByte(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        let byte = bytes[index]
        return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
