import RollcallKit

/// Turns option values into typed ones, with messages that name the option and the accepted range.
enum ValueParser {
    static func integer(_ text: String, option: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw UsageError(
                "\(option) expects a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    static func int64(_ text: String, option: String) throws(UsageError) -> Int64 {
        guard let value = Int64(text), value > 0 else {
            throw UsageError("\(option) expects a positive whole number, got '\(text)'")
        }
        return value
    }

    static func uint64(_ text: String, option: String) throws(UsageError) -> UInt64 {
        guard let value = UInt64(text) else { throw UsageError("\(option) expects a whole number, got '\(text)'") }
        return value
    }

    static func positive(_ text: String, option: String) throws(UsageError) -> Double {
        guard let value = Double(text), value > 0, value.isFinite else {
            throw UsageError("\(option) expects a positive number, got '\(text)'")
        }
        return value
    }

    static func probability(_ text: String, option: String) throws(UsageError) -> Double {
        guard let value = Double(text), (0...1).contains(value) else {
            throw UsageError("\(option) expects a share from 0 to 1 (e.g. 0.05), got '\(text)'")
        }
        return value
    }

    static func nonEmpty(_ text: String, option: String) throws(UsageError) -> String {
        guard !text.isEmpty else { throw UsageError("\(option) needs a non-empty value") }
        return text
    }

    /// A single ASCII character, `\t`, or the words `comma`, `semicolon`, `tab`, `pipe`.
    static func delimiter(_ text: String, option: String = "--delimiter") throws(UsageError) -> UInt8 {
        let named: [String: UInt8] = [
            "comma": UInt8(ascii: ","), "semicolon": UInt8(ascii: ";"), "tab": 0x09, "\\t": 0x09,
            "pipe": UInt8(ascii: "|"),
        ]
        if let byte = named[text.lowercased()] { return byte }
        let bytes = Array(text.utf8)
        guard bytes.count == 1, bytes[0] < 0x80, ![UInt8(ascii: "\""), 0x0A, 0x0D].contains(bytes[0]),
            !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[0] | 0x20)
        else {
            throw UsageError("\(option) expects one character such as ',' ';' or 'tab', got '\(text)'")
        }
        return bytes[0]
    }

    static func oneOf<Value: RawRepresentable<String> & CaseIterable>(
        _ text: String, option: String, as: Value.Type
    ) throws(UsageError) -> Value {
        guard let value = Value(rawValue: text.lowercased()) else {
            let valid = Value.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: text, among: valid).map { "; did you mean '\($0)'?" } ?? ""
            throw UsageError("\(option) expects one of \(valid.joined(separator: ", ")), got '\(text)'\(hint)")
        }
        return value
    }
}
