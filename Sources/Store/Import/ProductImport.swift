import Diagnostics
import TextFormats

/// The formats `products.csv` may be in: vitrine's own, or a shop's export read as it is.
public enum ProductFileFormat: String, CaseIterable, Sendable {
    case vitrine
    case woocommerce
    case shopify

    /// Recognises an export from its header row (the first record of the file).
    public static func detect(header: [String]) -> ProductFileFormat {
        let columns = Set(header)
        if columns.contains("Handle"), columns.contains("Variant Price") { return .shopify }
        if columns.contains("Regular price"), columns.contains("Type"),
            columns.contains("ID") || columns.contains("SKU")
        {
            return .woocommerce
        }
        return .vitrine
    }
}

/// Reads `products.csv` in whichever format it is.
public enum ProductImport {
    public static func load(
        _ source: SourceText, format: ProductFileFormat?, settings: StoreSettings?, diagnostics: inout DiagnosticEngine
    ) -> [Product] {
        loadWithRejections(source, format: format, settings: settings, diagnostics: &diagnostics).products
    }

    static func loadWithRejections(
        _ source: SourceText, format: ProductFileFormat?, settings: StoreSettings?, diagnostics: inout DiagnosticEngine
    ) -> (products: [Product], rejected: Rejected) {
        switch format ?? detect(source) {
        case .vitrine: ProductsLoader.load(source, settings: settings, diagnostics: &diagnostics)
        case .woocommerce: (WooCommerceImport.load(source, diagnostics: &diagnostics), Rejected())
        case .shopify: (ShopifyImport.load(source, diagnostics: &diagnostics), Rejected())
        }
    }

    static func detect(_ source: SourceText) -> ProductFileFormat {
        var reader = CSVReader(source: source)
        var record = CSVRecord()
        var ignored = DiagnosticEngine()
        guard reader.next(into: &record, diagnostics: &ignored) else { return .vitrine }
        return ProductFileFormat.detect(header: record.fields.map { reader.string($0).trimmingSpaces })
    }

    /// A barcode from an export: a valid GTIN, or nil with a warning saying why it was left out.
    static func gtin(_ text: String?, at location: SourceLocation, diagnostics: inout DiagnosticEngine) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard let problem = GTIN.validate(text) else { return text }
        diagnostics.warning(
            problem == .spreadsheetNotation
                ? "barcode \"\(text)\" is in exponent notation: a spreadsheet rounded it and its digits are lost; not imported as a GTIN (re-export the column as text)"
                : "barcode \"\(text)\" is not a valid GTIN (\(problem)); not imported as a GTIN",
            at: location)
        return nil
    }

    /// A price from an export (`25`, `9.99`, `.5`): nil with an error when it is not an amount.
    static func money(
        _ text: String, _ name: String, at location: SourceLocation, diagnostics: inout DiagnosticEngine
    ) -> Money? {
        guard !text.isEmpty else { return nil }
        switch DecimalParser.parse(text, scale: 2) {
        case .success(let units) where units >= 0: return Money(minorUnits: units)
        case .success: diagnostics.error("\(name) must not be negative", at: location)
        case .failure(let failure): diagnostics.error("invalid \(name) \"\(text)\": \(failure)", at: location)
        }
        return nil
    }

    /// An id made from a handle or SKU: characters vitrine does not allow in ids become `-`.
    static func identifier(_ text: String) -> String {
        let mapped = text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": Character(scalar)
            default: "-"
            }
        }
        return String(String(mapped).prefix(64))
    }

    /// `Small / Blue` style labels joined for a variant's name.
    static func variantName(_ base: String, options: [String]) -> String {
        let values = options.filter { !$0.isEmpty && $0 != "Default Title" }
        return values.isEmpty ? base : "\(base) – \(values.joined(separator: " / "))"
    }

    /// `a, b, c` lists of exports.
    static func commaList(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
