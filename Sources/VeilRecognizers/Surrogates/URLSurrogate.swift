import Foundation
package import VeilCore

/// URLs: scheme, `www.` and the top-level domain stay; every other letter and digit of the host and
/// path is redrawn in shape, so a profile link stays a plausible profile link but points nowhere real.
package struct URLSurrogate: SurrogateGenerator {
    package let id = "url"
    package let examples = ["https://weibo.com/u/1234567890", "http://www.example.org/~lily/blog"]
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        var rest = Substring(canonical)
        var kept = ""
        if let scheme = rest.range(of: "://") { kept = String(rest[..<scheme.upperBound]); rest = rest[scheme.upperBound...] }
        if rest.lowercased().hasPrefix("www.") { kept += rest.prefix(4); rest = rest.dropFirst(4) }
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" || $0 == ":" } ?? rest.endIndex
        let host = rest[..<hostEnd]
        var hostPart = String(host), tld = ""
        if let dot = host.lastIndex(of: ".") { hostPart = String(host[..<dot]); tld = String(host[dot...]) }
        return kept + ShapeSurrogate.reshape(hostPart, keepingPrefix: 0, random: &random) + tld
            + ShapeSurrogate.reshape(String(rest[hostEnd...]), keepingPrefix: 0, random: &random)
    }

    package func render(_ surrogate: String, canonical: String, mention: String) -> String { surrogate }
}
