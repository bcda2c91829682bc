import Crypto
import Foundation
package import VeilText

/// A recognizer that can be kept as a binary image between runs (``RecognizerImages``): what it
/// builds from its plugin's data at start-up — automata, tables, a tagger — written out once and
/// copied back in by later runs.
package protocol ImageRecognizer: Recognizer, ImageCodable {}

/// The binary images of built-in plugins' recognizers, kept in a cache folder so that a start-up
/// copies each recognizer back instead of building it from its data files (most of start-up).
///
/// An image is named by a digest of everything its recognizer was built from: the plugin's id,
/// its manifest and data files (path, size, modification time, file id) and the running
/// executable (the same, so a rebuilt Veil never reads an image an older build wrote). Any
/// change makes a new name; an image that cannot be read — damaged, truncated, from another
/// build — is ignored and the recognizer is built from its data as if there were none. Only
/// built-in plugins are cached: their data is Veil's own, public, while a user's plugin may list
/// names that must not be copied anywhere else.
///
/// The folder is `$VEIL_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME/veil`, else
/// `~/.cache/veil`; images are in its `recognizers/` folder, one per plugin.
package struct RecognizerImages: Sendable {
    /// The folder the images are in.
    package let directory: String

    /// The cache folder the environment names, or nil when it names none (`VEIL_CACHE_DIR=""`, or
    /// no home folder).
    package init?(environment: [String: String]) {
        let root: String
        if let chosen = environment["VEIL_CACHE_DIR"] {
            guard !chosen.isEmpty else { return nil }
            root = chosen
        } else if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            root = (cache as NSString).appendingPathComponent("veil")
        } else if let home = environment["HOME"], !home.isEmpty {
            root = (home as NSString).appendingPathComponent(".cache/veil")
        } else {
            return nil
        }
        directory = (root as NSString).appendingPathComponent("recognizers")
    }

    package init(directory: String) { self.directory = directory }

    /// The recognizer of `input` from its image, or nil when there is no usable one.
    package func load(_ type: any ImageRecognizer.Type, for input: PluginCode.RecognizerInput) -> (any Recognizer)? {
        guard let key = Self.key(of: input) else { return nil }
        return read(input.manifest.id, key: key) { reader throws(ImageError) -> any Recognizer in try type.init(image: &reader) }
    }

    /// Writes `recognizer`'s image for the next runs, in place of any other image of the plugin.
    /// Best effort: a cache that cannot be written (a read-only home) only costs the next run time.
    package func store(_ recognizer: any ImageRecognizer, for input: PluginCode.RecognizerInput) {
        guard let key = Self.key(of: input) else { return }
        write(input.manifest.id, key: key) { recognizer.write(to: &$0) }
    }

    /// The value in the image `name` written under `key`, or nil when there is none, or it is
    /// damaged or not wholly read.
    func read<Value>(_ name: String, key: [UInt8], _ decode: (inout ImageReader) throws(ImageError) -> Value) -> Value? {
        guard let file = try? MappedFile(path: path(of: name, key: key)) else { return nil }
        return file.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Value? in
            guard let payload = Self.payload(of: raw, key: key) else { return nil }
            var reader = ImageReader(payload)
            guard let value = try? decode(&reader), reader.isAtEnd else { return nil }
            return value
        }
    }

    /// Writes the image `name` under `key`, in place of any other image of that name (an earlier
    /// build's, older data's). Best effort, like ``store(_:for:)``.
    func write(_ name: String, key: [UInt8], _ encode: (inout ImageWriter) -> Void) {
        var writer = ImageWriter()
        encode(&writer)
        var file = Self.magic
        file += key
        withUnsafeBytes(of: UInt64(writer.bytes.count)) { file += $0 }
        writer.bytes.withUnsafeBytes { payload in withUnsafeBytes(of: Self.checksum(payload)) { file += $0 } }
        file += writer.bytes
        let fileManager = FileManager.default
        guard (try? fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil
        else { return }
        let target = path(of: name, key: key)
        // A reader sees the whole image or none.
        guard let output = try? AtomicFile(destination: target), (try? output.write(file)) != nil, (try? output.commit()) != nil else { return }
        // The older images of that name (an earlier build, changed data) are of no more use, nor
        // is what a writer that was killed left half-written (a temporary file an hour old).
        let prefix = "\(name)-", written = (target as NSString).lastPathComponent
        for name in (try? fileManager.contentsOfDirectory(atPath: directory)) ?? [] where name != written {
            let path = (directory as NSString).appendingPathComponent(name)
            if name.hasPrefix(prefix) && name.hasSuffix(".image") {
                unlink(path)
            } else if name.hasPrefix("." + prefix) || name.hasPrefix(prefix), name.hasSuffix(".tmp"),
                let modified = (try? fileManager.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified.timeIntervalSinceNow < -3600
            {
                unlink(path)
            }
        }
    }

    private func path(of name: String, key: [UInt8]) -> String {
        (directory as NSString).appendingPathComponent("\(name)-\(key.prefix(16).map { String(format: "%02x", $0) }.joined()).image")
    }

    private static let magic = Array("VEILIMG1".utf8)

    /// The payload of an image file, if its header names `key` and its checksum holds.
    private static func payload(of file: UnsafeRawBufferPointer, key: [UInt8]) -> UnsafeRawBufferPointer? {
        let header = magic.count + key.count + 16
        guard file.count >= header, file.prefix(magic.count).elementsEqual(magic), file[magic.count..<magic.count + key.count].elementsEqual(key)
        else { return nil }
        let length = file.loadUnaligned(fromByteOffset: magic.count + key.count, as: UInt64.self)
        let sum = file.loadUnaligned(fromByteOffset: magic.count + key.count + 8, as: UInt64.self)
        guard length == UInt64(file.count - header) else { return nil }
        let payload = UnsafeRawBufferPointer(rebasing: file[header...])
        return checksum(payload) == sum ? payload : nil
    }

    /// A 64-bit checksum, four lanes of eight bytes at a time (damage, not tampering: the folder is
    /// the user's). Images are tens of megabytes: this is read at every start-up.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5)
        @inline(__always) func mix(_ lane: inout UInt64, _ word: UInt64) {
            lane = (lane ^ word) &* 0x100_0000_01b3
            lane ^= lane >> 29
        }
        var offset = 0
        while offset + 32 <= bytes.count {
            mix(&lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            mix(&lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            mix(&lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            mix(&lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var hash = lanes.0 ^ (lanes.1 &* 31) ^ (lanes.2 &* 961) ^ (lanes.3 &* 29_791)
        while offset < bytes.count {
            mix(&hash, UInt64(bytes[offset]))
            offset += 1
        }
        return hash ^ UInt64(bytes.count)
    }

    /// The digest naming the image of `input`'s recognizer, or nil when a file it reads cannot be
    /// looked at (it is then built, and reports its own error).
    static func key(of input: PluginCode.RecognizerInput) -> [UInt8]? {
        key("veil recognizer image 1\n\(input.manifest.id)\n", files: [input.manifest.path] + input.dataFiles)
    }

    /// A digest of `header`, the running executable and `files` (each by its path and identity),
    /// or nil when a file cannot be looked at.
    static func key(_ header: String, files: [String]) -> [UInt8]? {
        var digest = SHA256()
        digest.update(data: Array(header.utf8))
        for path in [executable] + files {
            guard let path, let identity = identity(of: path) else { return nil }
            digest.update(data: Array("\(path)\t\(identity)\n".utf8))
        }
        return Array(digest.finalize())
    }

    /// The running program: its image is stale when it is rebuilt.
    private static let executable: String? = {
        #if os(Linux)
            return "/proc/self/exe"
        #else
            return Bundle.main.executablePath
        #endif
    }()

    /// What changes when a file is rewritten: its device and file number, size and modification time.
    private static func identity(of path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        #if os(Linux)
            let modified = status.st_mtim
        #else
            let modified = status.st_mtimespec
        #endif
        return "\(status.st_dev) \(status.st_ino) \(status.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }
}

/// A file's bytes mapped read-only into memory: the pages come straight from the page cache, all
/// at once, rather than copied into fresh memory page by page (an image is tens of megabytes, read
/// at every start). Unmapped when the value is released. Images are replaced by renaming, never
/// rewritten in place, so the mapped file does not change under the reader.
private final class MappedFile {
    private let base: UnsafeMutableRawPointer?
    private let size: Int

    init(path: String) throws(ImageError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ImageError("cannot open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ImageError("cannot stat") }
        size = Int(status.st_size)
        guard size > 0 else {
            base = nil
            return
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), mapped != MAP_FAILED else {
            throw ImageError("cannot map")
        }
        base = mapped
    }

    deinit { if let base { munmap(base, size) } }

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        body(UnsafeRawBufferPointer(start: base, count: size))
    }
}
