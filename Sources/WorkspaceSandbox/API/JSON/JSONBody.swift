import Foundation

/// A JSON object as JSONSerialization reads and writes it. Response bodies are built as
/// dictionaries because their shapes vary per endpoint and per `attributes` selection.
typealias JSONObject = [String: Any]

/// Reading and writing JSON bodies with Foundation only.
enum JSONBody {
    /// Parses a request body; nil when it is empty or not JSON.
    static func object(_ bytes: [UInt8]) -> JSONObject? {
        guard !bytes.isEmpty,
            let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        else { return nil }
        return value as? JSONObject
    }

    /// Serializes a response body with sorted keys, so that dumps and tests are stable; byte for byte
    /// what `JSONSerialization` writes, `{}` for what it cannot write.
    static func bytes(_ value: Any) -> [UInt8] {
        guard value is JSONObject || value is [Any] else { return Array("{}".utf8) }
        var writer = JSONWriter()
        do {
            try writer.write(value)
        } catch {
            return Array("{}".utf8)
        }
        return writer.bytes
    }

    /// A string field, or nil when absent or of another type.
    static func string(_ object: JSONObject, _ key: String) -> String? {
        object[key] as? String
    }

    /// An array of objects, or nil when absent or of another type.
    static func objects(_ value: Any?) -> [JSONObject]? {
        if let array = value as? [Any] { return array.compactMap { $0 as? JSONObject } }
        return nil
    }

    /// A boolean that tolerates `"true"`/`"false"` strings, as SCIM clients send either.
    static func bool(_ value: Any?) -> Bool? {
        if let flag = value as? Bool { return flag }
        if let text = value as? String { return Bool(text.lowercased()) }
        return nil
    }
}
