import Foundation
import SeededRandom

extension PurchaseModel {
    /// Relative order volume per month (January first): quiet summers, a November and December peak.
    static let monthWeights: [Double] = [0.85, 0.75, 0.9, 0.95, 0.95, 0.85, 0.75, 0.7, 0.95, 1.0, 1.45, 1.6]
    /// Relative order volume per hour of the day (UTC): evenings are busiest.
    static let hourWeights: [Double] = [
        0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.6, 1.0, 1.4, 1.6, 1.7, 1.8,
        1.9, 1.8, 1.6, 1.6, 1.7, 2.0, 2.4, 2.8, 3.0, 2.7, 1.8, 0.9,
    ]
    /// Lines per order: 1 to 5, mean about 2.1.
    static let lineCountWeights: [Double] = [0.44, 0.25, 0.15, 0.09, 0.07]

    /// Runs the model: every random choice is drawn from `random`, so the history is fixed by its seed.
    func simulate(products: [Product], shoppers: [Shopper], categoryCount: Int, random: inout SplitMix64)
        -> PurchaseHistory
    {
        var history = PurchaseHistory()
        history.tastes = Array(repeating: [], count: shoppers.count)
        history.bought = Array(repeating: [], count: shoppers.count)
        guard orderLines > 0, !products.isEmpty, !shoppers.isEmpty, firstDay <= lastDay else { return history }

        let catalogue = Catalogue(products: products, categoryCount: categoryCount)
        // A basket never holds the same product twice, so a tiny catalogue means smaller baskets and more orders.
        let maximumBasket = min(Self.lineCountWeights.count, products.count)
        var timelines = plan(shoppers: shoppers, maximumBasket: maximumBasket, random: &random)
        let lineCounts = basketSizes(
            orderCount: timelines.reduce(0) { $0 + $1.days.count }, maximumBasket: maximumBasket, random: &random)

        history.lineProduct.reserveCapacity(orderLines)
        history.lineQuantity.reserveCapacity(orderLines)
        history.lineUnitCents.reserveCapacity(orderLines)
        history.lineStatus.reserveCapacity(orderLines)
        var orderIndex = 0
        for customer in timelines.indices where !timelines[customer].days.isEmpty {
            timelines[customer].days.sort()
            let taste = catalogue.taste(&random)
            history.tastes[customer] = taste.categories
            var pastConsumables: [Int] = []
            for (number, day) in timelines[customer].days.enumerated() {
                let firstLine = history.lineProduct.count
                let coupon = couponIndex(day: day, isFirstOrder: number == 0, random: &random)
                let cancelled = random.chance(0.015)
                var basket: [Int] = []
                for position in 0..<lineCounts[orderIndex] {
                    let product = pickProduct(
                        position: position, basket: basket, taste: taste, pastConsumables: pastConsumables,
                        catalogue: catalogue, random: &random)
                    basket.append(product)
                    let item = products[product]
                    history.lineProduct.append(Int32(product))
                    history.lineQuantity.append(
                        Int32(quantity(of: item, isBusiness: shoppers[customer].isBusiness, random: &random)))
                    history.lineUnitCents.append(Int32(unitCents(of: item, day: day, coupon: coupon)))
                    let returned = !cancelled && lastDay - day > 14 && random.chance(0.02)
                    history.lineStatus.append(cancelled ? .cancelled : returned ? .returned : .completed)
                    if item.consumable && !pastConsumables.contains(product) { pastConsumables.append(product) }
                    history.bought[customer].insert(Int32(product))
                }
                history.orders.append(
                    PurchaseHistory.Order(
                        customer: Int32(customer), day: Int32(day.number), second: Int32(second(&random)),
                        firstLine: Int32(firstLine), lineCount: Int32(basket.count), coupon: Int32(coupon ?? -1),
                        cancelled: cancelled))
                orderIndex += 1
            }
        }
        history.orders.sort { lhs, rhs in
            (lhs.day, lhs.second, lhs.customer) < (rhs.day, rhs.second, rhs.customer)
        }
        return history
    }

    // MARK: - Who orders, how often, and when

    private struct Timeline {
        var days: [CalendarDay] = []
    }

    /// Decides each customer's number of orders and their days, so that the order count matches
    /// `orderLines / mean basket size`.
    private func plan(shoppers: [Shopper], maximumBasket: Int, random: inout SplitMix64) -> [Timeline] {
        let meanBasket = Self.lineCountWeights.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * $1.element }
        let targetOrders = max(
            1, Int((Double(orderLines) / meanBasket).rounded()), (orderLines + maximumBasket - 1) / maximumBasket)

