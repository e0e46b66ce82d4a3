import Testing

@testable import MIME

/// A value that tries to break out of its header: a control (refused with the field named), or a character that is
/// not a control in MIME terms (U+2028, U+2029, bidi and zero-width characters, look-alike text), which must come
/// out encoded and harmless.
struct InjectionPayload: CustomTestStringConvertible, Sendable {
    var text: String
    var testDescription: String {
        var description = ""
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                description.unicodeScalars.append(scalar)
            } else {
                description += "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
            }
        }
        return description
    }

    /// Whether the payload holds a C0 control, DEL or a C1 control.
    var hasControl: Bool { text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
}

enum InjectionField: String, CaseIterable, Sendable {
    case subject, displayName, address, messageID, rawHeader, unstructuredHeader

    /// The field a refusal names.
    var errorField: String {
        switch self {
        case .subject: "Subject"
        case .displayName: "To display name"
        case .address: "address"
        case .messageID: "Message-ID"
        case .rawHeader: "List-Id"
        case .unstructuredHeader: "X-Campaign"
        }
    }
}

@Suite("header injection")
struct HeaderInjectionTests {
    static let controls: [UInt32] = Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
    static let texts: [String] = [
        "\r\nBcc: victim@example.com", "\nBcc: victim@example.com", "\rBcc: victim@example.com",
        "\r\n\r\n<html>injected body</html>", "\r\n To: continued", "\r\n\tfolded", "\u{0}Bcc: x@y.z",
        "\u{85}Bcc: x@y.z", "x\r\n.\r\nMAIL FROM:<a@b.c>", "\r\nContent-Type: text/html",
        // Not controls: encoded where non-ASCII is allowed, refused where only ASCII is.
        "\u{2028}Bcc: x@y.z", "\u{2029}", "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{FFFD}", "\u{A0}",
        // ASCII look-alikes: plain text, harmless.
        "%0D%0ABcc:x@y.z", "=0D=0ABcc:_x@y.z", "=?utf-8?q?=0D=0ABcc:_x@y.z?=", "\\r\\nBcc: x@y.z",
    ]
    static let payloads: [InjectionPayload] =
        controls.map { InjectionPayload(text: String(Unicode.Scalar($0)!)) } + texts.map { InjectionPayload(text: $0) }

    @Test(arguments: InjectionField.allCases, payloads)
    func refusedOrHarmless(field: InjectionField, payload: InjectionPayload) throws {
        #expect(Self.payloads.count >= 50)
        let value = "Secret" + payload.text + "Value"
        let result = Result { () throws(MIMEError) in try Self.write(field: field, value: value) }
        switch result {
        case .success(let written):
            // Written: then harmless. No control in the payload, 7-bit, CRLF only, the same header fields.
            #expect(!payload.hasControl)
            #expect(written.utf8.allSatisfy { $0 < 0x80 })
            let lines = written.replacing("\r\n", with: "")
            #expect(!lines.contains("\r") && !lines.contains("\n"))
            var names = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"]
            if field == .rawHeader { names.insert("List-Id", at: 6) }
            if field == .unstructuredHeader { names.insert("X-Campaign", at: 6) }
            #expect(Messages.fields(written).map(\.name) == names)
            switch field {
            case .subject:
                #expect(try EncodedWord.decode(Messages.field("Subject", in: written)!) == value)
            case .displayName:
                let phrase = String(Messages.field("To", in: written)!.dropLast(" <eleni@example.com>".count))
                let decoded = phrase.hasPrefix("\"") ? Self.unquote(phrase) : try EncodedWord.decode(phrase)
                #expect(decoded == value)
            case .unstructuredHeader:
                #expect(try EncodedWord.decode(Messages.field("X-Campaign", in: written)!) == value)
            case .address, .messageID, .rawHeader:
                #expect(written.contains(value))
            }
        case .failure(let error):
            #expect(error.field == field.errorField)
            if payload.hasControl {
                #expect(error.reason == .controlCharacter)
            } else {
                // Only where the field is ASCII-only may a non-control be refused, and only for being non-ASCII
                // or not an atom.
                #expect([.address, .messageID, .rawHeader].contains(field))
                #expect([.internationalizedAddress, .nonASCII, .invalidLocalPart].contains(error.reason))
            }
            // Never echo the value.
            #expect(!error.description.contains("Secret") && !error.description.contains("Value"))
        }
    }

    /// The message with `value` in one field, written.
    static func write(field: InjectionField, value: String) throws(MIMEError) -> String {
        var message = try Messages.message(toName: "Jo", subject: "Hi")
        switch field {
        case .subject: message.subject = value
        case .displayName: message.to.displayName = value
        case .address: message.to.address = try MailAddress(value + "@example.com")
        case .messageID: message.messageID = try MessageID(localPart: value, domain: "shop.test")
        case .rawHeader: message.extraHeaders = [try HeaderField(name: "List-Id", raw: value)]
        case .unstructuredHeader: message.extraHeaders = [try HeaderField(name: "X-Campaign", unstructured: value)]
        }
        var output: [UInt8] = []
        try message.write(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The content of a quoted string (RFC 5322 §3.2.4), or the text itself when it is not one.
    static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if character == "\\" && !escaped {
                escaped = true
                continue
            }
            result.append(character)
            escaped = false
        }
        return result
    }
}
