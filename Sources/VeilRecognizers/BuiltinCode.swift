import Foundation
package import VeilCore

extension PluginCode {
    /// The recognizers, validators and pseudonym generators shipped with Veil, which the built-in
    /// plugins' manifests name. Every validator's and generator's own examples are checked by the
    /// test suite over this value.
    package static let builtin = PluginCode(
        recognizers: [
            "gazetteer": GazetteerRecognizer.factory,
            "person-zh": ChineseNameRecognizer.factory,
            "person-pinyin": PinyinNameRecognizer.factory,
            "person-en": EnglishNameRecognizer.factory
        ],
        // Kept as binary images between runs (RecognizerImages): building them is most of start-up.
        imageTypes: [
            "gazetteer": GazetteerRecognizer.self, "person-zh": ChineseNameRecognizer.self, "person-en": EnglishNameRecognizer.self,
            "person-pinyin": PinyinNameRecognizer.self
        ],
        validators: [
            CNMobileValidator(), CNLandlineValidator(), CNServiceNumberValidator(), CNResidentIDValidator(), CNPassportValidator(),
            HKIDValidator(), TWIDValidator(), BankCardValidator(), IBANValidator(), USSSNValidator(), UKNINOValidator(), UKNHSValidator(),
            USITINValidator(), ABARoutingValidator(), DEAValidator(), BitcoinAddressValidator(), LuhnValidator(), SpokenDigitsValidator(),
            IPv4Validator(), IPv6Validator(), E164Validator(), PhoneDigitsValidator(), PhoneNationalValidator(), ObfuscatedEmailValidator()
        ],
        surrogates: [
            PhoneCNSurrogate(), PhoneIntlSurrogate(), QQSurrogate(), ShapeSurrogate(), EmailSurrogate(), URLSurrogate(), IPSurrogate(),
            ResidentIDSurrogate(), BankCardSurrogate(), PlateSurrogate(), HKIDSurrogate(), TWIDSurrogate(), AddressSurrogate(),
            LocalPlaceSurrogate()
        ],
        // Built for one policy from the plugin's data and the policy's rules.
        surrogateFactories: ["phone-cn": PhoneCNSurrogate.make],
        // The name recognizers' statistics make their pseudonyms.
        recognizerSurrogates: ["person-zh", "person-pinyin", "person-en"],
        // For a person found by a plugin with no name generator (a process plugin).
        personNames: PersonNameFallbacks(han: ["person-zh"], latin: ["person-en", "person-pinyin"]))
}

extension PluginCatalog {
    /// The built-in plugins with the code they name, plus `extraDirectories` and the folders in
    /// `VEIL_PLUGIN_PATH`.
    package static func standard(
        extraDirectories: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> PluginCatalog {
        try standard(extraDirectories: extraDirectories, environment: environment, code: .builtin)
    }
}
