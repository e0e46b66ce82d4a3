import Diagnostics
import TextFormats

/// A CSV file read through its header row: columns by name, typed field access that reports every bad value
/// at its exact position and keeps going.
struct CSVTable {
    /// What a field held, so a caller can tell "left empty" from "written wrong" (already reported).
    enum Parsed<Value> {
        case absent
        case value(Value)
        case invalid

        var value: Value? {
            if case .value(let value) = self { return value }
            return nil
        }
    }

    private(set) var reader: CSVReader
    private(set) var record = CSVRecord()
    private(set) var header: [String] = []
    private var columnIndex: [String: Int] = [:]
    private var headerLine = 1

    var source: SourceText { reader.source }
    var path: String { reader.source.path }

    /// Reads the header. `required` columns must be present; a column that is neither `known` nor accepted by
    /// `isExtraColumn` gets a warning (it is ignored).
    init?(
        source: SourceText, required: [String], known: [String], isExtraColumn: (String) -> Bool = { _ in false },
        diagnostics: inout DiagnosticEngine
    ) {
        reader = CSVReader(source: source)
        guard reader.next(into: &record, diagnostics: &diagnostics) else {
            diagnostics.error("the file is empty; expected a header row", at: source.location(atOffset: 0))
            return nil
        }
        headerLine = source.location(atOffset: record.startOffset).line
        for (index, field) in record.fields.enumerated() {
            let name = reader.string(field).trimmingSpaces
            header.append(name)
            if let first = columnIndex[name] {
                diagnostics.error(
                    "duplicate column \"\(name)\"", at: reader.location(of: field),
                    notes: [.init("first defined here", at: reader.location(of: record.fields[first]))])
                continue
            }
            columnIndex[name] = index
            if !known.contains(name), !isExtraColumn(name) {
                diagnostics.warning(
                    "unknown column \"\(name)\" is ignored\(Spelling.didYouMean(name, among: known))",
                    at: reader.location(of: field))
            }
        }
        var missing = false
        for name in required where columnIndex[name] == nil {
            diagnostics.error(
                "required column \"\(name)\" is missing", at: source.location(atOffset: record.startOffset))
            missing = true
        }
        if missing { return nil }
    }

    /// Another system's export: only `required` is checked; every other column is read by name or passed over
    /// without a warning (exports carry dozens the store has no use for).
    init?(export source: SourceText, required: [String], diagnostics: inout DiagnosticEngine) {
        self.init(
            source: source, required: required, known: [], isExtraColumn: { _ in true }, diagnostics: &diagnostics)
    }

    func column(_ name: String) -> Int? { columnIndex[name] }

    /// Columns whose names satisfy `predicate`, e.g. the `name@el` translations.
    func columns(where predicate: (String) -> Bool) -> [(name: String, index: Int)] {
        header.enumerated().filter { predicate($0.element) && columnIndex[$0.element] == $0.offset }.map {
            ($0.element, $0.offset)
        }
    }

    /// The rest of the table as up to `parts` tables of whole rows, to be read on several cores. Every part after
    /// the first reads its own copy of the bytes (`SourceText.unshared`): each field a worker slices retains and
    /// releases the storage, and workers sharing one storage fight over its reference count.
    func split(into parts: Int) -> [CSVTable] {
        reader.split(into: parts).enumerated().map { index, piece in
            var table = self
            table.reader = index == 0 ? piece : piece.unshared()
            return table
        }
    }

    /// Advances to the next data row, skipping blank lines; reports rows whose field count differs from the header's.
    mutating func nextRow(diagnostics: inout DiagnosticEngine) -> Bool {
        while reader.next(into: &record, diagnostics: &diagnostics) {
            if record.count == 1, record[0].isEmpty, !record[0].isQuoted { continue }
            if record.count != header.count {
                diagnostics.error(
                    "expected \(header.count) fields as in the header, found \(record.count)",
                    at: source.location(atOffset: record.startOffset))
                if record.count < header.count { continue }
            }
            return true
        }
        return false
    }

    /// The location of the current row's start.
    var rowLocation: SourceLocation { source.location(atOffset: record.startOffset) }

    func field(_ column: Int?) -> CSVField? {
        guard let column, column < record.count else { return nil }
        return record[column]
    }

    /// The byte offset where a field starts (its opening quote when quoted); the row's start when absent.
    func offset(_ column: Int?) -> Int {
        guard let field = field(column) else { return record.startOffset }
        return field.isQuoted ? field.start - 1 : field.start
    }

