import CSQLite

/// One compiled statement, owning its `sqlite3_stmt*`. Parameters are numbered from 1 and columns from 0, as in
/// SQLite's C API.
///
/// Text and blobs are bound with `SQLITE_TRANSIENT`: SQLite copies them at bind time, so the Swift value need not
/// outlive the call. (Binding with `SQLITE_STATIC` would save the copy but would require the bytes to stay valid
/// until the next step or reset, which a Swift `String` passed by value cannot promise.)
public final class Statement {
    let connection: Connection
    let handle: OpaquePointer
    /// The statement text, with placeholders.
    public let sql: String

    init(connection: Connection, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let status = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard status == SQLITE_OK else { throw connection.error(status, sql: sql, duringStep: false) }
        guard let handle else {
            throw SQLiteError(
                reason: .prepare, code: SQLITE_ERROR, message: "no statement in the SQL text", sql: sql,
                path: connection.path)
        }
        self.connection = connection
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    private func check(_ status: Int32) throws(SQLiteError) {
        guard status == SQLITE_OK else { throw connection.error(status, sql: sql, duringStep: false) }
    }

    // MARK: Binding by index

    public func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    public func bind(_ value: Int, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    public func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_double(handle, index, value))
    }

    public func bind(_ value: String, at index: Int32) throws(SQLiteError) {
        var value = value
        let status = value.withUTF8 { bytes in
            // An empty string may have no base address, and a nil pointer would bind NULL: bind "" from a C literal.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text64(handle, index, "", 0, csqlite_transient(), UInt8(SQLITE_UTF8))
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text64(
                    handle, index, $0, sqlite3_uint64(bytes.count), csqlite_transient(), UInt8(SQLITE_UTF8))
            }
        }
        try check(status)
    }

    public func bind(_ value: [UInt8], at index: Int32) throws(SQLiteError) {
        let status = value.withUnsafeBytes { bytes in
            // An empty blob has no base address, and a nil pointer would bind NULL: bind a zero-length blob instead.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return sqlite3_bind_blob64(handle, index, base, sqlite3_uint64(bytes.count), csqlite_transient())
        }
        try check(status)
    }

    public func bindNull(at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(handle, index))
    }

    public func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        switch value {
        case .integer(let integer): try bind(integer, at: index)
        case .real(let real): try bind(real, at: index)
        case .text(let text): try bind(text, at: index)
        case .blob(let blob): try bind(blob, at: index)
        case .null: try bindNull(at: index)
        }
    }

    /// Binds `values` to parameters 1, 2, …
    public func bind(_ values: SQLiteValue...) throws(SQLiteError) {
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
    }

    // MARK: Binding by name

    /// The index of a named parameter written `:name`, `@name` or `$name` (pass it with its prefix).
    public func parameterIndex(_ name: String) throws(SQLiteError) -> Int32 {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else {
            throw SQLiteError(
                reason: .misuse, code: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql,
                path: connection.path)
        }
        return index
    }

    public func bind(_ value: SQLiteValue, named name: String) throws(SQLiteError) {
        try bind(value, at: parameterIndex(name))
    }

    // MARK: Running

    /// Runs the statement to its next row: true when a row is available, false when it is done.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            // Resetting releases the statement's locks so that the transaction can be rolled back cleanly.
            sqlite3_reset(handle)
            throw connection.error(status, sql: sql, duringStep: true)
        }
    }

    /// Runs the statement to its end, ignoring rows (for INSERT, UPDATE, DELETE), then resets it.
    public func run() throws(SQLiteError) {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Rewinds the statement to run again; bindings are kept.
    public func reset() { sqlite3_reset(handle) }

    /// Sets every parameter back to NULL.
    public func clearBindings() { sqlite3_clear_bindings(handle) }

    /// Every remaining row, decoded by `decode`; the statement is reset afterwards (bindings kept).
    public func rows<T>(_ decode: (Row) -> T) throws(SQLiteError) -> [T] {
        defer { sqlite3_reset(handle) }
        var result: [T] = []
        let row = Row(statement: self)
        while try step() { result.append(decode(row)) }
        return result
    }

    /// The first row decoded by `decode`, or nil when there is none; the statement is reset afterwards.
    public func firstRow<T>(_ decode: (Row) -> T) throws(SQLiteError) -> T? {
        defer { sqlite3_reset(handle) }
        return try step() ? decode(Row(statement: self)) : nil
    }

    // MARK: Columns of the current row

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// The column as UTF-8 text (NUL bytes included); "" for NULL.
    public func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column's bytes; [] for NULL or an empty blob.
    public func blob(_ column: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
