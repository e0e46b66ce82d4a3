import Diagnostics
import Evaluation
import Foundation

/// The UCI Online Retail file as `generate uci` and `segments uci` read it: mapped by `OnlineRetailStore`, every
/// problem of the file printed to stderr as `file:line:column: error: …` with its line and a caret, and nothing
/// mapped (nil) when there is any, so no store or figure is made from a damaged file.
enum OnlineRetailInput {
    /// The shared copy of the data set, relative to the package root (where the README's commands run).
    static let defaultPath = "../shared/data/transactions/online_retail_2010-12_to_2011-05.csv"

    static func load(path: String?) -> (data: OnlineRetailStore.Data, summary: OnlineRetailStore.Summary)? {
        let (data, summary, diagnostics) = OnlineRetailStore.load(path: path ?? defaultPath)
        // As `vitrine` prints them (colour only on a terminal).
        let useColor = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        FileHandle.standardError.write(Data(DiagnosticPrinter(useColor: useColor).render(diagnostics).utf8))
        return diagnostics.hasErrors ? nil : (data, summary)
    }
}
