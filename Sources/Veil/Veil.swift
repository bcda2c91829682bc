public import Foundation
@_exported import VeilCore
internal import VeilRecognizers

/// Veil as a library: an engine built once from a policy, shared by every task, that finds
/// personal data in text and rewrites it — the same person the same pseudonym in every document
/// this value sees.
///
/// ```swift
/// import Veil
///
/// let veil = try Veil(policy: .text("""
///     version: 1
///     extends: default
///     pseudonyms: {key: env:VEIL_KEY}
///     """))
/// let findings = try veil.analyze("电话13812345678微信同号")
/// let clean = try veil.anonymize("卢立兵说，老卢会来。").text
/// for try await result in veil.anonymize(posts) { print(result.text) }   // in order, on every core
/// ```
public struct Veil: Sendable {
    /// Where the policy comes from.
    public enum PolicySource: Sendable {
        /// A policy shipped with Veil (`Policies/NAME.yaml`), `default` unless named.
        case builtin(String = "default")
        /// A policy file; a relative path is read from the current directory.
        case file(String)
        /// Policy YAML in a string (`extends:` files are found from the current directory); its
        /// errors are labelled `<policy text>:LINE:COLUMN`.
        case text(String)
    }

    /// The compiled policy and plugins; immutable, `Sendable`.
    package let engine: Engine
    /// Rewrites documents and keeps the run's pseudonyms (thread-safe).
    package let anonymizer: Anonymizer

    /// Builds the engine (throws ``VeilError/configuration(_:)``). `key` overrides the policy's `pseudonyms.key` (without either, a random
    /// key lives as long as this value); `pluginFolders` adds plugin folders (as `--plugins`);
    /// `plugins` adds recognizers written in Swift, which the policy selects by id.
    public init(
        policy: PolicySource = .builtin(), key: PseudonymKey? = nil, pluginFolders: [String] = [],
        plugins: [CodePlugin] = [], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        do {
            var catalog = try PluginCatalog.standard(extraDirectories: pluginFolders, environment: environment)
            for plugin in plugins {
                catalog = try catalog.adding(id: plugin.id, entities: plugin.entities, summary: plugin.summary, surrogate: plugin.surrogate, recognizer: plugin.make)
            }
            let resolved: Policy
            switch policy {
            case .builtin(let name): resolved = try PolicyReader.builtin(name, environment: environment)
            case .file(let path): resolved = try PolicyReader.read(path: path, environment: environment)
            case .text(let text): resolved = try PolicyReader.read(text: text, environment: environment)
            }
            engine = try Engine(policy: resolved, catalog: catalog, key: key, environment: environment)
        } catch {
            throw VeilError.configuration(error)
        }
        anonymizer = Anonymizer(engine: engine)
    }

    /// The personal data in `text`, with code point offsets (never the text itself). Throws
    /// ``VeilError/document(index:reason:)`` if a plugin could not scan it.
    public func analyze(_ text: String) throws -> [Finding] {
        do { return try engine.scan(text) } catch { throw VeilError.document(index: nil, reason: "\(error)") }
    }

    /// `text` rewritten under the policy, and what was found in it. Throws
    /// ``VeilError/document(index:reason:)`` if it could not be scanned.
    public func anonymize(_ text: String) throws -> AnonymizedText {
        do { return try anonymizer.anonymize(text) } catch { throw VeilError.document(index: nil, reason: "\(error)") }
    }

    /// `text` rewritten as one part of a longer whole: `context` carries the people named in the
    /// parts before (老卢 here is the 卢立兵 of an earlier part, with one pseudonym) and learns this
    /// part's. Parts given in order with one context are anonymized as their concatenation is.
    public func anonymize(_ text: String, context: inout DocumentContext) throws -> AnonymizedText {
        do { return try anonymizer.anonymize(DocumentText(text), context: &context) } catch {
            throw VeilError.document(index: nil, reason: "\(error)")
        }
    }

    /// Every document of `documents` rewritten, yielded in the order they come, recognized
    /// `batchSize` at a time on every core. Each document knows the people the documents before it
    /// named: 老卢 in one is the 卢立兵 of an earlier one, with one pseudonym, as in one document
    /// (and as the text files of one `veil anonymize` run; the records of a dataset link only within
    /// the 4 MiB block of their file they start in, so that its parts can be anonymized apart). The
    /// stream ends with
    /// ``VeilError/document(index:reason:)`` at the first document that could not be scanned; no
    /// result is yielded for it or after it.
    public func anonymize<Documents: AsyncSequence & Sendable>(_ documents: Documents, batchSize: Int = 64)
        -> AsyncThrowingStream<AnonymizedText, any Error> where Documents.Element == String
    {
        let anonymizer = anonymizer, size = max(1, batchSize)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var batch: [String] = []
                    var first = 0
                    var context = DocumentContext()
                    func flush() async throws {
                        let recognized = await Self.recognize(batch, with: anonymizer.engine)
                        for (offset, document) in recognized.enumerated() {
                            do { continuation.yield(try anonymizer.anonymize(try document.get(), context: &context)) } catch {
                                throw VeilError.document(index: first + offset, reason: "\(error)")
                            }
                        }
                        first += batch.count
                        batch.removeAll(keepingCapacity: true)
                    }
                    for try await text in documents {
                        batch.append(text)
                        if batch.count >= size { try await flush() }
                    }
                    try await flush()
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// What the recognizers report in each document of a batch, on every core, in order.
    private static func recognize(_ batch: [String], with engine: Engine) async -> [Result<RecognizedDocument, any Error>] {
        await withTaskGroup(of: (Int, Result<RecognizedDocument, any Error>).self) { group in
            for (offset, text) in batch.enumerated() {
                group.addTask { (offset, Result { try engine.recognize(DocumentText(text)) }) }
            }
            var results = [Result<RecognizedDocument, any Error>?](repeating: nil, count: batch.count)
            for await (offset, result) in group { results[offset] = result }
            return results.map { $0! }
        }
    }
}

/// A recognizer written in Swift, to register with ``Veil/init(policy:key:pluginFolders:plugins:environment:)``:
/// a policy selects it by `id` like a built-in plugin.
public struct CodePlugin: Sendable {
    public let id: String
    public let entities: [EntityType]
    public let summary: String
    /// The surrogate generator for its pseudonyms (default: by shape; names get realistic names).
    public let surrogate: String?
    let make: @Sendable () throws -> any Recognizer

    public init(
        id: String, entities: [EntityType], summary: String = "", surrogate: String? = nil,
        recognizer make: @escaping @Sendable () throws -> any Recognizer
    ) {
        self.id = id
        self.entities = entities
        self.summary = summary
        self.surrogate = surrogate
        self.make = make
    }
}

/// What can go wrong. Every error the `Veil` API throws is a `VeilError` (the stream's also passes
/// on what the documents' own sequence throws): catch it with `catch let error as VeilError`. The
/// API's methods are declared `throws`, not `throws(VeilError)`: with typed throws that pattern is an
/// always-true cast, which Swift 6.3's compiler warns about and, in some call sites, crashes on.
public enum VeilError: Error, Sendable, CustomStringConvertible {
    /// The policy, a plugin or the key is wrong: every problem with its file, line and column.
    case configuration(ConfigurationError)
    /// A document could not be scanned (a plugin failed on it), so nothing was written for it.
    /// `index` is its place in a stream. The reason never contains the document's text.
    case document(index: Int?, reason: String)

    public var description: String {
        switch self {
        case .configuration(let error): return error.description
        case .document(let index, let reason): return "document\(index.map { " \($0)" } ?? ""): \(reason)"
        }
    }
}
