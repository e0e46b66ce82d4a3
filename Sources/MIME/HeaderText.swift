/// The values of header fields as tokens for a `HeaderFolder`: unstructured text (RFC 5322 §3.2.5), phrases and
/// mailboxes (§3.4), with encoded words (RFC 2047) where the text is not plain ASCII.
enum HeaderText {
    /// The longest literal word, counting `"` and `\` twice: quoted and escaped, with its separating space, it
    /// still fits a continuation line.
    static let longestWord = HeaderFolder.limit - 4

    /// Refuses what could break out of a header or mislead a reader: every C0 control (CR, LF, NUL, TAB…), DEL
    /// and the C1 controls (NEL U+0085 among them). Other format characters (U+2028, U+2029, bidi controls) are
    /// not line breaks to any mail software; they are encoded like any non-ASCII character and so can do no harm.
    static func check(_ text: String, field: String) throws(MIMEError) {
        if Syntax.hasControl(text.utf8) { throw MIMEError(field: field, reason: .controlCharacter) }
    }

    /// Whether `bytes` can be written as literal words: printable ASCII words of at most `longestWord`, single
    /// spaces between them, and no `=?` (which a reader would take for the start of an encoded word).
    static func isPlain(_ bytes: some Collection<UInt8>) -> Bool {
        var word = 0
        var previous: UInt8 = 0x20
        for byte in bytes {
            switch byte {
            case 0x20:
                if previous == 0x20 { return false }
                word = 0
            case 0x21...0x7E:
                if byte == UInt8(ascii: "?") && previous == UInt8(ascii: "=") { return false }
                word += byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") ? 2 : 1
                if word > longestWord { return false }
            default:
                return false
            }
            previous = byte
        }
        return previous != 0x20
    }

    /// Unstructured text such as a subject: literal words when plain, else encoded words for the whole value
    /// (so that every space survives exactly).
    static func appendUnstructured(
        _ text: String, field: String, folder: inout HeaderFolder, into output: inout [UInt8]
    ) throws(MIMEError) {
        try check(text, field: field)
        let bytes = text.utf8
        if bytes.isEmpty { return }
        if isPlain(bytes) {
            for word in bytes.split(separator: 0x20) { folder.append(word, into: &output) }
        } else {
            EncodedWord.append(text, folder: &folder, into: &output)
        }
    }

    /// A display name: atoms when it is plain atext words, a quoted string when plain but with specials
    /// (`"Doe, John"`), else encoded words.
    static func appendPhrase(
        _ text: String, field: String, folder: inout HeaderFolder, into output: inout [UInt8]
    ) throws(MIMEError) {
        try check(text, field: field)
        let bytes = text.utf8
        guard isPlain(bytes) else {
            EncodedWord.append(text, folder: &folder, into: &output)
            return
        }
        if bytes.allSatisfy({ $0 == 0x20 || Syntax.isAtext($0) }) {
            for word in bytes.split(separator: 0x20) { folder.append(word, into: &output) }
            return
        }
        // RFC 5322 §3.2.4: a quoted string, `"` and `\` as quoted pairs; the folder may fold at its spaces, which
        // unfolding restores.
        let words = bytes.split(separator: 0x20)
        var token: [UInt8] = []
        for (position, word) in words.enumerated() {
            token.removeAll(keepingCapacity: true)
            if position == 0 { token.append(UInt8(ascii: "\"")) }
            for byte in word {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { token.append(UInt8(ascii: "\\")) }
                token.append(byte)
            }
            if position == words.count - 1 { token.append(UInt8(ascii: "\"")) }
            folder.append(token, into: &output)
        }
    }

    /// `name <local@domain>`, or the bare address without a name; `separator` (a comma) follows when given.
    static func appendMailbox(
        _ mailbox: Mailbox, field: String, separator: Bool, folder: inout HeaderFolder, into output: inout [UInt8]
    ) throws(MIMEError) {
        var address: [UInt8] = []
        address.reserveCapacity(mailbox.address.text.utf8.count + 3)
        if let name = mailbox.displayName, !name.isEmpty {
            try appendPhrase(name, field: field + " display name", folder: &folder, into: &output)
            address.append(UInt8(ascii: "<"))
            address.append(contentsOf: mailbox.address.text.utf8)
            address.append(UInt8(ascii: ">"))
        } else {
            address.append(contentsOf: mailbox.address.text.utf8)
        }
        if separator { address.append(UInt8(ascii: ",")) }
        folder.append(address, into: &output)
    }
}
