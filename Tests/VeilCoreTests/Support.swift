import Foundation
import Testing

@testable import VeilCore
@testable import VeilRecognizers

/// Shared set-up: the shipped catalog and policies, loaded once.
enum Shipped {
    static let catalog: PluginCatalog = {
        do { return try PluginCatalog.standard(environment: [:]) } catch { fatalError("shipped plugins do not load: \(error)") }
    }()

    static let defaultPolicy: Policy = {
        do { return try PolicyReader.builtin(environment: [:]) } catch { fatalError("default policy does not load: \(error)") }
    }()

    static let key = PseudonymKey(secret: Array("a test key that is long enough".utf8))

    static func engine(policy: Policy = defaultPolicy, key: PseudonymKey = key) throws -> Engine {
        try Engine(policy: policy, catalog: catalog, key: key, environment: [:])
    }

    /// The texts the engine finds in `text`, with their entities.
    static func found(_ text: String, engine: Engine) throws -> [(text: String, entity: EntityType)] {
        let document = DocumentText(text)
        return try engine.analyze(document).map { (String(decoding: document.bytes[$0.range], as: UTF8.self), $0.entity) }
    }
}
