import Foundation
import Publishing
import Store

/// The whole-run shortcut of `mail`, as `build` has: a fingerprint of everything composing a campaign reads — the
/// store folder's files, the theme's folders, the options, the state file (suppressions, opt-outs, engagement), the
/// secrets (the tracking keyring's too, through tokens, never a key itself) and the vitrine executable — recorded with
/// the campaign's published folder. A rerun whose inputs hash the same composes nothing: the folder is already what
/// it would write. The date comes from `--as-of` or the campaign's `send_date` (a store file); a run that falls back
/// on the clock (neither given) stamps nothing, as its Date headers are the current second.
extension MailWorkflow {
    static func inputsFingerprint(_ options: Options) -> Fingerprint {
        var inputs = InputsFingerprint(command: "mail", output: options.output)
        inputs.add(options.campaign)
        inputs.add(options.segments.joined(separator: "\u{0}"))
        inputs.add(options.limit ?? -1)
        inputs.add(options.asOf.map { Int($0.secondsSince1970) } ?? -1)
        let settings = StoreLoader.settings(directory: options.store)
        for folder in [options.store] + ThemeLocation.searchPath(theme: settings?.theme, store: options.store) {
            inputs.addFiles(under: folder)
        }
        let state = options.state ?? options.store + "/state.sqlite"
        inputs.add(state)
        inputs.addStateFile(state)
        inputs.addSecrets(
            store: options.store, settings: settings,
            environment: options.environment ?? ProcessInfo.processInfo.environment)
        return inputs.fingerprint
    }

    /// The summary of the run that recorded `stamp`: every file unchanged, nothing written or removed.
    static func summary(of stamp: BuildStamp, campaign: String) -> Summary {
        var summary = Summary()
        summary.campaign = campaign
        summary.recipients = stamp.pages
        summary.skipped = stamp.figures
        summary.unchanged = stamp.files
        return summary
    }
}
