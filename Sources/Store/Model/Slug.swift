import Foundation

/// URL path components made from names: lowercase ASCII letters and digits joined by single hyphens. Greek
/// is transliterated (ELOT 743, simplified) so Greek-only names still give readable paths; other scripts
/// fall back to the caller's id.
public enum Slug {
    public static func make(from name: String) -> String {
        var output: [UInt8] = []
        var pendingHyphen = false
        func emit(_ text: String) {
            if pendingHyphen, !output.isEmpty { output.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            output.append(contentsOf: text.utf8)
        }
        for scalar in name.lowercased().decomposedLetters {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: emit(String(scalar))
            // An apostrophe joins its word: "grandma's" gives "grandmas", not "grandma-s".
            case 0x27, 0x2019: continue
            default:
                if let latin = greek[scalar] { emit(latin) } else { pendingHyphen = true }
            }
        }
        return String(decoding: output.prefix(80), as: UTF8.self).trimmingHyphens
    }

    /// The slug of a name, or of the id when the name has no letters a slug can keep (Persian, say).
    public static func derive(name: String, id: String) -> String {
        let fromName = make(from: name)
        return fromName.isEmpty ? make(from: id) : fromName
    }

    /// Whether `text` is already a valid slug (what a user may write in the `slug` column).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 120
            && text.utf8.allSatisfy {
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                    || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            } && text.first != "." && text.first != "-"
    }

    private static let greek: [Unicode.Scalar: String] = [
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
        "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
        "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
    ]
}

extension String {
    /// Letters with accents removed (é → e, ά → α): canonical decomposition without the combining marks.
    fileprivate var decomposedLetters: [Unicode.Scalar] {
        decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) }
    }

    fileprivate var trimmingHyphens: String {
        var text = Substring(self)
        while text.hasPrefix("-") { text = text.dropFirst() }
        while text.hasSuffix("-") { text = text.dropLast() }
        return String(text)
    }
}
