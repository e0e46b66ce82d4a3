import Diagnostics

/// Turns template bytes into nodes in one pass, collecting every error: after a bad tag it records a
/// diagnostic and carries on, so a designer sees all the problems of a file at once.
///
/// Standalone lines (spec "Whitespace"): a line holding only whitespace and one non-output tag (section,
/// inverted, closing, comment, set-delimiter, partial, block) is removed whole. Inheritance extends the rule:
/// `{{<parent}}…{{/parent}}` is standalone when its opening tag starts a line (after whitespace) and its
/// closing tag ends one, whatever lies between; and a block directly inside a parent only needs blank to its
/// right when it opens and blank to its left when it closes, because everything else inside a parent is dropped.
struct TemplateParser {
    private let bytes: [UInt8]
    private let source: SourceRef
    private(set) var diagnostics: [Diagnostic] = []
    private var delimiters = Delimiters.standard
    private var frames: [Frame]
    /// Set when sections, parents and blocks nest past `maxNesting`: parsing stops there.
    private var tooDeep = false
    /// Recent searches for the end of a tag, by what was looked for: after a tag whose content holds another
    /// opening delimiter the scan resumes at that inner tag and looks for the same end again, which without
    /// them made a run of unclosed tags quadratic.
    private var endSearches: [(needle: [UInt8], from: Int, found: Int?)] = []

    /// Sections, parents and blocks nest at most this deep in one template. Rendering walks them recursively
    /// (a template of 10,000 nested sections overflowed the stack); the JSON parser stops at 512 levels too.
    static let maxNesting = 512

    private enum FrameKind {
        case root, section, invertedSection, parent, block

        var noun: String {
            switch self {
            case .root: "template"
            case .section: "section"
            case .invertedSection: "inverted section"
            case .parent: "parent"
            case .block: "block"
            }
        }
    }

    /// An open section, parent or block while its content is parsed.
    private struct Frame {
        var kind: FrameKind
        /// What the closing tag must say.
        var key: String
        var name = Name(components: [])
        var reference: TemplateReference?
        var nodes: [Node] = []
        var openOffset: Int
        var bodyStart: Int
        /// How many blanks to drop at each line start (block content is re-indented where it lands).
        var lineStrip: Int
        var delimiters: Delimiters
        var standalone = false
        var indentation: [UInt8] = []
        /// For a parent whose opening tag starts a line: the blanks before it, held back until the closing tag
        /// says whether the whole construct is standalone.
        var heldPrefix: Range<Int>?
        var valid = true
    }

    init(source: SourceRef, delimiters: Delimiters = .standard) {
        self.bytes = source.text.bytes
        self.source = source
        self.delimiters = delimiters
        self.frames = [Frame(kind: .root, key: "", openOffset: 0, bodyStart: 0, lineStrip: 0, delimiters: delimiters)]
    }

    // MARK: - The scan

