/// Bytes written as hex digits, spaces ignored: `hex("0a 02 2b31")`.
func hex(_ digits: String) -> [UInt8] {
    let clean = Array(digits.filter { !$0.isWhitespace })
    precondition(clean.count.isMultiple(of: 2), "odd number of hex digits in \(digits)")
    return stride(from: 0, to: clean.count, by: 2).map { UInt8(String(clean[$0...$0 + 1]), radix: 16)! }
}
