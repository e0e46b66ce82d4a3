import SeededRandom

/// The example store committed as `Catalog/`: the hand-written catalogue of `ExampleCatalog`, about 300 customers
/// and 2,000 order lines from the purchase model, and hand-written segments, coupons and campaigns.
struct ExampleStore {
    var seed: UInt64 = 1
    var customers = 300
    var orderLines = 2000
    var wishLists = 150

    static let lastDay = PurchaseModel.standardLastDay
    static let firstDay = PurchaseModel.standardFirstDay

    func makeStore() -> StoreFolder {
        let root = SplitMix64(seed: seed)
        var customerRandom = root.fork(2)
        var orderRandom = root.fork(3)
        var wishRandom = root.fork(4)

        let items = ExampleCatalog.items
        var categories: [String] = []
        for item in items where !categories.contains(item.category) { categories.append(item.category) }
        let records = productRecords(items)
        let indexBySKU = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($0.element.sku, $0.offset) })
        var companions = Array(repeating: [Int](), count: items.count)
        for bundle in ExampleCatalog.bundles {
            let members = bundle.map { indexBySKU[$0]! }
            for member in members {
                for mate in members where mate != member && !companions[member].contains(mate) {
                    companions[member].append(mate)
                }
            }
        }
        let modelProducts = items.enumerated().map { index, item in
            PurchaseModel.Product(
                category: categories.firstIndex(of: item.category)!, priceCents: item.priceCents,
                compareAtCents: item.compareAtCents, consumable: item.consumable, popularity: item.popularity,
                companions: companions[index])
        }

        let clientele = Clientele(
            count: customers,
            locales: [
                .init(
                    locale: "en", share: 0.38,
                    countries: [
                        ("GB", 0.3), ("DE", 0.15), ("NL", 0.12), ("IE", 0.08), ("GR", 0.15), ("FR", 0.1), ("CY", 0.1),
                    ]),
                .init(locale: "el", share: 0.47, countries: [("GR", 0.9), ("CY", 0.1)]),
                .init(
                    locale: "fa", share: 0.15,
                    countries: [("DE", 0.3), ("GR", 0.25), ("SE", 0.15), ("NL", 0.1), ("GB", 0.1), ("AT", 0.1)]),
            ],
            businessShare: 0.1, noEmailShare: 0.05, consentEmailShare: 0.75, consentTrackingShare: 0.6,
            numberedEmails: false, firstCreated: CalendarDay(year: 2023, month: 6, day: 1), lastCreated: Self.lastDay)
        let people = clientele.make(random: &customerRandom)
        let shoppers = people.map { PurchaseModel.Shopper(created: $0.created, isBusiness: $0.isBusiness) }

        var model = PurchaseModel(firstDay: Self.firstDay, lastDay: Self.lastDay, orderLines: orderLines)
        model.buyerShare = 0.88
        model.oneOffShare = 0.4
        model.coupons = [
            .init(
                code: "WELCOME10", percentOff: 10, validFrom: CalendarDay(year: 2024, month: 1, day: 1),
                validUntil: CalendarDay(year: 2027, month: 12, day: 31), firstOrderOnly: true, probability: 0.3)
        ]
        let history = model.simulate(
            products: modelProducts, shoppers: shoppers, categoryCount: categories.count, random: &orderRandom)
        let wishes = model.wishLists(
            count: wishLists, products: modelProducts, categoryCount: categories.count, shoppers: shoppers,
            history: history, random: &wishRandom)
        return StoreFolder(
            currency: "EUR", translatedLocales: ["el", "fa"], products: records, customers: people, history: history,
            couponCodes: model.coupons.map(\.code), wishLists: wishes,
            documents: [
                .init(file: "store.json", document: ExampleMarketing.store),
                .init(file: "segments.json", document: ExampleMarketing.segments),
                .init(file: "coupons.json", document: ExampleMarketing.coupons),
                .init(file: "campaigns.json", document: ExampleMarketing.campaigns),
            ])
    }

    private func productRecords(_ items: [ExampleCatalog.Item]) -> [ProductRecord] {
        var slugs = SlugRegistry()
        var isbn = 0
        return items.enumerated().map { index, item in
            var digits: [UInt8] = []
            ByteBuffer.appendPadded(index + 1, width: 3, to: &digits)
            let number = String(decoding: digits, as: UTF8.self)
            // Books carry their ISBN-13 (a GTIN); handmade pieces have none.
            var gtin = ""
            if item.category == ExampleCatalog.books {
                isbn += 1
                gtin = gtin13("978960" + String(418_200 + isbn * 17))
            } else if !item.tags.contains("handmade") {
                gtin = gtin13("5209900" + number + "00")
            }
            return ProductRecord(
                id: "p-\(number)", sku: item.sku, gtin: gtin, slug: slugs.slug(for: item.en.name), name: item.en.name,
                description: item.en.description, priceCents: item.priceCents, compareAtCents: item.compareAtCents,
                category: item.category, tags: item.tags, image: "", stock: item.stock, ratingTenths: item.ratingTenths,
                reviewCount: item.reviewCount, consumable: item.consumable,
                translations: [(item.el.name, item.el.description), (item.fa.name, item.fa.description)])
        }
    }
}
