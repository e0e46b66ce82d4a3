/// URL slugs made from English names: lowercase ASCII letters and digits, runs of anything else as one `-`.
struct SlugRegistry {
    private var taken = Set<String>()

    /// A slug for `name` not given out before (`-2`, `-3`, … appended on a clash).
    mutating func slug(for name: String) -> String {
        var bytes: [UInt8] = []
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case UInt8(ascii: "'"): continue
            default: if let last = bytes.last, last != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
            }
        }
        while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        let base = bytes.isEmpty ? "product" : String(decoding: bytes, as: UTF8.self)
        var slug = base
        var number = 2
        while !taken.insert(slug).inserted {
            slug = "\(base)-\(number)"
            number += 1
        }
        return slug
    }
}

/// EAN-13 / GTIN-13 check digit (GS1 General Specifications §7.9: weights 1 and 3 from the left).
func gtin13(_ twelveDigits: String) -> String {
    var sum = 0
    for (index, byte) in twelveDigits.utf8.enumerated() {
        sum += Int(byte - UInt8(ascii: "0")) * (index % 2 == 0 ? 1 : 3)
    }
    return twelveDigits + String((10 - sum % 10) % 10)
}
