import Diagnostics
import TextFormats

/// `store.json`.
enum StoreSettingsLoader {
    static let keys = [
        "name", "base_url", "currency", "default_locale", "locales", "vat_percent", "sender", "reply_to",
        "postal_address", "theme", "secret", "privacy",
    ]

    static func load(_ source: SourceText, diagnostics: inout DiagnosticEngine) -> StoreSettings? {
        guard let root = JSONParser.parse(source, diagnostics: &diagnostics),
            let object = JSONObject(root, source: source, what: "the store settings", diagnostics: &diagnostics)
        else { return nil }
        object.warnAboutUnknownKeys(known: keys, in: "store.json", diagnostics: &diagnostics)
        let errorsBefore = diagnostics.errorCount
        let name = object.string("name", required: true, diagnostics: &diagnostics) ?? ""
        object.checkNoControlCharacters("name", "the store's name", diagnostics: &diagnostics)
        let baseURL = object.string("base_url", required: true, diagnostics: &diagnostics) ?? ""
        if !baseURL.isEmpty, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.contains(" ") {
            diagnostics.error("\"base_url\" must be an absolute http(s) URL", at: object.location(of: "base_url"))
        }
        let currency = object.string("currency", required: true, diagnostics: &diagnostics) ?? ""
        if !currency.isEmpty, !CurrencyCode.isKnown(currency) {
            diagnostics.error(
                "unknown currency \"\(currency)\" (expected an ISO 4217 code such as EUR)\(Spelling.didYouMean(currency, among: CurrencyCode.codes.sorted()))",
                at: object.location(of: "currency"))
        }
        let defaultLocale = object.string("default_locale", required: true, diagnostics: &diagnostics) ?? "en"
        var locales = object.strings("locales", diagnostics: &diagnostics)
        for locale in locales where !isLocaleTag(locale.text) {
            diagnostics.error(
                "invalid locale \"\(locale.text)\" (expected a language code such as en or el)", at: locale.location)
        }
        if locales.isEmpty { locales = [(defaultLocale, object.location(of: "default_locale"))] }
        if !locales.contains(where: { $0.text == defaultLocale }) {
            diagnostics.error(
                "\"default_locale\" \"\(defaultLocale)\" is not in \"locales\"",
                at: object.location(of: "default_locale"))
        }
        let vat = object.decimal("vat_percent", scale: 2, diagnostics: &diagnostics) ?? 0
        if vat < 0 || vat > 100_00 {
            diagnostics.error("\"vat_percent\" must be between 0 and 100", at: object.location(of: "vat_percent"))
        }
        var sender = StoreSettings.Sender(name: name, address: "")
        if let senderObject = object.object("sender", diagnostics: &diagnostics) {
            senderObject.warnAboutUnknownKeys(known: ["name", "address"], in: "\"sender\"", diagnostics: &diagnostics)
            sender.name = senderObject.string("name", diagnostics: &diagnostics) ?? name
            senderObject.checkNoControlCharacters("name", "the \"sender\" name", diagnostics: &diagnostics)
            sender.address = senderObject.string("address", required: true, diagnostics: &diagnostics) ?? ""
            if !sender.address.isEmpty, !EmailAddress.isValid(sender.address) {
                diagnostics.error("invalid e-mail address in \"sender\"", at: senderObject.location(of: "address"))
            }
        } else if object["sender"] == nil {
            diagnostics.error("missing required key \"sender\" (the From of every e-mail)", at: object.location)
        }
        let replyTo = object.string("reply_to", diagnostics: &diagnostics)
        if let replyTo, !EmailAddress.isValid(replyTo) {
            diagnostics.error("invalid e-mail address in \"reply_to\"", at: object.location(of: "reply_to"))
        }
        let postalAddress = object.string("postal_address", required: true, diagnostics: &diagnostics) ?? ""
        let theme = object.string("theme", diagnostics: &diagnostics) ?? "default"
        var secret = StoreSettings.SecretSource()
        if let secretObject = object.object("secret", diagnostics: &diagnostics) {
            secretObject.warnAboutUnknownKeys(
                known: ["env", "file", "key_id", "retired"], in: "\"secret\"", diagnostics: &diagnostics)
            secret = Self.secretSource(secretObject, name: "secret", diagnostics: &diagnostics)
            secret.retired = Self.retiredSecrets(secretObject, current: secret.keyID, diagnostics: &diagnostics)
        }
        var privacy = StoreSettings.Privacy()
        if let privacyObject = object.object("privacy", diagnostics: &diagnostics) {
            privacyObject.warnAboutUnknownKeys(
                known: ["track_opens", "attribution_days"], in: "\"privacy\"", diagnostics: &diagnostics)
            privacy.trackOpens = privacyObject.bool("track_opens", diagnostics: &diagnostics) ?? true
            privacy.attributionDays = Int(
                privacyObject.integer("attribution_days", in: 0...365, diagnostics: &diagnostics) ?? 7)
        }
        guard diagnostics.errorCount == errorsBefore else { return nil }
        return StoreSettings(
            name: name, baseURL: baseURL, currency: currency, defaultLocale: defaultLocale,
            locales: locales.map(\.text),
            vatBasisPoints: vat, sender: sender, replyTo: replyTo, postalAddress: postalAddress, theme: theme,
            secret: secret, privacy: privacy)
    }

