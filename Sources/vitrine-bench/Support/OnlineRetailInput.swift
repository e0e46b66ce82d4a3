import Diagnostics
import Evaluation
import Foundation

/// The UCI Online Retail file as `generate uci` and `segments uci` read it: mapped by `OnlineRetailStore`, every
/// problem of the file printed to stderr as `file:line:column: error: …` with its line and a caret, and nothing
/// mapped when there is any, so no store or figure is made from a damaged file.
enum OnlineRetailInput {
    /// The mapped data; a missing file fails with the advice of where the data set comes from (exit 1), a damaged
    /// one with its problems printed (exit 2).
    static func load(
        path: String?
    ) throws(BenchFailure) -> (data: OnlineRetailStore.Data, summary: OnlineRetailStore.Summary) {
        let path = path ?? SharedData.transactions
        if let message = SharedData.missing(path, advice: SharedData.transactionsAdvice) {
            throw .failure(message)
        }
        let (data, summary, diagnostics) = OnlineRetailStore.load(path: path)
        // As `vitrine` prints them (colour only on a terminal).
        let useColor = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        FileHandle.standardError.write(Data(DiagnosticPrinter(useColor: useColor).render(diagnostics).utf8))
        guard !diagnostics.hasErrors else { throw .badInput }
        return (data, summary)
    }
}
