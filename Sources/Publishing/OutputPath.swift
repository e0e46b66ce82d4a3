/// A path relative to the published tree, checked so that no value can name a file outside it.
///
/// Components are separated by `/`; a path is refused when it is empty, absolute, has an empty, `.` or `..`
/// component, a component longer than 255 bytes, a backslash, or a NUL or other control byte.
public struct OutputPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path as given, e.g. `vip/p/greek-tea/index.html`.
    public let string: String

    /// nil for "", absolute paths, "." or ".." components, empty components, NUL/control bytes, backslashes.
    public init?(_ relative: String) {
        var string = relative
        let valid = string.withUTF8 { OutputPath.isValid($0) }
        guard valid else { return nil }
        self.string = string
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 4096 else { return false }
        var componentStart = 0
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "/")
            switch byte {
            case UInt8(ascii: "/"):
                let length = index - componentStart
                if length == 0 || length > 255 { return false }
                if bytes[componentStart] == UInt8(ascii: ".")
                    && (length == 1 || (length == 2 && bytes[componentStart + 1] == UInt8(ascii: ".")))
                {
                    return false
                }
                componentStart = index + 1
            case 0..<0x20, 0x7F, UInt8(ascii: "\\"):
                return false
            default:
                continue
            }
        }
        return true
    }

    /// The folder holding this path's file, or nil for a file at the top of the tree.
    var parent: Substring? {
        guard let slash = string.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return string[..<slash]
    }

    public var description: String { string }

    /// Byte order, so that sorted manifests are the same on every machine.
    public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool {
        // Sorting a manifest compares every path about log2(n) times: compare the bytes in place.
        let inPlace = lhs.string.utf8.withContiguousStorageIfAvailable { left in
            rhs.string.utf8.withContiguousStorageIfAvailable { right in
                let common = min(left.count, right.count)
                var index = 0
                while index < common {
                    if left[index] != right[index] { return left[index] < right[index] }
                    index += 1
                }
                return left.count < right.count
            }
        }
        if let ordered = inPlace ?? nil { return ordered }
        return lhs.string.utf8.lexicographicallyPrecedes(rhs.string.utf8)
    }
}
