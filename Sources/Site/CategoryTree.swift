import Diagnostics
import Store

/// Every category of the catalog, parents included (`Tea` for `Tea > Green`), each with a URL path made of
/// slugs (`tea/green`). Parents come before their children; siblings keep the catalog's order.
struct CategoryTree: Sendable {
    struct Node: Sendable {
        var path: [String]
        var slugPath: String
        var parent: Int?
        var children: [Int] = []
    }

    private(set) var nodes: [Node] = []
    /// The node of each product's own (deepest) category.
    private(set) var nodeOfProduct: [Int32] = []
    var roots: [Int] { nodes.indices.filter { nodes[$0].parent == nil } }

    /// Categories whose slugs collide (`Tea & herbs` and `Tea herbs` both `tea-herbs`) are errors at the row
    /// of the first product that names the second one.
    init(products: [Product], diagnostics: inout DiagnosticEngine) {
        var index: [[String]: Int] = [:]
        var bySlug: [String: Int] = [:]
        nodeOfProduct.reserveCapacity(products.count)
        for product in products {
            var parent: Int?
            for depth in 1...max(1, product.category.count) {
                let path = Array(product.category.prefix(depth))
                if let existing = index[path] {
                    parent = existing
                    continue
                }
                let component = Self.slug(path.last ?? "")
                let slugPath = (parent.map { nodes[$0].slugPath + "/" } ?? "") + component
                if let other = bySlug[slugPath] {
                    diagnostics.error(
                        "categories \"\(nodes[other].path.joined(separator: " > "))\" and "
                            + "\"\(path.joined(separator: " > "))\" would both be written to c/\(slugPath)/; "
                            + "rename one of them",
                        at: product.location)
                }
                let id = nodes.count
                nodes.append(Node(path: path, slugPath: slugPath, parent: parent))
                if let parent { nodes[parent].children.append(id) }
                index[path] = id
                bySlug[slugPath] = bySlug[slugPath] ?? id
                parent = id
            }
            nodeOfProduct.append(Int32(parent ?? 0))
        }
        self.index = index
        var ordinal = [Int32](repeating: 0, count: nodes.count)
        var roots = 0
        for node in nodes.indices {
            if let parent = nodes[node].parent {
                ordinal[node] = ordinal[parent]
            } else {
                ordinal[node] = Int32(roots)
                roots += 1
            }
        }
        rootOrdinal = ordinal
    }

    /// Per node, the position of its top-level category among the top-level categories (a theme's colour tone).
    private(set) var rootOrdinal: [Int32] = []

    private var index: [[String]: Int] = [:]

    func node(of path: [String]) -> Int? { index[path] }

    /// The node and its ancestors, root first.
    func lineage(_ node: Int) -> [Int] {
        var chain = [node]
        while let parent = nodes[chain[0]].parent { chain.insert(parent, at: 0) }
        return chain
    }

    /// A URL-safe component: the name's slug; an all-digit slug gets a prefix (so `2024` can never be page
    /// 2024 of its parent); a name with no letters a slug keeps (Persian) gets a stable hash.
    static func slug(_ name: String) -> String {
        let made = Slug.make(from: name)
        if made.isEmpty {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in name.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return "c-" + String(hash & 0xFFFF_FFFF, radix: 16)
        }
        return made.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? "n-" + made : made
    }
}
