import Store
import TextFormats

/// Who bought what, as a binary customers × products matrix stored twice in compressed sparse rows:
///
///     customer c → items   customerItems[customerOffsets[c] ..< customerOffsets[c + 1]]   sorted, distinct
///                          customerItemDays[same range]: the last day (since 1970) c bought that item
///     item i → customers   itemCustomers[itemOffsets[i] ..< itemOffsets[i + 1]]           sorted, distinct
///
/// Only completed lines count (a returned item was not kept). Memory is linear in distinct (customer, item) pairs;
/// there is never a dense customers × products or products × products table.
public struct PurchaseMatrix: Sendable {
    public let customerCount: Int
    public let productCount: Int
    public let customerOffsets: [Int32]
    public let customerItems: [Int32]
    public let customerItemDays: [Int32]
    public let itemOffsets: [Int32]
    public let itemCustomers: [Int32]

    /// The matrix of `orders`' completed lines dated before `before` (all when nil).
    public init(customerCount: Int, productCount: Int, orders: [OrderLine], before: Timestamp? = nil) {
        let limit = before?.secondsSince1970 ?? Int64.max
        // Counting sort of the lines by customer.
        var counts = [Int32](repeating: 0, count: customerCount + 1)
        for line in orders where line.status == .completed && line.date.secondsSince1970 < limit {
            counts[Int(line.customer) + 1] += 1
        }
        for index in 0..<customerCount { counts[index + 1] += counts[index] }
        var cursor = Array(counts.dropLast())
        var items = [Int32](repeating: 0, count: Int(counts[customerCount]))
        var days = [Int32](repeating: 0, count: Int(counts[customerCount]))
        for line in orders where line.status == .completed && line.date.secondsSince1970 < limit {
            let customer = Int(line.customer)
            items[Int(cursor[customer])] = line.product
            days[Int(cursor[customer])] = Int32(line.date.day)
            cursor[customer] += 1
        }
        // Sort each customer's run by item and keep one entry per item with its latest day.
        var offsets = [Int32](repeating: 0, count: customerCount + 1)
        var write = 0
        var run: [(item: Int32, day: Int32)] = []
        for customer in 0..<customerCount {
            run.removeAll(keepingCapacity: true)
            for entry in Int(counts[customer])..<Int(counts[customer + 1]) { run.append((items[entry], days[entry])) }
            run.sort { $0.item != $1.item ? $0.item < $1.item : $0.day < $1.day }
            var index = 0
            while index < run.count {
                var last = index
                while last + 1 < run.count, run[last + 1].item == run[index].item { last += 1 }
                items[write] = run[index].item
                days[write] = run[last].day
                write += 1
                index = last + 1
            }
            offsets[customer + 1] = Int32(write)
        }
        items.removeLast(items.count - write)
        days.removeLast(days.count - write)
        self.init(customerCount: customerCount, productCount: productCount, offsets: offsets, items: items, days: days)
    }

    /// From a finished customer → items table (sorted, distinct per customer).
    public init(customerCount: Int, productCount: Int, offsets: [Int32], items: [Int32], days: [Int32]) {
        self.customerCount = customerCount
        self.productCount = productCount
        self.customerOffsets = offsets
        self.customerItems = items
        self.customerItemDays = days
        var itemOffsets = [Int32](repeating: 0, count: productCount + 1)
        for item in items { itemOffsets[Int(item) + 1] += 1 }
        for index in 0..<productCount { itemOffsets[index + 1] += itemOffsets[index] }
        var cursor = Array(itemOffsets.dropLast())
        var itemCustomers = [Int32](repeating: 0, count: items.count)
        // Customers are visited in order, so each item's run comes out sorted.
        for customer in 0..<customerCount {
            for entry in Int(offsets[customer])..<Int(offsets[customer + 1]) {
                let item = Int(items[entry])
                itemCustomers[Int(cursor[item])] = Int32(customer)
                cursor[item] += 1
            }
        }
        self.itemOffsets = itemOffsets
        self.itemCustomers = itemCustomers
    }

    public func items(of customer: Int) -> ArraySlice<Int32> {
        customerItems[Int(customerOffsets[customer])..<Int(customerOffsets[customer + 1])]
    }

    public func customers(of item: Int) -> ArraySlice<Int32> {
        itemCustomers[Int(itemOffsets[item])..<Int(itemOffsets[item + 1])]
    }

    /// Distinct buyers of an item.
    public func buyerCount(of item: Int) -> Int { Int(itemOffsets[item + 1] - itemOffsets[item]) }

    /// Whether `customer` bought `item` (binary search in their sorted run).
    public func owns(customer: Int, item: Int32) -> Bool {
        var low = Int(customerOffsets[customer])
        var high = Int(customerOffsets[customer + 1])
        while low < high {
            let mid = (low + high) / 2
            if customerItems[mid] < item { low = mid + 1 } else { high = mid }
        }
        return low < Int(customerOffsets[customer + 1]) && customerItems[low] == item
    }
}
