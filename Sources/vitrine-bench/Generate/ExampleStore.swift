struct ExampleStore {
    var seed: UInt64 = 1
    var customers = 300
    var orderLines = 2000
    var wishLists = 150
    func makeStore() -> StoreFolder { fatalError() }
}
