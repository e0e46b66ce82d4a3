/// The choice of code sets, after ISO/IEC 15417 annex E ("minimizing symbol length"), restricted to sets B and C:
///
/// 1. Start C if the data is exactly two digits or begins with four or more digits; otherwise start B.
/// 2. In C, encode digit pairs; when fewer than two digits remain in the run, switch to B (so an odd run begun in
///    C leaves its last digit to B).
/// 3. In B, on a run of four or more digits, switch to C: before the first digit if the run is even, after it if
///    odd.
///
/// Runs are independent (each starts and ends in B but at the data's edges), and for each one these rules cost no
/// more than any other choice, so the symbol is as short as any B/C encoding; the tests check that against an
/// exhaustive search.
extension Code128 {
    static func dataSymbols(_ bytes: [UInt8]) -> [UInt8] {
        let count = bytes.count
        func isDigit(_ index: Int) -> Bool {
            index < count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        }
        func digitRun(from start: Int) -> Int {
            var end = start
            while isDigit(end) { end += 1 }
            return end - start
        }
        func pair(_ index: Int) -> UInt8 {
            (bytes[index] - UInt8(ascii: "0")) * 10 + bytes[index + 1] - UInt8(ascii: "0")
        }

        var symbols: [UInt8] = []
        symbols.reserveCapacity(count + 4)
        let leadingRun = digitRun(from: 0)
        var inC = leadingRun >= 4 || (leadingRun == 2 && count == 2)
        symbols.append(inC ? startC : startB)
        var index = 0
        while index < count {
            if inC {
                if isDigit(index) && isDigit(index + 1) {
                    symbols.append(pair(index))
                    index += 2
                } else {
                    symbols.append(codeB)
                    inC = false
                }
                continue
            }
            let run = isDigit(index) ? digitRun(from: index) : 0
            if run >= 4 {
                if run % 2 == 1 {
                    symbols.append(bytes[index] - 32)
                    index += 1
                }
                symbols.append(codeC)
                inC = true
                continue
            }
            // A short run (or a non-digit) stays in B whole; skipping past it keeps the scan linear.
            let end = index + max(run, 1)
            while index < end {
                symbols.append(bytes[index] - 32)
                index += 1
            }
        }
        return symbols
    }
}
