import Diagnostics

/// Finds invalid UTF-8 in a file so that every bad byte is reported with its position (Unicode §3.9,
/// table 3-7: well-formed byte sequences; overlongs and surrogates are invalid).
public enum UTF8Validation {
    /// Byte offsets of the first byte of each invalid sequence (at most `limit`).
    public static func invalidOffsets(in bytes: [UInt8], limit: Int = 20) -> [Int] {
        invalidSequences(in: bytes, limit: limit).offsets
    }

    /// Byte offsets of the first byte of each invalid sequence (at most `limit`), and how many there are in all.
    public static func invalidSequences(in bytes: [UInt8], limit: Int = 20) -> (offsets: [Int], total: Int) {
        var found: [Int] = []
        var total = 0
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                // ASCII fast path: eight bytes at a time.
                while index + 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    index += 8
                }
                guard index < count else { break }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                // Greek, Cyrillic, Arabic and Persian letters are two-byte sequences: checked here, not in a call.
                if lead >= 0xC2, lead <= 0xDF, index + 1 < count, buffer[index + 1] & 0xC0 == 0x80 {
                    index += 2
                    continue
                }
                let length = sequenceLength(buffer, at: index)
                if length == 0 {
                    if found.count < limit { found.append(index) }
                    total += 1
                    index += 1
                } else {
                    index += length
                }
            }
        }
        return (found, total)
    }

    /// The length of the valid sequence starting at `index`, or 0 when it is invalid.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let count = bytes.count
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && bytes[index + offset] >= low && bytes[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    /// Reports each invalid sequence of `source` as an error.
    /// Reports each invalid sequence of `source` as an error, the first 20 of them; the last says how many more.
    public static func check(_ source: SourceText, diagnostics: inout DiagnosticEngine) {
        let (offsets, total) = invalidSequences(in: source.bytes)
        for (index, offset) in offsets.enumerated() {
            let more = total - offsets.count
            let notes: [Diagnostic.Note] =
                index == offsets.count - 1 && more > 0
                ? [.init("\(more) more invalid UTF-8 byte\(more == 1 ? "" : "s") in \(source.path) not shown")] : []
            diagnostics.error(
                "invalid UTF-8 byte 0x\(String(source.bytes[offset], radix: 16, uppercase: true))",
                at: source.location(atOffset: offset), notes: notes)
        }
    }
}
