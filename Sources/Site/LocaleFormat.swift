import Foundation
import Store
import TextFormats

/// How one locale writes numbers, money and dates, read from the theme's string table so a theme (not this
/// code) decides: `number_decimal`, `number_group`, `number_digits` (the ten digits, `0123456789` or
/// `۰۱۲۳۴۵۶۷۸۹`), `money_pattern` (`{symbol}{amount}`, `{amount} {symbol}`), `date_pattern`
/// (`{day} {month} {year}`) and `month_1` … `month_12`. Amounts are integer minor units throughout.
package struct LocaleFormat: Sendable {
    var decimal: [UInt8]
    var group: [UInt8]
    /// The UTF-8 bytes of each digit 0–9.
    var digits: [[UInt8]]
    var moneyPattern: String
    var datePattern: String
    var months: [String]

    init(strings: [String: String]) {
        decimal = Array((strings["number_decimal"] ?? ".").utf8)
        group = Array((strings["number_group"] ?? ",").utf8)
        let digitScalars = Array((strings["number_digits"] ?? "0123456789").unicodeScalars)
        digits =
            digitScalars.count == 10
            ? digitScalars.map { Array(String($0).utf8) } : (0..<10).map { [UInt8(ascii: "0") + UInt8($0)] }
        moneyPattern = strings["money_pattern"] ?? "{symbol}{amount}"
        datePattern = strings["date_pattern"] ?? "{year}-{month}-{day}"
        months = (1...12).map { strings["month_\($0)"] ?? String($0) }
    }

    /// `1234` → `1,234` (grouped by thousands, in the locale's digits).
    package func integer(_ value: Int64) -> String {
        var out: [UInt8] = []
        appendInteger(value, grouped: true, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Digits only, no grouping (years, page numbers).
    package func plain(_ value: Int64) -> String {
        var out: [UInt8] = []
        appendInteger(value, grouped: false, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `4.8` for 48 tenths.
    func tenths(_ value: Int64) -> String {
        var out: [UInt8] = []
        appendInteger(value / 10, grouped: false, to: &out)
        out += decimal
        out += digits[Int(value % 10)]
        return String(decoding: out, as: UTF8.self)
    }

    /// `€12.90`, `12,90 €`, `۱۲٫۹۰ €`.
    package func money(_ money: Money, currency: String) -> String {
        var amount: [UInt8] = []
        if money.minorUnits < 0 { amount.append(UInt8(ascii: "-")) }
        let magnitude = Int64(money.minorUnits.magnitude)
        appendInteger(magnitude / 100, grouped: true, to: &amount)
        amount += decimal
        amount += digits[Int(magnitude % 100 / 10)]
        amount += digits[Int(magnitude % 10)]
        return
            moneyPattern
            .replacingAll("{amount}", with: String(decoding: amount, as: UTF8.self))
            .replacingAll("{symbol}", with: Self.symbol(of: currency))
    }

    /// `31 December 2026` (the pattern and month names of the locale).
    package func date(_ timestamp: Timestamp) -> String {
        let civil = CivilDate.from(daysSince1970: timestamp.day)
        return
            datePattern
            .replacingAll("{day}", with: plain(civil.day))
            .replacingAll("{month}", with: months[Int(civil.month) - 1])
            .replacingAll("{year}", with: plain(civil.year))
    }

    private func appendInteger(_ value: Int64, grouped: Bool, to out: inout [UInt8]) {
        let text = Array(String(value.magnitude).utf8)
        if value < 0 { out.append(UInt8(ascii: "-")) }
        for (index, byte) in text.enumerated() {
            if grouped, index > 0, (text.count - index) % 3 == 0 { out += group }
            out += digits[Int(byte - UInt8(ascii: "0"))]
        }
    }

    /// The sign shoppers know for the few currencies that have one everyone reads; the ISO code otherwise.
    static func symbol(of currency: String) -> String {
        switch currency {
        case "EUR": "€"
        case "USD": "$"
        case "GBP": "£"
        case "JPY": "¥"
        default: currency
        }
    }
}

extension String {
    /// Every occurrence of `placeholder` replaced, scanning bytes (a theme string holds one or two; no Foundation
    /// search per call on the hot path).
    func replacingAll(_ placeholder: String, with value: String) -> String {
        var text = self
        var key = placeholder
        return text.withUTF8 { bytes in
            key.withUTF8 { needle in
                guard !needle.isEmpty, bytes.count >= needle.count else { return self }
                var out: [UInt8] = []
                var index = 0
                var found = false
                let last = bytes.count - needle.count
                while index < bytes.count {
                    if index <= last, bytes[index] == needle[0],
                        memcmp(bytes.baseAddress! + index, needle.baseAddress!, needle.count) == 0
                    {
                        if !found {
                            out.reserveCapacity(bytes.count + value.utf8.count)
                            out.append(contentsOf: bytes[0..<index])
                            found = true
                        }
                        out.append(contentsOf: value.utf8)
                        index += needle.count
                    } else {
                        if found { out.append(bytes[index]) }
                        index += 1
                    }
                }
                return found ? String(decoding: out, as: UTF8.self) : self
            }
        }
    }
}
