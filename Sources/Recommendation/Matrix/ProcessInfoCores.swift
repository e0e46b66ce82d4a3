import Foundation

/// The number of cores to spread work over (at least 1).
enum ProcessInfoCores {
    static var count: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
