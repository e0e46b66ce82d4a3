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
final class StaticText: Sendable {
    let bytes: [UInt8]
    let lineStarts: [Int]
    init(bytes: [UInt8], lineStarts: [Int]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
    }
}

/// `{{name}}`, `{{{name}}}`, `{{&name}}`.
final class Variable: Sendable {
    let name: Name
    let escaped: Bool
    let offset: Int
    init(name: Name, escaped: Bool, offset: Int) {
        self.name = name
        self.escaped = escaped
        self.offset = offset
    }
}

/// `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
final class Section: Sendable {
    let name: Name
    let inverted: Bool
    let nodes: [Node]
    let offset: Int
    /// Only lambdas need it, so it sits behind one reference.
    let lambdaSource: LambdaSource
    init(name: Name, inverted: Bool, nodes: [Node], offset: Int, lambdaSource: LambdaSource) {
        self.name = name
        self.inverted = inverted
        self.nodes = nodes
        self.offset = offset
        self.lambdaSource = lambdaSource
    }
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
    /// With its fingerprint, so the library finds it without hashing the name on every include.
    case fixed(MapKey)
    case dynamic(Name)

    var text: String {
        switch self {
        case .fixed(let name): name.string
        case .dynamic(let name): "*" + name.text
        }
    }
}

/// `{{>name}}`: `indentation` is the whitespace before a standalone tag; nil for an inline tag, which
/// renders the partial with no indentation at all.
final class PartialCall: Sendable {
    let reference: TemplateReference
    let indentation: [UInt8]?
    let offset: Int
    init(reference: TemplateReference, indentation: [UInt8]?, offset: Int) {
        self.reference = reference
        self.indentation = indentation
        self.offset = offset
    }
}

/// `{{<name}}{{$block}}…{{/block}}{{/name}}`: renders `name` with its blocks replaced.
final class ParentCall: Sendable {
    let reference: TemplateReference
    let indentation: [UInt8]?
    let overrides: [String: BlockContent]
    let offset: Int
    init(reference: TemplateReference, indentation: [UInt8]?, overrides: [String: BlockContent], offset: Int) {
        self.reference = reference
        self.indentation = indentation
        self.overrides = overrides
        self.offset = offset
    }
}

/// The content of a block as written at one place (a default in a parent, or an override in a child),
/// with its template so strict-mode errors inside it point at the right file.
struct BlockContent: Sendable {
    let nodes: [Node]
    let source: SourceRef
}

/// `{{$name}}default{{/name}}`: a slot. `standalone` says its opening tag stood on its own line, in which
/// case content placed here starts on a fresh line; `indentation` is added to every line placed here.
final class Block: Sendable {
    let name: String
    let content: BlockContent
    let standalone: Bool
    let indentation: [UInt8]
    let offset: Int
    init(name: String, content: BlockContent, standalone: Bool, indentation: [UInt8], offset: Int) {
        self.name = name
        self.content = content
        self.standalone = standalone
        self.indentation = indentation
        self.offset = offset
    }
}

/// The delimiters in force (`{{ }}` unless a set-delimiter tag changed them).
struct Delimiters: Sendable, Hashable {
    var open: [UInt8]
    var close: [UInt8]
    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}

/// One step of a compiled template. Every payload is an immutable object, so a node is one reference: the render
/// walk reads a node's fields in place instead of copying (and retaining) each of them, as structs in an
/// `indirect` enum made it do on every node visited.
enum Node: Sendable {
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
