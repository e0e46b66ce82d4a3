import Foundation

/// The right to ingest into one state file: an `flock(2)` on a file beside it, held until `release()` or the
/// process's end (the kernel drops it even on SIGKILL, so a killed run leaves no stale lock). A second run waits for
/// the first rather than failing: a cron job overlapping a manual run should simply go after it.
final class IngestLock {
    struct Failure: Error, Equatable, CustomStringConvertible {
        enum Reason: Equatable {
            /// `open(2)` or `flock(2)` failed with this errno.
            case lockFile(Int32)
        }
        var reason: Reason
        var path: String

        var description: String {
            switch reason {
            case .lockFile(let code): "cannot lock \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    private var descriptor: Int32

    /// Takes the lock; `waiting` is called once when another process holds it, before blocking until it is free.
    init(path: String, waiting: (() -> Void)? = nil) throws(Failure) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(reason: .lockFile(errno), path: path) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        guard errno == EWOULDBLOCK else {
            let code = errno
            close(descriptor)
            throw Failure(reason: .lockFile(code), path: path)
        }
        waiting?()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(descriptor)
                throw Failure(reason: .lockFile(code), path: path)
            }
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
