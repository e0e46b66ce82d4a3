import Foundation
import SeededRandom

/// The reference workload W1 of SPEC §8: by default 10,000 products in 50 categories, 8 segments, 100,000
/// customers, 500,000 order lines over two years, 20,000 wish-list entries, 3 coupons and one campaign to all
/// segments. Every size is a parameter; the output depends only on them and the seed.
struct W1Workload {
    var seed: UInt64 = 1
    var products = 10_000
    var customers = 100_000
    var orderLines = 500_000
    var wishLists = 20_000

    static let lastDay = PurchaseModel.standardLastDay
    static let firstDay = PurchaseModel.standardFirstDay

    func makeStore() -> StoreFolder {
        let root = SplitMix64(seed: seed)
        var catalogueRandom = root.fork(1)
        var customerRandom = root.fork(2)
        var orderRandom = root.fork(3)
        var wishRandom = root.fork(4)

        let (records, modelProducts, categoryCount) = makeProducts(&catalogueRandom)
        let clientele = Clientele(
            count: customers,
            locales: [
                .init(
                    locale: "en", share: 0.5,
                    countries: [
                        ("GB", 0.3), ("DE", 0.15), ("NL", 0.12), ("IE", 0.1), ("GR", 0.1), ("US", 0.08), ("FR", 0.1),
                        ("CY", 0.05),
                    ]),
                .init(locale: "el", share: 0.35, countries: [("GR", 0.88), ("CY", 0.12)]),
                .init(
                    locale: "fa", share: 0.15,
                    countries: [("DE", 0.35), ("GR", 0.2), ("SE", 0.15), ("NL", 0.1), ("GB", 0.1), ("AT", 0.1)]),
            ],
            // SPEC §8: "one campaign to all consenting customers" reaching 100,000 recipients (issue 14's mail
            // workload): every W1 customer has an address and agreed to e-mail; tracking consent still varies.
            businessShare: 0.05, noEmailShare: 0, consentEmailShare: 1, consentTrackingShare: 0.6,
            numberedEmails: true, firstCreated: Self.firstDay - 540, lastCreated: Self.lastDay)
        let people = clientele.make(random: &customerRandom)
        let shoppers = people.map { PurchaseModel.Shopper(created: $0.created, isBusiness: $0.isBusiness) }

        var model = PurchaseModel(firstDay: Self.firstDay, lastDay: Self.lastDay, orderLines: orderLines)
        model.coupons = [
            .init(
                code: "WELCOME10", percentOff: 10, validFrom: CalendarDay(year: 2024, month: 1, day: 1),
                validUntil: CalendarDay(year: 2027, month: 12, day: 31), firstOrderOnly: true, probability: 0.25)
        ]
        let history = model.simulate(
            products: modelProducts, shoppers: shoppers, categoryCount: categoryCount, random: &orderRandom)
        let wishes = model.wishLists(
            count: wishLists, products: modelProducts, categoryCount: categoryCount, shoppers: shoppers,
            history: history, random: &wishRandom)
        return StoreFolder(
            currency: "EUR", translatedLocales: ["el", "fa"], products: records, customers: people, history: history,
            couponCodes: model.coupons.map(\.code), wishLists: wishes, documents: documents)
    }

    // MARK: - Catalogue

