import Diagnostics

/// One render in progress: walks the compiled nodes and appends bytes to a single output buffer.
/// Holds the context stack, the current indentation and the block overrides of enclosing parents.
/// A value, made fresh per render, so any number of renders of one template can run at once.
struct Renderer {
    var out: [UInt8]
    private var stack: [MustacheValue]
    private var indentation: [UInt8] = []
    /// Overrides of the enclosing parents, outermost first: the outermost definition of a block wins.
    private var overrides: [[String: BlockContent]] = []
    private let library: TemplateLibrary
    private let options: RenderOptions
    private var source: SourceRef
    private(set) var diagnostics: [Diagnostic] = []
    private var depth = 0
    /// Sections, partials, parents and blocks entered and not yet left: the recursion depth of this walk.
    private var nesting = 0
    /// Section bodies, partials, parents and blocks rendered so far: the work of the render.
    private var steps = 0
    private var stopped = false

    init(out: [UInt8], context: MustacheValue, library: TemplateLibrary, options: RenderOptions, source: SourceRef) {
        self.out = out
        self.stack = [context]
        self.stack.reserveCapacity(16)
        self.library = library
        self.options = options
        self.source = source
    }

    mutating func render(_ nodes: [Node]) {
        // Walking a borrowed buffer spares a retain and release of every node visited.
        nodes.withUnsafeBufferPointer { buffer in
            for node in buffer {
                if stopped { return }
                render(node)
            }
        }
    }

    @inline(__always)
    private mutating func render(_ node: Node) {
        switch node {
        case .text(let text):
            if indentation.isEmpty {
                out.append(contentsOf: text.bytes)
            } else {
                appendIndented(text)
            }
        case .variable(let variable):
            if let value = lookup(variable.name) {
                append(value, escaped: variable.escaped, offset: variable.offset)
            } else if options.strict {
                error("variable \"\(variable.name.text)\" not found", at: variable.offset)
            }
        case .section(let section):
            render(section)
        case .partial(let call):
            if let template = resolve(call.reference, offset: call.offset) {
                include(template, indentation: call.indentation, offset: call.offset)
            }
        case .parent(let call):
            if let template = resolve(call.reference, offset: call.offset) {
                overrides.append(call.overrides)
                include(template, indentation: call.indentation, offset: call.offset)
                overrides.removeLast()
            }
        case .block(let block):
            render(block)
        }
    }

    // MARK: - Names

    /// Spec "Name resolution": the first part is looked up from the top of the context stack down; the
    /// remaining parts only inside what it found.
    private func lookup(_ name: Name) -> MustacheValue? {
        // Borrowed buffers: neither the keys nor the frames are copied (and retained) on the way.
        name.components.withUnsafeBufferPointer { components -> MustacheValue? in
            guard !components.isEmpty else { return stack.last }
            var found: MustacheValue? = nil
            stack.withUnsafeBufferPointer { frames in
                var index = frames.count - 1
                while index >= 0 {
                    if let value = frames[index].member(components[0]) {
                        found = value
                        return
                    }
                    index -= 1
                }
            }
            guard var value = found else { return nil }
            var part = 1
            while part < components.count {
                guard let next = value.member(components[part]) else { return nil }
                value = next
                part += 1
            }
            return value
        }
    }

    // MARK: - Values

    private mutating func append(_ value: MustacheValue, escaped tagEscapes: Bool, offset: Int) {
        let escaped = tagEscapes && options.escapesHTML
        switch value {
        case .string(let text):
            if escaped {
                HTMLEscape.append(text, to: &out)
            } else {
                HTMLEscape.appendUnescaped(text, to: &out)
            }
        case .int(let number):
            MustacheValue.appendDecimal(number, to: &out)
        case .double(let number):
            MustacheValue.appendDouble(number, to: &out)
        case .bool, .null:
            value.appendText(to: &out)
        case .lambda(let lambda):
            // Spec: the result is rendered as a template (default delimiters), then escaped like a value.
            let result = lambda.body("")
            if case .string(let text) = result {
                var rendered: [UInt8] = []
                swap(&rendered, &out)
                renderLambdaTemplate(text, delimiters: .standard)
                swap(&rendered, &out)
                if escaped {
                    rendered.withUnsafeBufferPointer { HTMLEscape.append($0, to: &out) }
                } else {
                    out.append(contentsOf: rendered)
                }
            } else if case .lambda = result {
                return
            } else {
                append(result, escaped: tagEscapes, offset: offset)
            }
        case .list, .map:
            if options.strict {
                let kind = if case .list = value { "a list" } else { "a map" }
                error("cannot interpolate \(kind); use a section to render its items", at: offset)
                return
            }
            var text: [UInt8] = []
            value.appendText(to: &text)
            if escaped {
                text.withUnsafeBufferPointer { HTMLEscape.append($0, to: &out) }
            } else {
                out.append(contentsOf: text)
            }
        }
    }

    private mutating func appendIndented(_ text: StaticText) {
        var last = 0
        for start in text.lineStarts {
            if start > last { out.append(contentsOf: text.bytes[last..<start]) }
            out.append(contentsOf: indentation)
            last = start
        }
        if text.bytes.count > last { out.append(contentsOf: text.bytes[last...]) }
    }

    // MARK: - Sections

