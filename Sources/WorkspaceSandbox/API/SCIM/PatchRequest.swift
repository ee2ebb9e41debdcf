/// A SCIM PatchOp body (`{"schemas":[...PatchOp], "Operations":[...]}`, capital O), normalized so
/// that the value-object form (`{"op":"add","value":{"members":[...]}}`) becomes path-form
/// operations (databricks-api.md §1, "PATCH").
struct PatchOperation {
    enum Op: String { case add, remove, replace }
    var op: Op
    /// Lower-cased attribute path such as `members`, `entitlements`, `name.givenname`.
    var attribute: String
    /// The `value eq "X"` of a path filter such as `members[value eq "ID"]`.
    var valueFilter: String?
    var value: Any?
}

/// Why a PATCH was refused, with the SCIM body Databricks answers.
enum PatchError: Error {
    case unparsable
    case unsupportedOperation(String)
    case noTarget
    case noSuchAttribute(String)
    case invalidValue(String)
    case notFound(String)
    case conflict(String)

    var reply: Reply {
        switch self {
        case .unparsable: APIError.scimUnparsable
        case .unsupportedOperation(let op):
            APIError.scim(400, "Unsupported operation: \(op)", scimType: "invalidSyntax")
        case .noTarget: APIError.scim(400, "Path is required for remove operation", scimType: "noTarget")
        case .noSuchAttribute(let name):
            // Quoted from Databricks via TF resource_entitlement.go (databricks-api.md §1).
            APIError.scim(400, "No such attribute with the name : \(name) in the current resource",
                          scimType: "invalidPath")
        case .invalidValue(let detail): APIError.scim(400, detail, scimType: "invalidValue")
        case .notFound(let detail): APIError.scim(404, detail)
        case .conflict(let detail): APIError.scim(409, detail)
        }
    }
}

enum PatchRequest {
    static func operations(_ body: JSONObject?) throws(PatchError) -> [PatchOperation] {
        guard let body, let raw = JSONBody.objects(body["Operations"] ?? body["operations"]) else {
            throw .unparsable
        }
        var operations: [PatchOperation] = []
        for item in raw {
            let opText = (item["op"] as? String) ?? ""
            guard let op = PatchOperation.Op(rawValue: opText.lowercased()) else {
                throw .unsupportedOperation(opText)
            }
            if let path = item["path"] as? String, !path.isEmpty {
                let (attribute, filter) = try parsePath(path)
                operations.append(PatchOperation(op: op, attribute: attribute, valueFilter: filter, value: item["value"]))
            } else if op == .remove {
                throw .noTarget
            } else if let object = item["value"] as? JSONObject {
                for (key, value) in object.sorted(by: { $0.key < $1.key }) where key != "schemas" {
                    operations.append(PatchOperation(op: op, attribute: key.lowercased(), value: value))
                }
            } else {
                throw .unparsable
            }
        }
        return operations
    }

    /// `members` or `members[value eq "ID"]`.
    private static func parsePath(_ path: String) throws(PatchError) -> (String, String?) {
        guard let open = path.firstIndex(of: "[") else { return (path.lowercased(), nil) }
        guard path.hasSuffix("]") else { throw .unparsable }
        let attribute = path[..<open].lowercased()
        let inner = path[path.index(after: open)..<path.index(before: path.endIndex)]
        guard let filter = try? SCIMFilter(parsing: String(inner), attributes: ["value"]),
              filter.alternatives.count == 1, let comparison = filter.alternatives[0].first,
              filter.alternatives[0].count == 1, comparison.op == .eq
        else { throw .unparsable }
        // The filter lower-cases for matching; recover the literal's case from the text.
        let literal = inner.split(separator: "\"", omittingEmptySubsequences: false).dropFirst().first
        return (attribute, literal.map(String.init) ?? comparison.value)
    }

    /// The `value`s of a multi-valued PATCH value: `[{"value": x}]`, `{"value": x}` or `"x"`.
    static func values(_ value: Any?) -> [String] {
        if let items = value as? [Any] { return items.flatMap { values($0) } }
        if let object = value as? JSONObject, let inner = object["value"] { return values(inner) }
        if let text = value as? String { return [text] }
        return []
    }
}

/// add/remove/replace on one multi-valued attribute held as a list of values.
enum MultiValuedPatch {
    static func apply(_ operation: PatchOperation, to list: [String], attribute: String) throws(PatchError) -> [String] {
        let values = PatchRequest.values(operation.value)
        switch operation.op {
        case .add:
            var result = list
            for value in values where !result.contains(value) { result.append(value) }
            return result
        case .replace:
            if let filter = operation.valueFilter {
                return list.map { $0 == filter ? (values.first ?? $0) : $0 }
            }
            var result: [String] = []
            for value in values where !result.contains(value) { result.append(value) }
            return result
        case .remove:
            guard !list.isEmpty else { throw .noSuchAttribute(attribute) }
            if let filter = operation.valueFilter { return list.filter { $0 != filter } }
            if values.isEmpty { return [] }
            return list.filter { !values.contains($0) }
        }
    }
}