    private func makeProducts(_ random: inout SplitMix64)
        -> (records: [ProductRecord], model: [PurchaseModel.Product], categoryCount: Int)
    {
        typealias Vocabulary = W1Vocabulary
        let categories = Vocabulary.departments.flatMap { department in
            department.categories.map { (department: department, category: $0) }
        }
        // Category sizes vary around the mean (largest remainder, so they add up to `products`).
        let shares = categories.map { _ in 0.6 + 0.8 * random.unit() }
        let total = shares.reduce(0, +)
        var sizes = shares.map { Int(Double(products) * $0 / total) }
        var order = Array(categories.indices)
        order.sort { shares[$0] > shares[$1] }
        for index in 0..<(products - sizes.reduce(0, +)) { sizes[order[index % order.count]] += 1 }
        let categoryWeight = categories.map { _ in 0.4 + 1.6 * random.unit() }

        // (category, index within category), shuffled so that ids do not follow categories.
        var slots: [(category: Int, number: Int)] = []
        slots.reserveCapacity(products)
        for (category, size) in sizes.enumerated() { for number in 0..<size { slots.append((category, number)) } }
        random.shuffle(&slots)
        var ranks = Array(0..<products)
        random.shuffle(&ranks)

        let combinations = categories.map { entry in
            var all: [(collection: Int, variant: Int)] = []
            for collection in Vocabulary.collections.indices {
                for variant in Vocabulary.variants(entry.category.variant).indices { all.append((collection, variant)) }
            }
            return all
        }
        let shuffledCombinations = combinations.map { list -> [(collection: Int, variant: Int)] in
            var list = list
            random.shuffle(&list)
            return list
        }
        let width = max(5, String(products).count)
        var slugs = SlugRegistry()
        var records: [ProductRecord] = []
        var model: [PurchaseModel.Product] = []
        records.reserveCapacity(products)
        model.reserveCapacity(products)
        for (index, slot) in slots.enumerated() {
            let (department, category) = categories[slot.category]
            let choices = shuffledCombinations[slot.category]
            let combination = choices[slot.number % choices.count]
            let series = slot.number / choices.count
            let collection = Vocabulary.collections[combination.collection]
            let variant = Vocabulary.variants(category.variant)[combination.variant]
            let suffix =
                series == 0
                ? ("", "", "")
                : (" No. \(series + 1)", " Νο \(series + 1)", " شمارهٔ \(Vocabulary.persianDigits(series + 1))")
            let name = W1Vocabulary.Words(
                "\(category.noun.en) \(collection.en)\(suffix.0), \(variant.en)",
                "\(category.noun.el), σειρά \(collection.el)\(suffix.1), \(variant.el)",
                "\(category.noun.fa) مدل \(collection.fa)\(suffix.2)، \(variant.fa)")
            let closing = random.pick(Vocabulary.closings)
            let html = random.chance(0.25)
            // "<noun> from the <collection> collection." with the collection in bold in a quarter of them.
            func describe(_ lead: String, _ collection: String, _ tail: String, _ rest: String) -> String {
                html
                    ? "<p>\(lead) <strong>\(collection)</strong>\(tail)</p><p>\(rest)</p>"
                    : "\(lead) \(collection)\(tail) \(rest)"
            }
            let description = W1Vocabulary.Words(
                describe(
                    "\(category.noun.en) from the", collection.en, " collection.",
                    "\(department.sentence.en) \(closing.en)"),
                describe(
                    "\(category.noun.el) από τη σειρά", collection.el, ".", "\(department.sentence.el) \(closing.el)"),
                describe("\(category.noun.fa) از مجموعهٔ", collection.fa, ".", "\(department.sentence.fa) \(closing.fa)")
            )

            let price = Self.price(low: category.low, high: category.high, &random)
            let compareAt = random.chance(0.12) ? (price * (115 + random.below(30)) / 100 / 100 + 1) * 100 : nil
            let popularity = categoryWeight[slot.category] / pow(Double(ranks[index] + 5), 0.9)
            var tags: [String] = []
            if ranks[index] < products / 50 { tags.append("bestseller") }
            if category.consumable && random.chance(0.3) { tags.append("organic") }
            if random.chance(0.1) { tags.append("gift") }
            if random.chance(0.05) { tags.append("new") }
            if compareAt != nil { tags.append("sale") }
            let stockRoll = random.unit()
            let reviewed = random.chance(0.75)
            var digits: [UInt8] = []
            ByteBuffer.appendPadded(index + 1, width: width, to: &digits)
            let number = String(decoding: digits, as: UTF8.self)
            var gtinDigits: [UInt8] = Array("52012".utf8)
            ByteBuffer.appendPadded(index + 1, width: 7, to: &gtinDigits)
            records.append(
                ProductRecord(
                    id: "p-\(number)", sku: "\(department.code)-\(category.code)-\(number)",
                    gtin: random.chance(0.8) ? gtin13(String(decoding: gtinDigits, as: UTF8.self)) : "",
                    slug: slugs.slug(for: name.en), name: name.en, description: description.en, priceCents: price,
                    compareAtCents: compareAt, category: "\(department.name) > \(category.name)", tags: tags, image: "",
                    stock: stockRoll < 0.06 ? 0 : stockRoll < 0.28 ? nil : min(999, Int(random.pareto(alpha: 1.2) * 8)),
                    ratingTenths: reviewed ? 50 - Int(18 * random.unit() * random.unit()) : nil,
                    reviewCount: reviewed ? min(2000, Int(random.pareto(alpha: 1.1) * 3)) : 0,
                    consumable: category.consumable,
                    translations: [(name.el, description.el), (name.fa, description.fa)]))
            model.append(
                PurchaseModel.Product(
                    category: slot.category, priceCents: price, compareAtCents: compareAt,
                    consumable: category.consumable, popularity: popularity, companions: []))
        }
        linkCompanions(&model, categories: categories.map(\.category.name), random: &random)
        return (records, model, categories.count)
    }