    private mutating func render(_ section: Section) {
        let found = lookup(section.name)
        if found == nil, options.strict {
            error(
                "\(section.inverted ? "inverted section" : "section") \"\(section.name.text)\" not found",
                at: section.offset)
        }
        let value = found ?? .null
        if section.inverted {
            if !value.isTruthy, enter(at: section.offset) {
                render(section.nodes)
                nesting &-= 1
            }
            return
        }
        switch value {
        case .list(let items):
            // Every item is one step of work, counted up front; the items nest one level.
            guard enter(at: section.offset, steps: items.count) else { return }
            defer { nesting &-= 1 }
            for item in items {
                if stopped { return }
                if out.count > options.maxOutputBytes {
                    stop("output grew past \(options.maxOutputBytes) bytes", at: section.offset)
                    return
                }
                stack.append(item)
                render(section.nodes)
                stack.removeLast()
            }
        case .lambda(let lambda):
            // Spec: called with the raw section text; a string result is rendered with the section's delimiters.
            let result = lambda.body(section.lambdaSource.rawBody)
            if case .string(let text) = result {
                renderLambdaTemplate(text, delimiters: section.lambdaSource.delimiters)
            } else if case .lambda = result {
                return
            } else {
                append(result, escaped: false, offset: section.offset)
            }
        default:
            if value.isTruthy, enter(at: section.offset) {
                stack.append(value)
                render(section.nodes)
                stack.removeLast()
                nesting &-= 1
            }
        }
    }

    private mutating func renderLambdaTemplate(_ text: String, delimiters: Delimiters) {
        let lambdaSource = SourceRef(SourceText(path: source.text.path + " (lambda result)", text: text))
        var parser = TemplateParser(source: lambdaSource, delimiters: delimiters)
        let nodes = parser.parse()
        if !parser.diagnostics.isEmpty {
            diagnostics.append(contentsOf: parser.diagnostics)
            return
        }
        let saved = source
        source = lambdaSource
        render(nodes)
        source = saved
    }

    // MARK: - Partials, parents and blocks

    private mutating func resolve(_ reference: TemplateReference, offset: Int) -> Template? {
        let name: String
        switch reference {
        case .fixed(let fixed):
            if let template = library.template(for: fixed) { return template }
            if options.strict { error("unknown partial \"\(fixed.string)\"", at: offset) }
            return nil
        case .dynamic(let dynamic):
            guard case .string(let found)? = lookup(dynamic) else {
                if options.strict {
                    error("dynamic partial name \"\(dynamic.text)\" not found (or not a string)", at: offset)
                }
                return nil
            }
            name = found
        }
        guard let template = library[name] else {
            if options.strict { error("unknown partial \"\(name)\"", at: offset) }
            return nil
        }
        return template
    }

    /// Renders a partial or parent: a standalone tag passes its indentation on (added to the current one);
    /// an inline tag renders the partial with none.
    private mutating func include(_ template: Template, indentation added: [UInt8]?, offset: Int) {
        guard depth < options.maxDepth else {
            stop("partials nested more than \(options.maxDepth) deep (does a partial include itself?)", at: offset)
            return
        }
        guard out.count <= options.maxOutputBytes else {
            stop("output grew past \(options.maxOutputBytes) bytes", at: offset)
            return
        }
        guard enter(at: offset) else { return }
        defer { nesting &-= 1 }
        depth += 1
        let savedSource = source
        source = template.source
        if let added {
            let count = indentation.count
            indentation.append(contentsOf: added)
            render(template.nodes)
            indentation.removeSubrange(count...)
        } else if indentation.isEmpty {
            render(template.nodes)
        } else {
            var saved: [UInt8] = []
            swap(&saved, &indentation)
            render(template.nodes)
            swap(&saved, &indentation)
        }
        source = savedSource
        depth -= 1
    }

    /// Spec "~inheritance": the outermost override of the block, else its default content. Content moved
    /// into a slot takes the slot's indentation; a standalone slot starts it on a fresh, indented line.
    private mutating func render(_ block: Block) {
        // An override may itself hold a slot of its own name: that recursion is bounded like partials.
        guard depth < options.maxDepth else {
            stop(
                "blocks nested more than \(options.maxDepth) deep (does block \"\(block.name)\" contain itself?)",
                at: block.offset)
            return
        }
        guard enter(at: block.offset) else { return }
        depth += 1
        defer {
            depth -= 1
            nesting &-= 1
        }
        var chosen: BlockContent? = nil
        for layer in overrides {
            if let content = layer[block.name] {
                chosen = content
                break
            }
        }
        let count = indentation.count
        if chosen != nil || block.standalone { indentation.append(contentsOf: block.indentation) }
        if block.standalone { out.append(contentsOf: indentation) }
        let content = chosen ?? block.content
        let savedSource = source
        source = content.source
        render(content.nodes)
        source = savedSource
        indentation.removeSubrange(count...)
    }

    // MARK: - Problems

    /// Counts one more section body (or `added` list items), partial, parent or block, entered at `offset`; past
    /// the limits of work or depth it stops the render instead (false). The caller leaves with `nesting &-= 1`.
    @inline(__always)
    private mutating func enter(at offset: Int, steps added: Int = 1) -> Bool {
        steps &+= added
        nesting &+= 1
        if steps <= options.maxSteps, nesting <= options.maxNesting { return true }
        nesting &-= 1
        stopAtLimit(at: offset)
        return false
    }

    @inline(never)
    private mutating func stopAtLimit(at offset: Int) {
        if steps > options.maxSteps {
            stop(
                "render stopped after \(options.maxSteps) section bodies, partials and blocks"
                    + " (does a tree of partials fan out?)", at: offset)
        } else {
            stop("sections, partials and blocks nested more than \(options.maxNesting) deep", at: offset)
        }
    }

    private mutating func error(_ message: String, at offset: Int) {
        diagnostics.append(.error(message, at: source.text.location(atOffset: offset)))
    }

    private mutating func stop(_ message: String, at offset: Int) {
        error(message, at: offset)
        stopped = true
    }
}
