import Diagnostics

/*
 The compiled form of a template: a tree of enums over byte arrays, built once and shared read-only by
 every render (and every thread).

 Line starts. Indentation (of standalone partials, parents and blocks) must reach the start of every
 line of the *template text*, never the inside of an interpolated value. So every static text records
 the offsets in its bytes where a source line begins (`lineStarts`); a tag that begins a line gets an
 empty text in front of it carrying the line start at offset 0. Lines removed as standalone, and the
 position at the very end of a template, carry none. When nothing is indented (the common case) the
 renderer appends the bytes in one go and never looks at the offsets.
*/

/// A name as written in a tag, split once (with each part's map fingerprint): `a.b.c` is `["a", "b", "c"]`;
/// the implicit iterator `.` is `[]`.
struct Name: Sendable, Hashable {
    let components: [MapKey]
    init(components: [String]) { self.components = components.map(MapKey.init) }
    var isImplicit: Bool { components.isEmpty }
    var text: String { isImplicit ? "." : components.map(\.string).joined(separator: ".") }
}

/// Template text between tags, with the offsets where an indentation goes.
struct StaticText: Sendable {
    let bytes: [UInt8]
    let lineStarts: [Int]
}

/// `{{name}}`, `{{{name}}}`, `{{&name}}`.
struct Variable: Sendable {
    let name: Name
    let escaped: Bool
    let offset: Int
}

/// `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
struct Section: Sendable {
    let name: Name
    let inverted: Bool
    let nodes: [Node]
    let offset: Int
    /// Only lambdas need it, so it sits behind one reference: a section is copied on every render.
    let lambdaSource: LambdaSource
}

/// Where the unrendered text between a section's tags is, and the delimiters in force, for section lambdas.
/// The text is cut out only when a lambda asks: a copy per section made nested sections quadratic in memory
/// (20,000 of them took 2.4 GB).
final class LambdaSource: Sendable {
    let source: SourceRef
    let body: Range<Int>
    let delimiters: Delimiters
    init(source: SourceRef, body: Range<Int>, delimiters: Delimiters) {
        self.source = source
        self.body = body
        self.delimiters = delimiters
    }

    var rawBody: String { String(decoding: source.text.bytes[body], as: UTF8.self) }
}

/// What a partial or parent tag names: a fixed template name, or (`{{>*name}}`) one looked up in the context.
enum TemplateReference: Sendable {
    case fixed(String)
    case dynamic(Name)

    var text: String {
        switch self {
        case .fixed(let name): name
        case .dynamic(let name): "*" + name.text
        }
    }
}

/// `{{>name}}`: `indentation` is the whitespace before a standalone tag; nil for an inline tag, which
/// renders the partial with no indentation at all.
struct PartialCall: Sendable {
    let reference: TemplateReference
    let indentation: [UInt8]?
    let offset: Int
}

/// `{{<name}}{{$block}}…{{/block}}{{/name}}`: renders `name` with its blocks replaced.
struct ParentCall: Sendable {
    let reference: TemplateReference
    let indentation: [UInt8]?
    let overrides: [String: BlockContent]
    let offset: Int
}

/// The content of a block as written at one place (a default in a parent, or an override in a child),
/// with its template so strict-mode errors inside it point at the right file.
struct BlockContent: Sendable {
    let nodes: [Node]
    let source: SourceRef
}

/// `{{$name}}default{{/name}}`: a slot. `standalone` says its opening tag stood on its own line, in which
/// case content placed here starts on a fresh line; `indentation` is added to every line placed here.
struct Block: Sendable {
    let name: String
    let content: BlockContent
    let standalone: Bool
    let indentation: [UInt8]
    let offset: Int
}

/// The delimiters in force (`{{ }}` unless a set-delimiter tag changed them).
struct Delimiters: Sendable, Hashable {
    var open: [UInt8]
    var close: [UInt8]
    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}

/// One step of a compiled template.
indirect enum Node: Sendable {
    case text(StaticText)
    case variable(Variable)
    case section(Section)
    case partial(PartialCall)
    case parent(ParentCall)
    case block(Block)
}

/// The source of a template, shared by reference so nodes can name it cheaply.
final class SourceRef: Sendable {
    let text: SourceText
    init(_ text: SourceText) { self.text = text }
}