    /// A price in the category's range, ending in .90, .50 or .00.
    private static func price(low: Int, high: Int, _ random: inout SplitMix64) -> Int {
        let euros = exp(log(Double(low)) + random.unit() * (log(Double(high)) - log(Double(low))))
        return max(150, Int(euros) * 100 + random.pick([90, 90, 90, 50, 0]))
    }

    /// Products bought together: neighbours in popularity within a category, in groups of three, plus products of
    /// similar rank in the complementary categories.
    private func linkCompanions(
        _ products: inout [PurchaseModel.Product], categories: [String], random: inout SplitMix64
    ) {
        var members = Array(repeating: [Int](), count: categories.count)
        for (index, product) in products.enumerated() { members[product.category].append(index) }
        for index in members.indices { members[index].sort { products[$0].popularity > products[$1].popularity } }
        var partners = Array(repeating: [Int](), count: categories.count)
        for (left, right) in W1Vocabulary.complements {
            guard let a = categories.firstIndex(of: left), let b = categories.firstIndex(of: right) else { continue }
            partners[a].append(b)
            partners[b].append(a)
        }
        for category in members.indices {
            let list = members[category]
            for (position, product) in list.enumerated() {
                let groupStart = position / 3 * 3
                var companions = list[groupStart..<min(list.count, groupStart + 3)].filter { $0 != product }
                for partner in partners[category] where !members[partner].isEmpty {
                    let others = members[partner]
                    let near = position * others.count / max(1, list.count)
                    companions.append(others[min(others.count - 1, max(0, near + random.int(in: -1...1)))])
                }
                products[product].companions = companions
            }
        }
    }

    // MARK: - Store settings, segments, coupons, campaign

    private var documents: [StoreFolder.NamedDocument] {
        [
            .init(file: "store.json", document: store), .init(file: "segments.json", document: segments),
            .init(file: "coupons.json", document: coupons), .init(file: "campaigns.json", document: campaigns),
        ]
    }

    private var store: JSONDocument {
        .object([
            ("name", .string("W1 Reference Store")), ("base_url", .string("https://w1.example.com")),
            ("currency", .string("EUR")), ("default_locale", .string("en")),
            ("locales", .array([.string("en"), .string("el"), .string("fa")])), ("vat_percent", .string("24")),
            (
                "sender",
                .object([("name", .string("W1 Reference Store")), ("address", .string("news@w1.example.com"))])
            ),
            ("reply_to", .string("help@w1.example.com")),
            ("postal_address", .string("Ermou 12, 105 63 Athens, Greece")), ("theme", .string("default")),
            ("secret", .object([("env", .string("VITRINE_SECRET"))])),
            ("privacy", .object([("track_opens", .bool(true)), ("attribution_days", .number("7"))])),
        ])
    }

