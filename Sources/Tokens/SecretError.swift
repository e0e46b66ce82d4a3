/// Why the store's secret cannot be had. Messages name the variable or the file, never the secret.
public enum SecretError: Error, Equatable, CustomStringConvertible {
    /// `store.json` has no `secret` (neither `env` nor `file`).
    case notConfigured
    /// The variable `store.json` names is unset or empty, and no key file is configured.
    case environmentVariableUnset(String)
    /// The key file cannot be read; `reason` is the system's.
    case fileUnreadable(path: String, reason: String)
    /// Group or others may read the key file.
    case fileTooOpen(path: String)
    /// The secret has fewer than `SecretKey.minimumLength` characters; `source` is the variable or the path.
    case tooShort(source: String)
    /// `vitrine init` could not write a new key file.
    case cannotCreateKeyFile(path: String, reason: String)

    /// How to make a secret, said in every message that lacks one.
    static let howToCreate =
        "head -c 32 /dev/urandom | basenc --base64url | tr -d '=' (or run vitrine init, which writes a key file)"

    public var description: String {
        switch self {
        case .notConfigured:
            "secret not configured: store.json needs \"secret\": {\"env\": \"VITRINE_SECRET\"} or {\"file\": PATH}; "
                + "create one with: \(Self.howToCreate)"
        case .environmentVariableUnset(let name):
            "secret not set: export \(name)=… with at least \(SecretKey.minimumLength) random characters; "
                + "create one with: \(Self.howToCreate)"
        case .fileUnreadable(let path, let reason):
            "cannot read the secret key file \(path): \(reason); create one with: \(Self.howToCreate) > \(path)"
        case .fileTooOpen(let path):
            "the secret key file \(path) may be read by other users; run: chmod 600 \(path)"
        case .tooShort(let source):
            "the secret in \(source) is too short: it needs at least \(SecretKey.minimumLength) characters; "
                + "create one with: \(Self.howToCreate)"
        case .cannotCreateKeyFile(let path, let reason): "cannot create the secret key file \(path): \(reason)"
        }
    }
}