        // Activity window and weight per buyer.
        var windows: [(start: CalendarDay, end: CalendarDay)?] = []
        var weights: [Double] = []
        windows.reserveCapacity(shoppers.count)
        weights.reserveCapacity(shoppers.count)
        var buyers = 0
        for shopper in shoppers {
            // Most first orders come on the day of sign-up, some within a month; a recent account may not have
            // ordered yet.
            let start: CalendarDay =
                shopper.created >= firstDay
                ? shopper.created + (random.chance(0.6) ? 0 : random.below(30))
                : firstDay + random.below(max(1, (lastDay - firstDay) / 3))
            guard start <= lastDay, random.chance(buyerShare), buyers < targetOrders else {
                windows.append(nil)
                weights.append(0)
                continue
            }
            buyers += 1
            var end = lastDay
            let fate = random.unit()
            if fate < lapsedShare, lastDay - start > 200 {
                end = start + random.below(lastDay - 181 - start)
            } else if fate < lapsedShare + atRiskShare, lastDay - start > 100 {
                end = max(start, lastDay - 90 - random.below(90))
            }
            windows.append((start, end))
            // A buying rate: orders in proportion to the rate and to how long the customer has been active.
            let boost = shopper.isBusiness ? 1.8 : 1.0
            let activeShare = Double(end - start + 30) / Double(lastDay - firstDay + 30)
            weights.append(random.chance(oneOffShare) ? 0 : random.pareto(alpha: activityAlpha) * boost * activeShare)
        }

        // One order each, then the rest in proportion to the weights, capped at about one order a week.
        var counts = windows.map { $0 == nil ? 0 : 1 }
        let caps = windows.map { window in window.map { 1 + ($0.end - $0.start) / 6 } ?? 0 }
        for _ in 0..<6 {
            let deficit = targetOrders - counts.reduce(0, +)
            guard deficit > 0 else { break }
            var open = 0.0
            for index in counts.indices where counts[index] < caps[index] { open += weights[index] }
            guard open > 0 else { break }
            // Never more orders than the target, so that every order keeps at least one line.
            var remaining = deficit
            for index in counts.indices where counts[index] < caps[index] && weights[index] > 0 && remaining > 0 {
                let extra = min(remaining, random.stochasticRound(Double(deficit) * weights[index] / open))
                let added = min(caps[index], counts[index] + extra) - counts[index]
                counts[index] += added
                remaining -= added
            }
        }

        // What the weights could not place (one-off buyers have none): any buyer with room, at random.
        var deficit = targetOrders - counts.reduce(0, +)
        var open = counts.indices.filter { counts[$0] > 0 && counts[$0] < caps[$0] }
        while deficit > 0 && !open.isEmpty {
            let slot = random.below(open.count)
            counts[open[slot]] += 1
            deficit -= 1
            if counts[open[slot]] >= caps[open[slot]] { open.swapAt(slot, open.count - 1); open.removeLast() }
        }