    private var segments: JSONDocument {
        func segment(_ id: String, _ name: String, rule: String?, extra: [(String, JSONDocument)] = []) -> JSONDocument
        {
            var members: [(String, JSONDocument)] = [("id", .string(id)), ("name", .string(name))]
            if let rule { members.append(("rule", .string(rule))) }
            return .object(members + extra)
        }
        return .array([
            segment(
                "vip", "VIP", rule: "monetary_rank <= 0.2",
                extra: [
                    ("pricing", .object([("percent_off", .string("10"))])),
                    ("featured_categories", .array([.string("Tea > Green"), .string("Kitchen > Knives")])),
                    ("coupon", .string("VIP10")),
                    (
                        "banner",
                        .localized([
                            ("en", "Thank you for being one of our best customers"),
                            ("el", "Σας ευχαριστούμε που είστε από τους καλύτερους πελάτες μας"),
                            ("fa", "سپاسگزاریم که از بهترین مشتریان ما هستید"),
                        ])
                    ),
                ]),
            segment(
                "business", "Business buyers", rule: "\"b2b\" in tags",
                extra: [("pricing", .object([("prices_without_vat", .bool(true))]))]),
            segment("new", "New customers", rule: "orders <= 1 and first_order > 60 days ago"),
            segment("at-risk", "At risk", rule: "lifecycle == \"at_risk\""),
            segment("lapsed", "Lapsed customers", rule: "days_since_last_order > 180"),
            segment("greek", "Greek-speaking", rule: "locale == \"el\"", extra: [("locale", .string("el"))]),
            segment("persian", "Persian-speaking", rule: "locale == \"fa\"", extra: [("locale", .string("fa"))]),
            segment("everyone", "Everyone else", rule: nil),
        ])
    }

    private var coupons: JSONDocument {
        .array([
            .object([
                ("id", .string("VIP10")), ("kind", .string("segment")), ("code", .string("VIP10")),
                ("discount", .object([("percent", .string("10"))])), ("minimum_spend", .string("30.00")),
                ("valid_from", .string("2026-11-01")), ("valid_until", .string("2026-12-31")),
            ]),
            .object([
                ("id", .string("THANKS5")), ("kind", .string("unique")), ("code_prefix", .string("TY-")),
                ("discount", .object([("amount", .string("5.00"))])), ("minimum_spend", .string("25.00")),
                ("valid_from", .string("2026-11-15")), ("valid_until", .string("2027-01-31")),
            ]),
            .object([
                ("id", .string("WELCOME10")), ("kind", .string("segment")), ("code", .string("WELCOME10")),
                ("discount", .object([("percent", .string("10"))])),
                ("valid_from", .string("2024-01-01")), ("valid_until", .string("2027-12-31")),
            ]),
        ])
    }

    private var campaigns: JSONDocument {
        .array([
            .object([
                ("id", .string("winter-2026")),
                (
                    "segments",
                    .array(
                        ["vip", "business", "new", "at-risk", "lapsed", "greek", "persian", "everyone"].map {
                            .string($0)
                        })
                ),
                ("template", .string("newsletter")), ("coupon", .string("THANKS5")),
                (
                    "subject",
                    .localized([
                        ("en", "Winter is here: new arrivals and a gift for you"),
                        ("el", "Ήρθε ο χειμώνας: νέες αφίξεις και ένα δώρο για εσάς"),
                        ("fa", "زمستان از راه رسید: محصولات تازه و هدیه‌ای برای شما"),
                    ])
                ),
                (
                    "preheader",
                    .localized([
                        ("en", "Five euros off your next order, until 31 January"),
                        ("el", "Πέντε ευρώ έκπτωση στην επόμενη παραγγελία σας, έως τις 31 Ιανουαρίου"),
                        ("fa", "پنج یورو تخفیف برای سفارش بعدی شما، تا ۳۱ ژانویه"),
                    ])
                ),
                ("send_date", .string("2026-11-20")),
            ])
        ])
    }
}
