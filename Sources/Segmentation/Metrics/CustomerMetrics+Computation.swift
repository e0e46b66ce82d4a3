import Store
import TextFormats

extension CustomerMetrics {
    /// The metrics of every customer of `store` as the store stood on `asOf`'s day (orders of later days are left
    /// out); `asOf` defaults to the newest order line's date.
    public init(store: LoadedStore, asOf: Timestamp? = nil, engagement: Engagement? = nil) {
        self.init(
            customers: store.customers, products: store.products, orders: store.orders, asOf: asOf,
            engagement: engagement)
    }

    /// The metrics from the parts of a store (the UCI evaluation builds these without a store folder).
    ///
    /// One streaming pass over the order lines fills the per-customer columns; a second pass over the same lines,
    /// bucketed by customer, gives category affinity without any dictionary on the per-line path.
    public init(
        customers: [Customer], products: [Product], orders lines: [OrderLine], asOf: Timestamp? = nil,
        engagement: Engagement? = nil
    ) {
        let customerCount = customers.count
        var orders = [Int32](repeating: 0, count: customerCount)
        var monetary = [Int64](repeating: 0, count: customerCount)
        var firstOrderDay = [Int32](repeating: Self.noDay, count: customerCount)
        var lastOrderDay = [Int32](repeating: Self.noDay, count: customerCount)
        var completedLines = [Int32](repeating: 0, count: customerCount)
        // Lines of one order are written together and share the id, so comparing with the customer's previous
        // order id counts distinct orders even when other customers' lines interleave (files sorted by date).
        var previousOrderID = [String?](repeating: nil, count: customerCount)
        var newest = Int64.min
        // Orders after the as-of day did not exist yet on that day.
        let lastDay = asOf.map { $0.day } ?? Int64.max

        lines.withUnsafeBufferPointer { lines in
            for line in lines {
                newest = max(newest, line.date.secondsSince1970)
                guard line.status == .completed, line.date.day <= lastDay else { continue }
                let customer = Int(line.customer)
                let day = Int32(line.date.day)
                monetary[customer] += line.revenue.minorUnits
                completedLines[customer] += 1
                if firstOrderDay[customer] == Self.noDay || day < firstOrderDay[customer] {
                    firstOrderDay[customer] = day
                }
                if day > lastOrderDay[customer] { lastOrderDay[customer] = day }
                if previousOrderID[customer] != line.orderID {
                    orders[customer] += 1
                    previousOrderID[customer] = line.orderID
                }
            }
        }
        let asOf = asOf ?? Timestamp(secondsSince1970: newest == Int64.min ? 0 : newest)
        let asOfDay = Int32(asOf.day)

        let hasOrders = orders.map { $0 > 0 }
        let recencyScore = QuintileScore.scores(lastOrderDay.map { Int64($0) }, included: hasOrders)
        let frequencyScore = QuintileScore.scores(orders.map { Int64($0) }, included: hasOrders)
        let monetaryScore = QuintileScore.scores(monetary, included: hasOrders)
        let monetaryRank = QuintileScore.ranks(monetary, included: hasOrders)

        var projectedLTV = [Int64](repeating: 0, count: customerCount)
        var lifecycle = [Lifecycle](repeating: .lapsed, count: customerCount)
        for customer in 0..<customerCount {
            let created = Int32(customers[customer].created.day)
            if hasOrders[customer] {
                let tenure = asOfDay - firstOrderDay[customer]
                let recency = asOfDay - lastOrderDay[customer]
                projectedLTV[customer] = Self.projectedLifetimeValue(
                    monetary: monetary[customer], tenureDays: tenure, recencyDays: recency)
                lifecycle[customer] = Lifecycle.classify(
                    tenureDays: tenure, recencyDays: recency, daysSinceCreated: asOfDay - created)
            } else {
                lifecycle[customer] = Lifecycle.classify(
                    tenureDays: nil, recencyDays: nil, daysSinceCreated: asOfDay - created)
            }
        }

        self.asOf = asOf
        self.orders = orders
        self.monetary = monetary
        self.firstOrderDay = firstOrderDay
        self.lastOrderDay = lastOrderDay
        self.recencyScore = recencyScore
        self.frequencyScore = frequencyScore
        self.monetaryScore = monetaryScore
        self.monetaryRank = monetaryRank
        self.projectedLTV = projectedLTV
        self.lifecycle = lifecycle
        self.affinity = Self.categoryAffinity(
            products: products, lines: lines, lastDay: lastDay, completedLines: completedLines, monetary: monetary)
        self.engagement = engagement ?? Engagement(customerCount: customerCount)
    }

    /// Spend per top-level category over spend in total, per customer.
    private static func categoryAffinity(
        products: [Product], lines: [OrderLine], lastDay: Int64, completedLines: [Int32], monetary: [Int64]
    ) -> CategoryAffinity {
        var categoryNames: [String] = []
        var categoryOfName: [String: Int32] = [:]
        var categoryOfProduct = [Int32](repeating: 0, count: products.count)
        for (index, product) in products.enumerated() {
            let name = product.topCategory
            if let known = categoryOfName[name] {
                categoryOfProduct[index] = known
            } else {
                let id = Int32(categoryNames.count)
                categoryNames.append(name)
                categoryOfName[name] = id
                categoryOfProduct[index] = id
            }
        }

        // Bucket the completed lines by customer (a counting sort): bucket c is start[c]..<start[c + 1].
        let customerCount = completedLines.count
        var start = [Int](repeating: 0, count: customerCount + 1)
        for customer in 0..<customerCount { start[customer + 1] = start[customer] + Int(completedLines[customer]) }
        var cursor = Array(start.dropLast())
        var bucketCategory = [Int32](repeating: 0, count: start[customerCount])
        var bucketRevenue = [Int64](repeating: 0, count: start[customerCount])
        lines.withUnsafeBufferPointer { lines in
            for line in lines where line.status == .completed && line.date.day <= lastDay {
                let customer = Int(line.customer)
                bucketCategory[cursor[customer]] = categoryOfProduct[Int(line.product)]
                bucketRevenue[cursor[customer]] = line.revenue.minorUnits
                cursor[customer] += 1
            }
        }

        var offsets = [Int32](repeating: 0, count: customerCount + 1)
        var categories: [Int32] = []
        var shares: [Double] = []
        var spend = [Int64](repeating: 0, count: categoryNames.count)
        var touched: [Int32] = []
        for customer in 0..<customerCount {
            let total = monetary[customer]
            if total > 0 {
                for entry in start[customer]..<start[customer + 1] {
                    let category = Int(bucketCategory[entry])
                    if spend[category] == 0 { touched.append(Int32(category)) }
                    spend[category] += bucketRevenue[entry]
                }
                touched.sort()
                for category in touched {
                    if spend[Int(category)] > 0 {
                        categories.append(category)
                        shares.append(Double(spend[Int(category)]) / Double(total))
                    }
                    spend[Int(category)] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
            offsets[customer + 1] = Int32(categories.count)
        }
        return CategoryAffinity(categoryNames: categoryNames, offsets: offsets, categories: categories, shares: shares)
    }
}
