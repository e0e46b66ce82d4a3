/// Ids of products, customers, segments, coupons and campaigns: they end up in paths and tokens, so they are
/// restricted to ASCII letters, digits, `-`, `_` and `.`, at most 64 bytes.
enum Identifier {
    static func problem(_ id: String) -> String? {
        if id.utf8.count > 64 { return "is longer than 64 characters" }
        var id = id
        // Over the String's own bytes (iterating `utf8` is several times slower, for every row of every file).
        let allowed = id.withUTF8 {
            $0.allSatisfy {
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                    || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                    || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            }
        }
        guard allowed else { return "may contain only letters, digits, '-', '_' and '.'" }
        // Ids name folders and files of the site: "." and ".." would be the folder itself or its parent.
        return id == "." || id == ".." ? "may not be \".\" or \"..\" (ids name folders of the site)" : nil
    }
}
