import Synchronization

/// A recognizer's generator (``SurrogateProvidingRecognizer``), made the first time it is asked
/// for anything but its id: a scan never asks, and the name generators' draw tables (sorted
/// surnames, weighted pools) were a twentieth of every start-up.
struct LazySurrogate: SurrogateGenerator {
    let id: String
    private let made: Made

    init(_ provider: any SurrogateProvidingRecognizer) {
        id = provider.surrogateID
        made = Made(provider)
    }

    /// The generator, made once under a lock by whichever thread asks first.
    private final class Made: Sendable {
        private let provider: any SurrogateProvidingRecognizer
        private let generator = Mutex<(any SurrogateGenerator)?>(nil)

        init(_ provider: any SurrogateProvidingRecognizer) { self.provider = provider }

        var value: any SurrogateGenerator {
            generator.withLock { generator in
                if let generator { return generator }
                let made = provider.makeSurrogate()
                generator = made
                return made
            }
        }
    }

    /// The generator itself, made now if it was not yet.
    var generator: any SurrogateGenerator { made.value }

    var keepableFacets: Set<String> { made.value.keepableFacets }
    var examples: [String] { made.value.examples }
    var validatorID: String? { made.value.validatorID }

    func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        made.value.surrogate(for: canonical, keeping: keeping, random: &random)
    }

    func render(_ surrogate: String, canonical: String, mention: String) -> String {
        made.value.render(surrogate, canonical: canonical, mention: mention)
    }

    func embeddedValue(in canonical: String) -> EmbeddedValue? { made.value.embeddedValue(in: canonical) }
}
