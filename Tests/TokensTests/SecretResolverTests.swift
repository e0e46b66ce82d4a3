import Crypto
import Foundation
import Store
import Testing
import Tokens

@Suite struct SecretResolverTests {
    static let value = "0123456789abcdefghijklmnopqrstuvwxyz"

    @Test func environmentVariable() throws {
        let source = StoreSettings.SecretSource(environmentVariable: "VITRINE_SECRET")
        let key = try SecretResolver.resolve(source, storeFolder: "/none", environment: ["VITRINE_SECRET": Self.value])
        #expect(Self.same(key, Self.value))
        #expect(!"\(key)".contains("0123"), "a key never prints itself")
    }

    @Test func unsetVariableSaysHowToMakeOne() {
        let source = StoreSettings.SecretSource(environmentVariable: "VITRINE_SECRET")
        for environment in [[:], ["VITRINE_SECRET": ""]] {
            #expect(throws: SecretError.environmentVariableUnset("VITRINE_SECRET")) {
                try SecretResolver.resolve(source, storeFolder: "/none", environment: environment)
            }
        }
        let message = "\(SecretError.environmentVariableUnset("VITRINE_SECRET"))"
        #expect(message.hasPrefix("secret not set: export VITRINE_SECRET=… with at least 32 random characters"))
        #expect(message.contains("head -c 32 /dev/urandom | basenc --base64url"))
        #expect(throws: SecretError.notConfigured) {
            try SecretResolver.resolve(.init(), storeFolder: "/none", environment: [:])
        }
    }

    @Test func tooShort() {
        let source = StoreSettings.SecretSource(environmentVariable: "S")
        #expect(throws: SecretError.tooShort(source: "$S")) {
            try SecretResolver.resolve(source, storeFolder: "/none", environment: ["S": "short  \n"])
        }
        #expect(SecretKey(text: String(repeating: "x", count: 31) + "\n") == nil)
        #expect(SecretKey(text: String(repeating: "x", count: 32)) != nil)
    }

    /// The variable wins over the file; without it the file (relative to the store folder, or `~/…`) is read.
    @Test func keyFile() throws {
        let folder = try Self.temporaryFolder()
        try KeyFile.create(at: "\(folder)/.vitrine-secret")
        let text = try String(contentsOfFile: "\(folder)/.vitrine-secret", encoding: .utf8)
        #expect(text.utf8.count == 44 && text.hasSuffix("\n"))
        #expect(Base64URL.decode(text.dropLast())?.count == 32)
        var status = stat()
        #expect(stat("\(folder)/.vitrine-secret", &status) == 0 && status.st_mode & 0o777 == 0o600)

        let source = StoreSettings.SecretSource(environmentVariable: "VITRINE_SECRET", file: ".vitrine-secret")
        let fromFile = try SecretResolver.resolve(source, storeFolder: folder, environment: [:])
        #expect(Self.same(fromFile, String(text.dropLast())))
        let fromHome = try SecretResolver.resolve(
            .init(file: "~/.vitrine-secret"), storeFolder: "/none", environment: ["HOME": folder])
        #expect(Self.same(fromHome, String(text.dropLast())))
        let fromVariable = try SecretResolver.resolve(
            source, storeFolder: folder, environment: ["VITRINE_SECRET": Self.value])
        #expect(Self.same(fromVariable, Self.value))

        #expect(throws: SecretError.self) { try KeyFile.create(at: "\(folder)/.vitrine-secret") }
        try KeyFile.create(at: "\(folder)/second")
        #expect(try String(contentsOfFile: "\(folder)/second", encoding: .utf8) != text, "a new key is random")
    }

    @Test func keyFileFailures() throws {
        let folder = try Self.temporaryFolder()
        #expect(throws: SecretError.fileUnreadable(path: "\(folder)/missing", reason: "No such file or directory")) {
            try SecretResolver.resolve(.init(file: "missing"), storeFolder: folder, environment: [:])
        }
        try Self.value.write(toFile: "\(folder)/open", atomically: false, encoding: .utf8)
        chmod("\(folder)/open", 0o644)
        #expect(throws: SecretError.fileTooOpen(path: "\(folder)/open")) {
            try SecretResolver.resolve(.init(file: "\(folder)/open"), storeFolder: "/none", environment: [:])
        }
        try "tiny\n".write(toFile: "\(folder)/tiny", atomically: false, encoding: .utf8)
        chmod("\(folder)/tiny", 0o600)
        #expect(throws: SecretError.tooShort(source: "\(folder)/tiny")) {
            try SecretResolver.resolve(.init(file: "\(folder)/tiny"), storeFolder: "/none", environment: [:])
        }
    }

    /// Two keys are the same secret when they derive the same token.
    static func same(_ key: SecretKey, _ text: String) -> Bool {
        let a = CapabilityTokens(secret: key, storeIdentity: "s").token(for: .gift(customer: "c"))
        let b = CapabilityTokens(secret: SecretKey(text: text)!, storeIdentity: "s").token(for: .gift(customer: "c"))
        return a == b
    }

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "vitrine-tokens-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
