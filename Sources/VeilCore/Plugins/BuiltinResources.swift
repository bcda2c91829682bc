package import Foundation

/// Finds the folder holding Veil's shipped `Plugins/` and `Policies/`.
///
/// Looked for, in order: `$VEIL_HOME`; `<bin>/../share/veil` next to an installed `veil`; the
/// source checkout this library was compiled from (which is also where SwiftPM keeps a dependency's
/// checkout, so library users find it too).
package enum BuiltinResources {
    /// The resource folder, or nil if none of the places has one.
    package static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        candidates(environment: environment).first { isResourceRoot($0) }
    }

    /// The shipped plugins folder, or an error saying where Veil looked.
    package static func pluginsDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> URL {
        try locate(environment: environment).appendingPathComponent("Plugins")
    }

    /// The shipped policies folder.
    package static func policiesDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> URL {
        try locate(environment: environment).appendingPathComponent("Policies")
    }

    private static func locate(environment: [String: String]) throws(ConfigurationError) -> URL {
        guard let root = root(environment: environment) else {
            let places = candidates(environment: environment).map(\.path).joined(separator: ", ")
            throw ConfigurationError(
                Diagnostic(
                    file: "veil",
                    message: "cannot find Veil's built-in plugins and policies (looked in: \(places)); set VEIL_HOME to the folder that holds Plugins/ and Policies/"))
        }
        return root
    }

    static func candidates(environment: [String: String]) -> [URL] {
        var urls: [URL] = []
        if let home = environment["VEIL_HOME"], !home.isEmpty { urls.append(URL(fileURLWithPath: home)) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        urls.append(executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/veil"))
        // This file is Sources/VeilCore/Plugins/BuiltinResources.swift in the checkout.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        urls.append(checkout)
        return urls
    }

    private static func isResourceRoot(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("Plugins").path, isDirectory: &isDirectory) && isDirectory.boolValue
            && FileManager.default.fileExists(atPath: url.appendingPathComponent("Policies/default.yaml").path)
    }
}
