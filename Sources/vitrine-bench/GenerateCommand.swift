// Placeholder until its owner lands it: replaced wholesale, never shipped as is.
enum GenerateCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        print("GenerateCommand: not built yet")
        return 1
    }
}
