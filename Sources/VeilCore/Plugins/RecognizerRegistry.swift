/// Recognizers written in Swift and compiled into the program, which `recognizer:` manifests refer
/// to by id. Frozen once built; pass a registry with your own recognizers to ``PluginCatalog/load(from:registry:)``.
package struct RecognizerRegistry: Sendable {
    /// What a factory is given: the manifest (its options, its folder) and the paths of its data files.
    package struct Input: Sendable {
        package let manifest: PluginManifest
        /// Absolute paths of the manifest's `data:` files, in order.
        package let dataFiles: [String]
    }

    package typealias Factory = @Sendable (Input) throws -> any Recognizer

    package private(set) var factories: [String: Factory]

    package init(factories: [String: Factory] = [:]) { self.factories = factories }

    /// Adds (or replaces) the recognizer called `id`.
    package mutating func register(_ id: String, factory: @escaping Factory) { factories[id] = factory }

    /// The recognizers shipped with Veil.
    package static let builtin = RecognizerRegistry(factories: [
        "gazetteer": GazetteerRecognizer.factory,
        "person-zh": ChineseNameRecognizer.factory,
        "person-pinyin": PinyinNameRecognizer.factory,
        "person-en": EnglishNameRecognizer.factory
    ])
}
