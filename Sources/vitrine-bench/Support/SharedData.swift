import Foundation

/// The data the benchmarks read from the shared folder beside the repository (`../shared`, relative to the
/// repository root, where the README's commands run), and the advice printed when it is not there: a clone has no
/// `../shared`.
enum SharedData {
    /// The UCI Online Retail transactions, December 2010 to May 2011.
    static let transactions = "../shared/data/transactions/online_retail_2010-12_to_2011-05.csv"
    /// The template workloads of the peer harness: `data/{listing,page}.json`, `templates/mustache/*.mustache`.
    static let templates = "../shared/bench/templates"

    static let transactionsAdvice = """
        The UCI "Online Retail" data set (Chen, Sain & Guo 2012; CC BY 4.0, attribute the source and the paper) is
        not in this repository: get it from https://archive.ics.uci.edu/dataset/352/online+retail (or the per-day CSV
        copy in github.com/databricks/Spark-The-Definitive-Guide, data/retail-data/by-day), keep the rows from
        2010-12-01 to 2011-05-31 as one CSV with the header
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country (how the shared copy was
        made: ../shared/data/transactions/PROVENANCE.md), and pass it with --data FILE.
        """

    static let templatesAdvice = """
        The template workloads are the peers' benchmark folder (../shared/bench/templates, with data/listing.json,
        data/page.json and templates/mustache/{card,listing,page}.mustache; its python/gen_data.py writes the data):
        they are not in this repository; pass their folders with --data DIR and --templates DIR.
        """

    /// Nil when `path` exists; else the message for a command's stderr: what is missing, and the advice.
    static func missing(_ path: String, advice: String) -> String? {
        FileManager.default.fileExists(atPath: path) ? nil : "\(path) not found.\n\(advice)"
    }
}