    /// `env`, `file` and `key_id` of `secret` or of one of its `retired` entries.
    static func secretSource(
        _ object: JSONObject, name: String, keyIDRequired: Bool = false, diagnostics: inout DiagnosticEngine
    ) -> StoreSettings.SecretSource {
        var source = StoreSettings.SecretSource()
        source.environmentVariable = object.string("env", diagnostics: &diagnostics)
        source.file = object.string("file", diagnostics: &diagnostics)
        // Outside the store folder, or the hidden key file of `vitrine init`, which the store's .gitignore lists.
        if let file = source.file, !file.hasPrefix("/"), !file.hasPrefix("~/"), !Self.isHiddenFileName(file) {
            diagnostics.error(
                "\"\(name).file\" must be an absolute path outside the store folder (the store gets published and committed) or a hidden file name listed in its .gitignore, like \".vitrine-secret\"",
                at: object.location(of: "file"))
        }
        if keyIDRequired, object["key_id"] == nil {
            diagnostics.error(
                "missing required key \"key_id\" (the tracking key id it verified under)", at: object.location)
        }
        source.keyID = Int(object.integer("key_id", in: 0...15, diagnostics: &diagnostics) ?? 0)
        return source
    }

    /// `secret.retired`: earlier secrets, each with its own `key_id`, distinct from the current one and each other.
    static func retiredSecrets(
        _ secret: JSONObject, current: Int, diagnostics: inout DiagnosticEngine
    ) -> [StoreSettings.SecretSource] {
        guard let node = secret["retired"], !secret.isNull(node) else { return [] }
        guard case .array(let elements) = node.value else {
            diagnostics.error(
                "\"retired\" must be an array of secrets, found \(node.kindName)",
                at: secret.source.location(atOffset: node.offset))
            return []
        }
        var retired: [StoreSettings.SecretSource] = []
        var seen: Set<Int> = [current]
        for element in elements {
            guard
                let object = JSONObject(
                    element, source: secret.source, what: "a retired secret", diagnostics: &diagnostics)
            else { continue }
            object.warnAboutUnknownKeys(
                known: ["env", "file", "key_id"], in: "a retired secret", diagnostics: &diagnostics)
            let source = secretSource(object, name: "retired", keyIDRequired: true, diagnostics: &diagnostics)
            if source.environmentVariable == nil, source.file == nil {
                diagnostics.error("a retired secret needs \"env\" or \"file\"", at: object.location)
            }
            if object["key_id"] != nil, !seen.insert(source.keyID).inserted {
                diagnostics.error(
                    "tracking key id \(source.keyID) is used twice (each secret needs its own \"key_id\")",
                    at: object.location(of: "key_id"))
            }
            retired.append(source)
        }
        return retired
    }

    /// `.name`: one path component, hidden, not `.` or `..`.
    static func isHiddenFileName(_ file: String) -> Bool {
        file.hasPrefix(".") && file != "." && file != ".." && !file.contains("/") && !file.contains("\0")
    }

    /// A BCP 47 language tag as vitrine uses it: `en`, `el`, `fa`, `pt-BR`.
    static func isLocaleTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }), parts.count <= 2
        else { return false }
        return parts.count == 1 || parts[1].utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
