/// The user attributes a POST or PUT body sets. `userName` and `emails` are not here: changes to
/// them via PUT/PATCH are silently ignored (databricks-api.md §1).
struct UserFields {
    var displayName: String?
    var givenName: String?
    var familyName: String?
    var active: Bool
    var entitlements: [String]
    var externalId: String?

    init(_ body: JSONObject) {
        displayName = body["displayName"] as? String
        let name = body["name"] as? JSONObject
        givenName = name?["givenName"] as? String
        familyName = name?["familyName"] as? String
        active = JSONBody.bool(body["active"]) ?? true
        entitlements = Array(orderedUnique(PatchRequest.values(body["entitlements"])))
        externalId = body["externalId"] as? String
    }

    /// Overwrites everything a PUT replaces; a missing displayName falls back to the userName.
    func replace(in user: inout UserRecord) {
        user.displayName = displayName ?? user.userName
        user.givenName = givenName
        user.familyName = familyName
        user.active = active
        user.entitlements = entitlements
        user.externalId = externalId
    }
}

/// Order-preserving de-duplication.
func orderedUnique(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
}
