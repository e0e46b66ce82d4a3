/// A JSON value that remembers where it was written: every node carries the byte offset of its first byte,
/// so loaders can point at the exact key or value that is wrong.
public struct JSONNode: Sendable {
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number's text as written, so money and ids are never rounded through Double.
        case number(String)
        case string(String)
        case array([JSONNode])
        /// Members in source order (duplicates are reported by the parser).
        case object([Member])
    }

    public struct Member: Sendable {
        public var key: String
        public var keyOffset: Int
        public var value: JSONNode
    }

    public var value: Value
    /// Offset of the value's first byte (the opening quote of a string).
    public var offset: Int

    /// The member named `key` of an object.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// `object`, `array`, `string`… for "expected X, found Y" messages.
    public var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
