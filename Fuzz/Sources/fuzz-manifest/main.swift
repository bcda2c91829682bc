import Foundation
import FuzzSupport

@testable import VeilCore
@testable import VeilRecognizers

/// Any bytes as a plugin manifest (plugin.yaml in a folder of its own): loaded, its recognizer
/// compiled and run over a fixed text. Bad manifests must be refused with their line and column.
func fuzzManifest(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    _ = Fuzz.write(UnsafeRawBufferPointer(start: data, count: count), to: "plugins/fuzzed/plugin.yaml")
    let folder = Fuzz.scratch("plugins")
    guard let catalog = try? PluginCatalog.load(from: [(origin: .directory(folder), directory: folder)], code: .builtin) else { return 0 }
    for plugin in catalog.sorted {
        guard let recognizer = try? plugin.makeRecognizer() else { continue }
        _ = try? recognizer.recognize(DocumentText("电话13812345678，QQ：12345678，王小明住在武汉市江汉区花园路224号。Call +1 555 0100."))
    }
    return 0
}

exit(Fuzz.main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in fuzzManifest(data ?? UnsafeRawPointer(bitPattern: 1)!, count) })
