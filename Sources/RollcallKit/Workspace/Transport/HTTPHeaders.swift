/// Header fields in order, looked up case-insensitively as HTTP requires.
///
/// `description` never shows the value of `Authorization` (or any other credential-bearing field),
/// so a request can be logged or put in an error without leaking the token.
public struct HTTPHeaders: Sendable, Hashable, CustomStringConvertible, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [Field]

    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Field names whose values are secrets.
    static let sensitiveNames: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]

    public init(_ fields: [Field] = []) { self.fields = fields }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The first value of `name`, or nil. Setting replaces every field of that name.
    public subscript(name: String) -> String? {
        get { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
        set {
            fields.removeAll { $0.name.lowercased() == name.lowercased() }
            if let newValue { fields.append(Field(name: name, value: newValue)) }
        }
    }

    public var description: String {
        fields.map { field in
            let shown = Self.sensitiveNames.contains(field.name.lowercased()) ? "<redacted>" : field.value
            return "\(field.name): \(shown)"
        }.joined(separator: ", ")
    }
}
