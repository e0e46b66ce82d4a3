/// UTF-8 validation (RFC 3629 §4) where it is cheap: eight bytes at a time for the all-ASCII case that nginx's
/// escaping makes the rule, the full state machine only from the first byte ≥ 0x80.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { return validate(base, from: index, count: count) }
            index += 8
        }
        while index < count {
            if base[index] >= 0x80 { return validate(base, from: index, count: count) }
            index += 1
        }
        return true
    }

    // RFC 3629 §4: UTF8-2 = %xC2-DF UTF8-tail; UTF8-3 = %xE0 %xA0-BF UTF8-tail / %xE1-EC 2( UTF8-tail ) /
    // %xED %x80-9F UTF8-tail / %xEE-EF 2( UTF8-tail ); UTF8-4 = %xF0 %x90-BF 2( UTF8-tail ) /
    // %xF1-F3 3( UTF8-tail ) / %xF4 %x80-8F 2( UTF8-tail ).
    private static func validate(_ p: UnsafePointer<UInt8>, from start: Int, count: Int) -> Bool {
        var index = start
        while index < count {
            let lead = p[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = p[index + 1]
            guard second >= low && second <= high else { return false }
            for offset in 2..<length where p[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
