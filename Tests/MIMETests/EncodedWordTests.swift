import Testing

@testable import MIME

@Suite("encoded words (RFC 2047)")
struct EncodedWordTests {
    static let longGreekName = "Αλέξανδρος-Κωνσταντίνος Παπαδοπουλόπουλος-Χατζηγεωργίου"

    static let texts: [String] = [
        "Ελένη Παπαδοπούλου",
        "مریم احمدی",
        "می‌خواهید؟ کد تخفیف VIT-AB12",
        longGreekName,
        "👨‍👩‍👧‍👦 family",
        "🇬🇷🇮🇷🇫🇷🇩🇪🇯🇵🇧🇷🇨🇦🇺🇸🇬🇧🇮🇹🇪🇸🇳🇱🇸🇪🇳🇴🇫🇮🇩🇰",
        String(repeating: "👩🏽‍💻", count: 12),
        "Zoë Ångström-Ñúñez, José",
        "e\u{301}e\u{301}e\u{301} a\u{308}\u{323}",
        String(repeating: "Ω", count: 200),
        "  leading, double  and trailing spaces  ",
        "Café =?utf-8?q?not_a_word?= ?= _under_score_",
        "line\u{2028}separator\u{2029}paragraph \u{202E}rtl",
        // One grapheme cluster longer than any word: a family emoji followed by 30 combining marks.
        "👨‍👩‍👧" + String(repeating: "\u{301}", count: 30),
    ]

    @Test(arguments: texts)
    func roundTrips(text: String) throws {
        let words = EncodedWord.encode(text)
        #expect(!words.isEmpty)
        var clusters = 0
        for word in words {
            #expect(word.utf8.count <= 75, "\(word)")
            #expect(word.hasPrefix("=?utf-8?q?") || word.hasPrefix("=?utf-8?b?"))
            // Each word on its own is valid UTF-8 (decode throws otherwise).
            let alone = try EncodedWord.decode(word)
            clusters += alone.count
        }
        // No grapheme cluster is cut across words unless it is longer than a word.
        if text.allSatisfy({ $0.utf8.count <= 40 }) { #expect(clusters == text.count) }
        // RFC 2047 §6.2: the white space between adjacent encoded words is not part of the text.
        #expect(try EncodedWord.decode(words.joined(separator: " ")) == text)
        #expect(try EncodedWord.decode(words.joined(separator: "\r\n ")) == text)
        #expect(try EncodedWord.decode(words.joined(separator: "\r\n\t  ")) == text)
    }

    @Test("Q for Latin text, B for Greek, Persian and emoji, exact words")
    func choosesEncoding() {
        #expect(EncodedWord.encode("Renée Dubois") == ["=?utf-8?q?Ren=C3=A9e_Dubois?="])
        // Q (9 characters) is longer than B (8) here.
        #expect(EncodedWord.encode("Café") == ["=?utf-8?b?Q2Fmw6k=?="])
        #expect(EncodedWord.encode("a, b") == ["=?utf-8?q?a=2C_b?="])
        #expect(EncodedWord.encode("Ελένη") == ["=?utf-8?b?zpXOu86tzr3Otw==?="])
        #expect(EncodedWord.encode("مریم").allSatisfy { $0.hasPrefix("=?utf-8?b?") })
        #expect(EncodedWord.encode("🇬🇷").allSatisfy { $0.hasPrefix("=?utf-8?b?") })
    }

    @Test("the 55-character Greek name: whole characters in words of at most 75")
    func longGreekNameSplits() throws {
        let words = EncodedWord.encode(Self.longGreekName)
        #expect(words.count == 3)
        #expect(words.allSatisfy { $0.utf8.count <= 75 && $0.hasPrefix("=?utf-8?b?") })
        #expect(try words.map { try EncodedWord.decode($0) }.joined() == Self.longGreekName)
    }

    /// RFC 2047 §8's examples of how white space between words is displayed, and more.
    @Test(arguments: [
        ("(=?ISO-8859-1?Q?a?=)", "(a)"),
        ("(=?ISO-8859-1?Q?a?= b)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a_b?=)", "(a b)"),
        ("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>", "Keith Moore <moore@cs.utk.edu>"),
        ("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "Keld Jørn Simonsen"),
        ("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard"),
        ("=?utf-8*el?b?zpXOu86tzr3Otw==?=", "Ελένη"),
        ("a =?utf-8?q?b?= c", "a b c"),
        ("plain text\r\n folded", "plain text folded"),
        ("=?utf-8?q?not a word?=", "=?utf-8?q?not a word?="),
        ("=?utf-8?x?abc?=", "=?utf-8?x?abc?="),
        ("=?utf-8?b?zpXOu86t?= =?utf-8?b?zr3Otw==?=", "Ελένη"),
    ])
    func decodes(header: String, text: String) throws {
        #expect(try EncodedWord.decode(header) == text)
    }

    @Test(arguments: [
        ("=?utf-8?b?zpX?=", MIMEError.Reason.invalidEncoding),
        ("=?utf-8?q?=FF?=", .invalidEncoding),
        ("=?utf-8?q?=F?=", .invalidEncoding),
        ("=?us-ascii?q?=E9?=", .invalidEncoding),
        ("=?koi8-r?q?x?=", .unsupportedCharset),
    ])
    func refuses(header: String, reason: MIMEError.Reason) {
        #expect(throws: MIMEError(field: "encoded word", reason: reason)) { try EncodedWord.decode(header) }
    }
}
