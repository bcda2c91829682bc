import Hummingbird
package import VeilCore

/// The policies a server answers under, each compiled once at start with its own anonymizer (so its
/// own pseudonyms): the first is used unless a request names another with `?policy=NAME`. A
/// request can only choose among these; it never loads a file or a plugin.
package struct ServedPolicies: Sendable {
    package let byName: [String: Anonymizer]
    package let defaultName: String

    /// `anonymizers` by name, `defaultName` among them.
    package init(_ anonymizers: [String: Anonymizer], defaultName: String) {
        precondition(anonymizers[defaultName] != nil, "the default policy is one of the policies served")
        byName = anonymizers
        self.defaultName = defaultName
    }

    /// One policy.
    package init(_ anonymizer: Anonymizer) {
        self.init([anonymizer.engine.policy.name: anonymizer], defaultName: anonymizer.engine.policy.name)
    }

    /// The anonymizer of the policy `request` names (`?policy=`), or of the default one; 400 for a
    /// name the server does not serve.
    func anonymizer(for request: Request) throws(APIError) -> Anonymizer {
        guard let name = request.uri.queryParameters.get("policy") else { return byName[defaultName]! }
        guard let anonymizer = byName[name] else {
            throw .badRequest("this server has no policy named \"\(name)\"; it serves \(byName.keys.sorted().joined(separator: ", "))")
        }
        return anonymizer
    }
}
