import Foundation

/// Writes a response tree of dictionaries, arrays, strings, integers and booleans to JSON bytes,
/// exactly as `JSONSerialization` does with `[.sortedKeys, .withoutEscapingSlashes]`, at a fraction
/// of its cost (it bridged every dictionary to `NSDictionary` and sorted keys with a locale compare:
/// more than half the time of a `GET /Me`). Any other value is handed to `JSONSerialization` as a
/// fragment, so numbers read from request bodies and the like keep Foundation's spelling.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    /// Thrown when a value cannot be JSON (JSONSerialization's failure), so the caller can fall back.
    struct Unwritable: Error {}

    mutating func write(_ value: Any) throws(Unwritable) {
        if let text = value as? String {
            writeString(text)
            return
        }
        let type = type(of: value)
        if type == Bool.self {
            bytes.append(contentsOf: (value as! Bool) ? Self.trueBytes : Self.falseBytes)
        } else if type == Int.self {
            writeInteger(value as! Int)
        } else if type == Int64.self {
            writeInteger(Int(value as! Int64))
        } else if type == JSONObject.self {
            try writeObject(value as! JSONObject)
        } else if type == [JSONObject].self {
            try writeArray(value as! [JSONObject])
        } else if type == [String].self {
            try writeArray(value as! [String])
        } else if type == [Any].self {
            try writeArray(value as! [Any])
        } else if let object = value as? JSONObject {
            try writeObject(object)
        } else if let array = value as? [Any] {
            try writeArray(array)
        } else {
            try writeFragment(value)
        }
    }

    private mutating func writeObject(_ object: JSONObject) throws(Unwritable) {
        bytes.append(UInt8(ascii: "{"))
        let keys = object.count < 2 ? Array(object.keys) : JSONKeyOrder.sorted(Array(object.keys))
        for (position, key) in keys.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            writeString(key)
            bytes.append(UInt8(ascii: ":"))
            try write(object[key]!)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func writeArray<Element>(_ array: [Element]) throws(Unwritable) {
        bytes.append(UInt8(ascii: "["))
        for (position, element) in array.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            try write(element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func writeInteger(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Escapes as `JSONSerialization` does: quote, backslash and control characters; `/` and
    /// non-ASCII as they are.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings (names, ids, URNs) need no escape: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeFragment(_ value: Any) throws(Unwritable) {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]
        guard JSONSerialization.isValidJSONObject([value]),
              let data = try? JSONSerialization.data(withJSONObject: value, options: options)
        else { throw Unwritable() }
        bytes.append(contentsOf: data)
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
