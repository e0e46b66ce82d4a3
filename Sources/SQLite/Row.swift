/// The current row of a statement, valid only inside the `rows`/`firstRow` closure it is passed to.
public struct Row {
    let statement: Statement

    public func isNull(_ column: Int32) -> Bool { statement.isNull(column) }
    public func int64(_ column: Int32) -> Int64 { statement.int64(column) }
    public func int(_ column: Int32) -> Int { Int(statement.int64(column)) }
    public func double(_ column: Int32) -> Double { statement.double(column) }
    public func text(_ column: Int32) -> String { statement.text(column) }
    public func blob(_ column: Int32) -> [UInt8] { statement.blob(column) }
    /// The column, nil when NULL.
    public func optionalInt64(_ column: Int32) -> Int64? { statement.isNull(column) ? nil : statement.int64(column) }
    public func optionalText(_ column: Int32) -> String? { statement.isNull(column) ? nil : statement.text(column) }
}