    /// Where a field starts (its opening quote when quoted), or `offset` bytes into its content.
    func location(_ column: Int?, plus offset: Int? = nil) -> SourceLocation {
        guard let field = field(column) else { return rowLocation }
        if let offset { return source.location(atOffset: field.start + offset) }
        return reader.location(of: field)
    }

    /// The field's text trimmed of spaces; "" when absent. Trimming happens on the bytes, before a String exists.
    func string(_ column: Int?) -> String {
        guard let field = field(column), !field.isEmpty else { return "" }
        if field.hasDoubledQuotes { return reader.string(field).trimmingSpaces }
        let bytes = bytes(column)
        return bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
    }

    func optionalString(_ column: Int?) -> String? {
        let text = string(column)
        return text.isEmpty ? nil : text
    }

    /// A field that must not be empty.
    func requiredString(_ column: Int?, _ name: String, diagnostics: inout DiagnosticEngine) -> String? {
        let text = string(column)
        if text.isEmpty { diagnostics.error("missing \(name)", at: location(column)) }
        return text.isEmpty ? nil : text
    }

    /// The field's bytes without leading and trailing spaces, tabs and no-break spaces (C2 A0).
    func bytes(_ column: Int?) -> ArraySlice<UInt8> {
        guard let field = field(column) else { return [] }
        // Trimming looks at the ends only; the common field has no spaces and costs two comparisons.
        var start = field.start
        var end = field.end
        while start < end {
            let byte = reader.source.bytes[start]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                start += 1
            } else if byte == 0xC2, start + 1 < end, reader.source.bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let byte = reader.source.bytes[end - 1]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                end -= 1
            } else if byte == 0xA0, end - 1 > start, reader.source.bytes[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return reader.source.bytes[start..<end]
    }

    /// A decimal amount of money in minor units (two decimals).
    func money(_ column: Int?, _ name: String, diagnostics: inout DiagnosticEngine) -> Parsed<Money> {
        let text = bytes(column)
        if text.isEmpty { return .absent }
        switch DecimalParser.parse(text, scale: 2) {
        case .success(let units):
            if units < 0 {
                diagnostics.error("\(name) must not be negative", at: location(column))
                return .invalid
            }
            return .value(Money(minorUnits: units))
        case .failure(let failure):
            diagnostics.error(
                "invalid \(name) \"\(String(decoding: text, as: UTF8.self))\": \(failure)", at: location(column))
            return .invalid
        }
    }

    /// A whole number within `range`.
    func integer(
        _ column: Int?, _ name: String, in range: ClosedRange<Int64>, diagnostics: inout DiagnosticEngine
    ) -> Parsed<Int64> {
        let text = bytes(column)
        if text.isEmpty { return .absent }
        switch DecimalParser.parseInteger(text) {
        case .success(let value) where range.contains(value): return .value(value)
        case .success:
            diagnostics.error(
                "\(name) \(String(decoding: text, as: UTF8.self)) is out of range (\(range.lowerBound)…\(range.upperBound))",
                at: location(column))
        case .failure:
            diagnostics.error(
                "invalid \(name) \"\(String(decoding: text, as: UTF8.self))\": expected a whole number",
                at: location(column))
        }
        return .invalid
    }

    func date(_ column: Int?, _ name: String, diagnostics: inout DiagnosticEngine) -> Parsed<Timestamp> {
        let text = bytes(column)
        if text.isEmpty { return .absent }
        switch ISO8601.parse(text) {
        case .success(let timestamp): return .value(timestamp)
        case .failure(let failure):
            diagnostics.error(
                "invalid \(name) \"\(String(decoding: text, as: UTF8.self))\": \(failure)", at: location(column))
            return .invalid
        }
    }

    /// `true`/`false`, `yes`/`no`, `1`/`0` (any case).
    func bool(_ column: Int?, _ name: String, diagnostics: inout DiagnosticEngine) -> Parsed<Bool> {
        let bytes = bytes(column)
        if bytes.isEmpty { return .absent }
        // ASCII case folding on the bytes: no String per field.
        func matches(_ word: StaticString) -> Bool {
            guard bytes.count == word.utf8CodeUnitCount else { return false }
            return word.withUTF8Buffer { expected in
                zip(bytes, expected).allSatisfy { ($0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0) == $1 }
            }
        }
        if matches("true") || matches("yes") || matches("1") || matches("y") { return .value(true) }
        if matches("false") || matches("no") || matches("0") || matches("n") { return .value(false) }
        do {
            let text = String(decoding: bytes, as: UTF8.self)
            diagnostics.error("invalid \(name) \"\(text)\": expected true or false", at: location(column))
            return .invalid
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and no-break spaces (spreadsheets add them).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