    mutating func parse() -> [Node] {
        let count = bytes.count
        var position = 0
        var textStart = 0
        while let tagStart = find(delimiters.open, from: position) {
            let afterOpen = tagStart + delimiters.open.count
            let sigil: UInt8 = afterOpen < count ? bytes[afterOpen] : 0
            let contentStart: Int
            switch sigil {
            case UInt8(ascii: "{"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "^"),
                UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "&"):
                contentStart = afterOpen + 1
            default:
                contentStart = afterOpen
            }
            // A triple mustache ends with "}" + close, a set-delimiter tag with "=" + close.
            let paired = sigil == UInt8(ascii: "{") || sigil == UInt8(ascii: "=")
            let terminator = paired ? [sigil.matchingCloser] + delimiters.close : delimiters.close
            guard let terminatorStart = findEnd(terminator, from: min(contentStart, count)) else {
                if paired, let closeStart = findEnd(delimiters.close, from: min(contentStart, count)) {
                    error(
                        sigil == UInt8(ascii: "{")
                            ? "triple mustache must end with \"}\(text(delimiters.close))\""
                            : "set-delimiter tag must end with \"=\(text(delimiters.close))\"",
                        at: tagStart)
                    position = closeStart + delimiters.close.count
                    continue
                }
                error(
                    "tag is not closed: \"\(text(delimiters.open))\" has no matching \"\(text(delimiters.close))\"",
                    at: tagStart)
                break
            }
            let contentEnd = terminatorStart
            let closeStart = paired ? terminatorStart + 1 : terminatorStart
            // A tag whose content holds another opening delimiter lost its own closing one: report it and
            // resume at the inner tag, so one typo does not swallow the next tag.
            if sigil != UInt8(ascii: "!"), sigil != UInt8(ascii: "="),
                let inner = find(delimiters.open, from: afterOpen, before: contentEnd)
            {
                error(
                    "tag is not closed: \"\(text(delimiters.open))\" has no matching \"\(text(delimiters.close))\""
                        + " before the next tag", at: tagStart)
                position = inner
                continue
            }
            let tagEnd = closeStart + delimiters.close.count
            let tag = Tag(
                sigil: sigil, start: tagStart, end: tagEnd,
                content: trimmed(contentStart..<max(contentStart, contentEnd)))
            let next = handle(tag, textStart: textStart)
            if tooDeep {
                // The error says it all: the frames left open are closed without a word about each.
                while frames.count > 1 { finishFrame(bodyEnd: tag.start, suffixBlank: false) }
                return frames[0].nodes
            }
            position = next
            textStart = next
        }
        flushText(textStart..<count)
        closeUnclosedFrames()
        return frames[0].nodes
    }

    private struct Tag {
        var sigil: UInt8
        var start: Int
        var end: Int
        var content: Range<Int>
    }

    /// Handles one tag: decides whether its line is standalone, flushes the text before it, updates the
    /// frames, and returns where the text after it starts.
    private mutating func handle(_ tag: Tag, textStart: Int) -> Int {
        let (prefixBlank, lineStart) = prefixInfo(before: tag.start)
        let (suffixBlank, nextLine) = suffixInfo(after: tag.end)
        // Only scalars of the top frame: a copy of the frame would retain its nodes, so the next append would
        // copy the whole array (parsing was quadratic in the number of tags).
        let topLineStrip = frames[frames.count - 1].lineStrip
        let insideParent = frames[frames.count - 1].kind == .parent
        var trimPrefix = false
        var skipLine = false
        var closing: Int? = nil

        switch tag.sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "!"), UInt8(ascii: "="), UInt8(ascii: ">"):
            trimPrefix = prefixBlank && suffixBlank
            skipLine = trimPrefix
        case UInt8(ascii: "$"):
            if insideParent {
                skipLine = suffixBlank
            } else {
                trimPrefix = prefixBlank && suffixBlank
                skipLine = trimPrefix
            }
        case UInt8(ascii: "<"):
            trimPrefix = prefixBlank
        case UInt8(ascii: "/"):
            closing = matchingFrame(for: key(of: tag.content))
            let target = closing.map { frames[$0] }
            if target?.kind == .parent {
                skipLine = target?.heldPrefix != nil && suffixBlank
            } else if target?.kind == .block, closing.map({ $0 > 0 && frames[$0 - 1].kind == .parent }) == true {
                trimPrefix = prefixBlank
                skipLine = prefixBlank && suffixBlank
            } else {
                trimPrefix = prefixBlank && suffixBlank
                skipLine = trimPrefix
            }
        default:
            break
        }

        flushText(textStart..<(trimPrefix ? lineStart : tag.start))
        if !trimPrefix, !skipLine, isLineStart(tag.start) {
            appendMarker()
        }
        let next = skipLine ? nextLine : tag.end
        let prefix = lineStart..<tag.start

        switch tag.sigil {
        case UInt8(ascii: "!"):
            break
        case UInt8(ascii: "="):
            setDelimiters(tag)
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            let name = parseName(tag.content, tagStart: tag.start)
            var frame = newFrame(
                tag.sigil == UInt8(ascii: "#") ? .section : .invertedSection, key: key(of: tag.content), tag: tag)
            frame.name = name ?? Name(components: [])
            frame.valid = name != nil
            push(frame)
        case UInt8(ascii: ">"):
            if let reference = parseReference(tag.content, tagStart: tag.start) {
                append(
                    .partial(
                        PartialCall(
                            reference: reference, indentation: trimPrefix ? relative(prefix) : nil, offset: tag.start)))
            }
        case UInt8(ascii: "<"):
            let reference = parseReference(tag.content, tagStart: tag.start)
            var frame = newFrame(.parent, key: key(of: tag.content), tag: tag)
            frame.reference = reference
            frame.valid = reference != nil
            frame.heldPrefix = trimPrefix ? prefix : nil
            push(frame)
        case UInt8(ascii: "$"):
            let name = String(decoding: bytes[tag.content], as: UTF8.self)
            if name.isEmpty {
                error("empty block name", at: tag.start)
            } else if name.utf8.contains(where: \.isBlank) {
                error("block name \"\(name)\" contains whitespace", at: tag.start)
            }
            var frame = newFrame(.block, key: name, tag: tag)
            frame.valid = !name.isEmpty
            if skipLine {
                let blanks = blankCount(from: nextLine)
                frame.standalone = !insideParent
                frame.indentation = Array(bytes[(nextLine + min(topLineStrip, blanks))..<(nextLine + blanks)])
                frame.lineStrip = max(topLineStrip, blanks)
                frame.bodyStart = nextLine
            } else if prefixBlank {
                frame.indentation = relative(prefix)
            }
            push(frame)
        case UInt8(ascii: "/"):
            close(tag, frameIndex: closing, suffixBlank: suffixBlank)
        default:
            let escaped = tag.sigil != UInt8(ascii: "&") && tag.sigil != UInt8(ascii: "{")
            if let name = parseName(tag.content, tagStart: tag.start) {
                append(.variable(Variable(name: name, escaped: escaped, offset: tag.start)))
            }
        }
        return next
    }

    private func newFrame(_ kind: FrameKind, key: String, tag: Tag) -> Frame {
        Frame(
            kind: kind, key: key, openOffset: tag.start, bodyStart: tag.end,
            lineStrip: frames[frames.count - 1].lineStrip, delimiters: delimiters)
    }

    /// Opens a section, parent or block, unless that nests them past `maxNesting`.
    private mutating func push(_ frame: Frame) {
        guard frames.count <= Self.maxNesting else {
            error(
                "\(frame.kind.noun) \"\(frame.key)\" is nested more than \(Self.maxNesting) deep"
                    + " (sections, parents and blocks)", at: frame.openOffset)
            tooDeep = true
            return
        }
        frames.append(frame)
    }

    // MARK: - Closing

    /// The index of the open frame a closing tag with this key closes, if any.
    private func matchingFrame(for key: String) -> Int? {
        var index = frames.count - 1
        while index > 0 {
            if frames[index].key == key { return index }
            index -= 1
        }
        return nil
    }

    private mutating func close(_ tag: Tag, frameIndex: Int?, suffixBlank: Bool) {
        let key = key(of: tag.content)
        guard let frameIndex else {
            if key.isEmpty {
                error("empty closing tag", at: tag.start)
            } else if frames.count > 1 {
                let open = frames[frames.count - 1]
                error(
                    "closing tag \"\(key)\" does not match the open \(open.kind.noun) \"\(open.key)\"",
                    at: tag.start,
                    notes: [.init("\(open.kind.noun) \"\(open.key)\" opened here", at: location(open.openOffset))])
            } else {
                error("closing tag \"\(key)\" has no open section", at: tag.start)
            }
            return
        }
        while frames.count - 1 > frameIndex {
            let open = frames[frames.count - 1]
            let place = location(open.openOffset)
            error(
                "\(open.kind.noun) \"\(open.key)\" opened at \(place.line):\(place.column) is not closed before"
                    + " \"\(text(delimiters.open))/\(key)\(text(delimiters.close))\"",
                at: tag.start, notes: [.init("\(open.kind.noun) \"\(open.key)\" opened here", at: place)])
            finishFrame(bodyEnd: tag.start, suffixBlank: false)
        }
        finishFrame(bodyEnd: tag.start, suffixBlank: suffixBlank)
    }

    private mutating func closeUnclosedFrames() {
        // Point at the last character rather than past a final newline, so the excerpt shows a real line.
        var end = bytes.count
        if end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        while frames.count > 1 {
            let open = frames[frames.count - 1]
            let place = location(open.openOffset)
            error(
                "\(open.kind.noun) \"\(open.key)\" opened at \(place.line):\(place.column) is never closed", at: end,
                notes: [.init("\(open.kind.noun) \"\(open.key)\" opened here", at: place)])
            finishFrame(bodyEnd: bytes.count, suffixBlank: false)
        }
    }

    /// Pops the top frame and appends what it built to the frame below.
    private mutating func finishFrame(bodyEnd: Int, suffixBlank: Bool) {
        let frame = frames.removeLast()
        switch frame.kind {
        case .root:
            break
        case .section, .invertedSection:
            guard frame.valid else { return }
            let body = frame.bodyStart..<max(frame.bodyStart, bodyEnd)
            append(
                .section(
                    Section(
                        name: frame.name, inverted: frame.kind == .invertedSection, nodes: frame.nodes,
                        offset: frame.openOffset,
                        lambdaSource: LambdaSource(source: source, body: body, delimiters: frame.delimiters))))
        case .parent:
            let standalone = frame.heldPrefix != nil && suffixBlank
            if !standalone, let held = frame.heldPrefix {
                flushText(held)
                if held.isEmpty, isLineStart(held.lowerBound) { appendMarker() }
            }
            guard frame.valid, let reference = frame.reference else { return }
            var overrides: [String: BlockContent] = [:]
            for node in frame.nodes {
                if case .block(let block) = node, overrides[block.name] == nil {
                    overrides[block.name] = block.content
                }
            }
            append(
                .parent(
                    ParentCall(
                        reference: reference, indentation: standalone ? relative(frame.heldPrefix!) : nil,
                        overrides: overrides, offset: frame.openOffset)))
        case .block:
            guard frame.valid else { return }
            var nodes = frame.nodes
            // Content placed in a slot starts wherever the slot is: it carries no line start of its own.
            if case .text(let first)? = nodes.first, first.lineStarts.first == 0 {
                if first.bytes.isEmpty, first.lineStarts.count == 1 {
                    nodes.removeFirst()
                } else {
                    nodes[0] = .text(StaticText(bytes: first.bytes, lineStarts: Array(first.lineStarts.dropFirst())))
                }
            }
            append(
                .block(
                    Block(
                        name: frame.key, content: BlockContent(nodes: nodes, source: source),
                        standalone: frame.standalone, indentation: frame.indentation, offset: frame.openOffset)))
        }
    }

    // MARK: - Text

    private mutating func append(_ node: Node) {
        frames[frames.count - 1].nodes.append(node)
    }

    /// Appends the source text in `range` as a static text, dropping the frame's line strip at each line start
    /// and recording where lines start (a line start at the very end of the template is not one).
    private mutating func flushText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        // text inside a parent, outside its blocks, is not rendered
        if frames[frames.count - 1].kind == .parent { return }
        let strip = frames[frames.count - 1].lineStrip
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var starts: [Int] = []
        var index = range.lowerBound
        var atLineStart = isLineStart(index)
        while index < range.upperBound {
            if atLineStart {
                atLineStart = false
                var skipped = 0
                while skipped < strip, index < range.upperBound, bytes[index].isBlank {
                    index += 1
                    skipped += 1
                }
                if index < bytes.count { starts.append(out.count) }
                continue
            }
            let byte = bytes[index]
            out.append(byte)
            index += 1
            if byte == UInt8(ascii: "\n") { atLineStart = true }
        }
        if out.isEmpty, starts.isEmpty { return }
        append(.text(StaticText(bytes: out, lineStarts: starts)))
    }

    /// A line start in front of a tag that begins a line.
    private mutating func appendMarker() {
        if frames[frames.count - 1].kind == .parent { return }
        append(.text(StaticText(bytes: [], lineStarts: [0])))
    }

    private func isLineStart(_ offset: Int) -> Bool {
        offset == 0 || (offset <= bytes.count && bytes[offset - 1] == UInt8(ascii: "\n"))
    }

    /// Whether only blanks precede `offset` on its line (and where the line starts).
    private func prefixInfo(before offset: Int) -> (blank: Bool, lineStart: Int) {
        var index = offset
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == UInt8(ascii: "\n") { return (true, index) }
            if !byte.isBlank { return (false, offset) }
            index -= 1
        }
        return (true, 0)
    }

    /// Whether only blanks follow `offset` up to the end of its line (and where the next line starts).
    private func suffixInfo(after offset: Int) -> (blank: Bool, nextLine: Int) {
        var index = offset
        while index < bytes.count, bytes[index].isBlank { index += 1 }
        if index == bytes.count { return (true, index) }
        if bytes[index] == UInt8(ascii: "\n") { return (true, index + 1) }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
            return (true, index + 2)
        }
        return (false, offset)
    }

    private func blankCount(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index].isBlank { index += 1 }
        return index - offset
    }

    /// The blanks of `range` less the current frame's line strip: an indentation relative to where the
    /// enclosing block will land.
    private func relative(_ range: Range<Int>) -> [UInt8] {
        let strip = min(frames[frames.count - 1].lineStrip, range.count)
        return Array(bytes[(range.lowerBound + strip)..<range.upperBound])
    }

    // MARK: - Tag contents

    private mutating func setDelimiters(_ tag: Tag) {
        var parts: [Range<Int>] = []
        var index = tag.content.lowerBound
        while index < tag.content.upperBound {
            while index < tag.content.upperBound, bytes[index].isWhitespace { index += 1 }
            let start = index
            while index < tag.content.upperBound, !bytes[index].isWhitespace { index += 1 }
            if index > start { parts.append(start..<index) }
        }
        guard parts.count == 2 else {
            error("set-delimiter tag needs two delimiters separated by whitespace, like {{=<% %>=}}", at: tag.start)
            return
        }
        for part in parts where bytes[part].contains(UInt8(ascii: "=")) {
            error("delimiter \"\(String(decoding: bytes[part], as: UTF8.self))\" must not contain \"=\"", at: tag.start)
            return
        }
        delimiters = Delimiters(open: Array(bytes[parts[0]]), close: Array(bytes[parts[1]]))
    }

    /// `name`, `a.b.c` or `.`; nil (with a diagnostic) when malformed.
    private mutating func parseName(_ range: Range<Int>, tagStart: Int) -> Name? {
        let text = String(decoding: bytes[range], as: UTF8.self)
        if text.isEmpty {
            error("empty tag name", at: tagStart)
            return nil
        }
        if bytes[range].contains(where: \.isWhitespace) {
            error("tag name \"\(text)\" contains whitespace", at: tagStart)
            return nil
        }
        if text == "." { return Name(components: []) }
        let components = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if components.contains(where: \.isEmpty) {
            error("tag name \"\(text)\" has an empty part between dots", at: tagStart)
            return nil
        }
        return Name(components: components)
    }

    /// A partial or parent name: `card`, `partials/card`, or `*name` (looked up in the context).
    private mutating func parseReference(_ range: Range<Int>, tagStart: Int) -> TemplateReference? {
        if let first = range.first, bytes[first] == UInt8(ascii: "*") {
            let rest = trimmed((first + 1)..<range.upperBound)
            return parseName(rest, tagStart: tagStart).map { .dynamic($0) }
        }
        let text = String(decoding: bytes[range], as: UTF8.self)
        if text.isEmpty {
            error("empty partial name", at: tagStart)
            return nil
        }
        if bytes[range].contains(where: \.isWhitespace) {
            error("partial name \"\(text)\" contains whitespace", at: tagStart)
            return nil
        }
        return .fixed(MapKey(text))
    }

    /// The name a closing tag must repeat: the trimmed content, with `* name` spelled `*name`.
    private func key(of range: Range<Int>) -> String {
        if let first = range.first, bytes[first] == UInt8(ascii: "*") {
            return "*" + String(decoding: bytes[trimmed((first + 1)..<range.upperBound)], as: UTF8.self)
        }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower].isWhitespace { lower += 1 }
        while upper > lower, bytes[upper - 1].isWhitespace { upper -= 1 }
        return lower..<upper
    }

    // MARK: - Helpers

    /// `find(needle, from: start)`, answered from an earlier search for the same needle when it covers `start`
    /// (no occurrence between where it started and what it found).
    private mutating func findEnd(_ needle: [UInt8], from start: Int) -> Int? {
        if let earlier = endSearches.firstIndex(where: { $0.needle == needle }) {
            let search = endSearches[earlier]
            if search.from <= start, search.found ?? Int.max >= start { return search.found }
            endSearches.remove(at: earlier)
        }
        let found = find(needle, from: start)
        endSearches.append((needle, start, found))
        if endSearches.count > 4 { endSearches.removeFirst() }
        return found
    }

    /// The first occurrence of `needle` at or after `start` (and starting before `limit`).
    private func find(_ needle: [UInt8], from start: Int, before limit: Int? = nil) -> Int? {
        let count = bytes.count
        let end = min(limit ?? count, count - needle.count + 1)
        guard let first = needle.first, start < end else { return nil }
        var index = start
        while index < end {
            if bytes[index] == first {
                var matched = 1
                while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    private func location(_ offset: Int) -> SourceLocation {
        source.text.location(atOffset: offset)
    }

    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private mutating func error(_ message: String, at offset: Int, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location(offset), notes: notes))
    }
}

extension UInt8 {
    /// Space or tab: what may stand around a standalone tag.
    var isBlank: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }

    /// Any ASCII whitespace: what is trimmed around a tag's name.
    var isWhitespace: Bool {
        self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") || self == UInt8(ascii: "\n")
            || self == UInt8(ascii: "\r") || self == 0x0C
    }

    /// `}` for `{`, `=` for `=`: the byte a triple mustache or set-delimiter tag repeats before the delimiter.
    var matchingCloser: UInt8 { self == UInt8(ascii: "{") ? UInt8(ascii: "}") : self }
}
