/// One access-log request as byte views into the log's buffer: what ingestion reads of a line.
///
/// The workflow fills it from the access-log parser's record; the views stay valid for the call to
/// `EventAggregator.add(_:)` only, which keeps nothing of them: the address is read as its anonymised prefix and
/// not stored.
public struct RequestView {
    /// `$remote_addr`: an IPv4 or IPv6 address as text.
    public var address: UnsafeBufferPointer<UInt8>
    /// The request's time, Unix seconds (UTC).
    public var time: Int64
    /// `GET`, `HEAD`, `POST`…
    public var method: UnsafeBufferPointer<UInt8>
    /// The request target as logged: path, then `?` and the query.
    public var target: UnsafeBufferPointer<UInt8>
    /// The response status.
    public var status: Int
    /// `$http_user_agent`, `-` when absent.
    public var userAgent: UnsafeBufferPointer<UInt8>

    public init(
        address: UnsafeBufferPointer<UInt8>, time: Int64, method: UnsafeBufferPointer<UInt8>,
        target: UnsafeBufferPointer<UInt8>, status: Int, userAgent: UnsafeBufferPointer<UInt8>
    ) {
        self.address = address
        self.time = time
        self.method = method
        self.target = target
        self.status = status
        self.userAgent = userAgent
    }
}
