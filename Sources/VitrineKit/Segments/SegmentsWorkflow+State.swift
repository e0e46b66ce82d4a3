import Diagnostics
import Store
import TextFormats

extension SegmentsWorkflow {
    /// The segments of a store with the engagement its state file holds (none without a state file): what `build`,
    /// `mail` and `segments` run. `state` nil: `<storeFolder>/state.sqlite`.
    public static func run(
        _ store: LoadedStore, storeFolder: String, state: String?, asOf: Timestamp?,
        environment: [String: String]? = nil, diagnostics: inout DiagnosticEngine
    ) -> SegmentReport? {
        let engagement = StateEngagement.read(
            store, storeFolder: storeFolder, state: state, asOf: asOf, environment: environment,
            diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        return run(store, asOf: asOf, engagement: engagement, diagnostics: &diagnostics)
    }
}