        return windows.indices.map { index in
            guard let window = windows[index] else { return Timeline() }
            var timeline = Timeline()
            timeline.days.reserveCapacity(counts[index])
            timeline.days.append(window.start)
            for _ in 1..<max(1, counts[index]) {
                timeline.days.append(seasonalDay(in: window.start...window.end, random: &random))
            }
            // Some one-off buyers signed up a while before their only order.
            if counts[index] == 1, random.chance(0.3) {
                let later = window.start + random.below(120)
                if later <= window.end { timeline.days[0] = later }
            }
            return timeline
        }
    }

    /// A day in `range`, more likely in busy months.
    private func seasonalDay(in range: ClosedRange<CalendarDay>, random: inout SplitMix64) -> CalendarDay {
        let span = range.upperBound - range.lowerBound + 1
        while true {
            let day = range.lowerBound + random.below(span)
            if random.unit() * 1.6 < Self.monthWeights[day.civil.month - 1] { return day }
        }
    }

    private func second(_ random: inout SplitMix64) -> Int {
        let hour = Self.hourIndex.draw(&random)
        return hour * 3600 + random.below(3600)
    }

    private static let hourIndex = WeightedIndex(weights: hourWeights)

    /// Lines per order, adjusted so that they add up to exactly `orderLines`.
    private func basketSizes(orderCount: Int, maximumBasket: Int, random: inout SplitMix64) -> [Int] {
        guard orderCount > 0 else { return [] }
        let sizes = WeightedIndex(weights: Self.lineCountWeights)
        var counts = (0..<orderCount).map { _ in min(maximumBasket, 1 + sizes.draw(&random)) }
        var difference = orderLines - counts.reduce(0, +)
        var limit = maximumBasket
        var attempts = 0
        while difference != 0 {
            let index = random.below(orderCount)
            if difference > 0, counts[index] < limit {
                counts[index] += 1
                difference -= 1
            } else if difference < 0, counts[index] > 1 {
                counts[index] -= 1
                difference += 1
            }
            attempts += 1
            // Too few orders for the lines (a tiny history): let baskets grow past five.
            if attempts > 50 * orderCount + 1000 {
                limit += 5
                attempts = 0
            }
        }
        return counts
    }

    // MARK: - What goes in the basket

    private func pickProduct(
        position: Int, basket: [Int], taste: Catalogue.Taste, pastConsumables: [Int], catalogue: Catalogue,
        random: inout SplitMix64
    ) -> Int {
        for attempt in 0..<12 {
            var candidate: Int
            let roll = random.unit()
            if position == 0 && !pastConsumables.isEmpty && roll < repeatShare {
                candidate = random.pick(pastConsumables)
            } else if position > 0 && roll < bundleShare,
                case let companions = catalogue.products[basket[random.below(basket.count)]].companions,
                !companions.isEmpty
            {
                candidate = random.pick(companions)
            } else if attempt < 10 && random.chance(tasteShare) {
                candidate = catalogue.product(inCategory: taste.draw(&random), random: &random)
            } else {
                candidate = catalogue.popular.draw(&random)
            }
            if !basket.contains(candidate) { return candidate }
        }
        // A basket of the whole (tiny) catalogue: any product not yet in it.
        return (0..<catalogue.products.count).first { !basket.contains($0) } ?? 0
    }

    private func quantity(of product: Product, isBusiness: Bool, random: inout SplitMix64) -> Int {
        var quantity: Int
        if product.consumable {
            let roll = random.unit()
            quantity = roll < 0.6 ? 1 : roll < 0.85 ? 2 : roll < 0.95 ? 3 : 4 + random.below(3)
        } else {
            let roll = random.unit()
            quantity = roll < 0.88 ? 1 : roll < 0.98 ? 2 : 3
        }
        if isBusiness { quantity *= 2 + random.below(product.consumable ? 5 : 2) }
        return quantity
    }

    /// What was paid per unit on `day`: the price of the time (about 4% a year lower before `lastDay`; the
    /// compare-at price before a sale started), less a coupon's percentage. Integer cents throughout.
    private func unitCents(of product: Product, day: CalendarDay, coupon: Int?) -> Int {
        let age = lastDay - day
        var cents = product.priceCents
        if let compareAt = product.compareAtCents, age > 45 { cents = compareAt }
        if age > 30 {
            let inflation = age * 4 * cents / (365 * 100)
            cents = max(10, (cents - inflation + 5) / 10 * 10)
        }
        if let coupon { cents = (cents * (100 - coupons[coupon].percentOff) + 50) / 100 }
        return cents
    }

    private func couponIndex(day: CalendarDay, isFirstOrder: Bool, random: inout SplitMix64) -> Int? {
        for (index, coupon) in coupons.enumerated()
        where day >= coupon.validFrom && day <= coupon.validUntil && (isFirstOrder || !coupon.firstOrderOnly)
            && random.chance(coupon.probability)
        {
            return index
        }
        return nil
    }
}

/// Sampling tables over the products: overall popularity and popularity within each category.
struct Catalogue {
    let products: [PurchaseModel.Product]
    let popular: WeightedIndex
    let members: [[Int]]
    let memberIndex: [WeightedIndex]
    let categoryIndex: WeightedIndex

    init(products: [PurchaseModel.Product], categoryCount: Int) {
        self.products = products
        popular = WeightedIndex(weights: products.map(\.popularity))
        var members = Array(repeating: [Int](), count: categoryCount)
        for (index, product) in products.enumerated() { members[product.category].append(index) }
        self.members = members
        memberIndex = members.map { WeightedIndex(weights: $0.map { products[$0].popularity }) }
        categoryIndex = WeightedIndex(weights: members.map { $0.reduce(0) { $0 + products[$1].popularity } })
    }

    /// A customer's liking for one to three categories, drawn by the categories' popularity.
    struct Taste {
        var categories: [Int]
        var weights: WeightedIndex

        func draw(_ random: inout SplitMix64) -> Int { categories[weights.draw(&random)] }
    }

    func taste(_ random: inout SplitMix64) -> Taste {
        let wanted = 1 + WeightedIndex(weights: [0.45, 0.35, 0.2]).draw(&random)
        var categories: [Int] = []
        for _ in 0..<(wanted * 4) where categories.count < wanted {
            let category = categoryIndex.draw(&random)
            if !categories.contains(category) { categories.append(category) }
        }
        let weights = [0.6, 0.28, 0.12].prefix(categories.count)
        return Taste(categories: categories, weights: WeightedIndex(weights: Array(weights)))
    }

    func product(inCategory category: Int, random: inout SplitMix64) -> Int {
        guard !members[category].isEmpty else { return popular.draw(&random) }
        return members[category][memberIndex[category].draw(&random)]
    }
}
