package import VeilText

/// The built-in plugins' manifests kept as one binary image between runs, beside the recognizers'
/// images: a start-up copies them instead of parsing three dozen YAML files (a fifth of a
/// start-up's work).
///
/// The image is named by a digest of the running executable, the code's ids and every built-in
/// `plugin.yaml` (path, size, modification time, file id): a changed manifest, an added plugin or
/// a rebuilt Veil reads the YAML again. Only manifests that were read without a problem are kept,
/// so an image never hides an error. Patterns come back as source, compiled when a policy selects
/// their plugin (the reader that wrote the image had compiled and checked each one).
extension RecognizerImages {
    /// The image's name: not a kebab-case plugin id, so no plugin's images are taken for it.
    private static let manifestsName = "_manifests"

    /// The manifests of the plugin folders `folders`, in order, from their image; nil when there is
    /// no usable one.
    func manifests(of folders: [String], code: PluginCode) -> [PluginManifest]? {
        guard let key = Self.manifestsKey(of: folders, code: code) else { return nil }
        let manifests = read(Self.manifestsName, key: key) { reader throws(ImageError) in try [PluginManifest](image: &reader) }
        guard let manifests, manifests.map(\.directory) == folders else { return nil }
        return manifests
    }

    /// Keeps `manifests`, read from `folders` (in order), for the next runs.
    func store(_ manifests: [PluginManifest], of folders: [String], code: PluginCode) {
        guard let key = Self.manifestsKey(of: folders, code: code) else { return }
        write(Self.manifestsName, key: key) { $0.write(manifests) }
    }

    /// A reader checks the names a manifest gives against the code's: they are part of the key.
    static func manifestsKey(of folders: [String], code: PluginCode) -> [UInt8]? {
        let names = [code.validators.keys.sorted(), code.surrogateIDs.sorted(), code.recognizers.keys.sorted()].map { $0.joined(separator: ",") }
        return key("veil manifests image 1\n\(names.joined(separator: "\n"))\n", files: folders.map { $0 + "/plugin.yaml" })
    }
}

extension PluginManifest: ImageCodable {
    package func write(to image: inout ImageWriter) {
        image.write(id)
        image.write(version)
        image.write(summary)
        image.write(entities.map(\.rawValue))
        image.write(kind.rawValue)
        image.write(patterns)
        image.write(lexicons)
        image.write(process)
        image.write(recognizerID)
        image.write(options)
        image.write(dataFiles)
        image.write(context)
        image.write(negative)
        image.write(normalization.rawValue)
        image.write(surrogate)
        image.write(priority)
        image.write(matchExamples)
        image.write(noMatchExamples)
        image.write(directory)
        image.write(path)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        id = try image.read()
        version = try image.read()
        summary = try image.read()
        entities = try [String](image: &image).map { EntityType($0) }
        kind = try image.readRawValue()
        patterns = try image.read()
        lexicons = try image.read()
        process = try image.read()
        recognizerID = try image.read()
        options = try image.read()
        dataFiles = try image.read()
        context = try image.read()
        negative = try image.read()
        normalization = Normalization(rawValue: try image.read())
        surrogate = try image.read()
        priority = try image.read()
        matchExamples = try image.read()
        noMatchExamples = try image.read()
        directory = try image.read()
        path = try image.read()
    }
}

extension PluginManifest.PatternSpec: ImageCodable {
    package func write(to image: inout ImageWriter) {
        image.write(name)
        image.write(regex)
        image.write(score)
        image.write(entity.rawValue)
        image.write(validator)
        image.write(group)
        image.write(needsContext)
        image.write(needsColumnContext)
        image.write(caseless)
        image.write(canonical.rawValue)
        image.write(backoff)
        image.write(minimumDigits)
        image.write(anchor)
        image.write(unvalidatedScore)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        name = try image.read()
        regex = try image.read()
        score = try image.read()
        entity = EntityType(try image.read())
        validator = try image.read()
        group = try image.read()
        needsContext = try image.read()
        needsColumnContext = try image.read()
        caseless = try image.read()
        canonical = try image.readRawValue()
        backoff = try image.read()
        minimumDigits = try image.read()
        anchor = try image.read()
        unvalidatedScore = try image.read()
    }
}

extension PluginManifest.LexiconSpec: ImageCodable {
    package func write(to image: inout ImageWriter) {
        image.write(name)
        image.write(file)
        image.write(entity.rawValue)
        image.write(score)
        image.write(capitalizedOnly)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        name = try image.read()
        file = try image.read()
        entity = EntityType(try image.read())
        score = try image.read()
        capitalizedOnly = try image.read()
    }
}

extension PluginManifest.ProcessSpec: ImageCodable {
    package func write(to image: inout ImageWriter) {
        image.write(command)
        image.write(timeout)
        image.write(restarts)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        command = try image.read()
        timeout = try image.read()
        restarts = try image.read()
    }
}

extension PluginManifest.ContextSpec: ImageCodable {
    package func write(to image: inout ImageWriter) {
        image.write(words)
        image.write(adjustment)
        image.write(window)
        image.write(windowAfter)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        words = try image.read()
        adjustment = try image.read()
        window = try image.read()
        windowAfter = try image.read()
    }
}

extension PluginManifest.Example: ImageCodable {
    package func write(to image: inout ImageWriter) {
        image.write(text)
        image.write(find)
        image.write(line)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        text = try image.read()
        find = try image.read()
        line = try image.read()
    }
}

extension ImageReader {
    /// A value written as its raw value; an unknown one is damage.
    mutating func readRawValue<Value: RawRepresentable>(_ type: Value.Type = Value.self) throws(ImageError) -> Value where Value.RawValue: ImageCodable {
        guard let value = Value(rawValue: try read()) else { throw ImageError("an unknown \(Value.self)") }
        return value
    }
}
