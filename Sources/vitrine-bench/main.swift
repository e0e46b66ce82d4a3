// vitrine-bench: the W1 workload generator and the release-mode benchmarks, one command each.
import Foundation

#if DEBUG
    FileHandle.standardError.write(
        Data("warning: vitrine-bench is a debug build; figures mean nothing (use -c release)\n".utf8))
#endif

exit(VitrineBench.run(Array(CommandLine.arguments.dropFirst())).rawValue)
