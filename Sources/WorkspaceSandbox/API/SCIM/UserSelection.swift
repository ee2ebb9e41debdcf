/// Which users a SCIM list selects, read from the typed records rather than from a JSON rendering
/// of each: a `userName eq` filter (the import client's lookup, up to 50 names joined by `or`) picks
/// its candidates from the userName index, and only they are compared.
extension WorkspaceState {
    /// Positions in `users`, in list order, of the visible users the filter matches.
    func selectUsers(_ filter: SCIMFilter?, visible: (UserRecord) -> Bool) -> [Int] {
        let candidates: [Int]
        if let names = filter?.requiredValues(of: "userName") {
            candidates = names.compactMap { users.position(userName: $0) }.sorted()
        } else {
            candidates = Array(users.indices)
        }
        return candidates.filter { position in
            let user = users[position]
            return visible(user) && (filter?.matches(user.filterValue) ?? true)
        }
    }
}

extension UserRecord {
    /// The text a filter compares for `attribute` (a canonical name of `userFilterAttributes`),
    /// as it reads it from `filterAttributes`.
    func filterValue(_ attribute: String) -> String {
        switch attribute {
        case "id": id
        case "userName": userName
        case "displayName": displayName ?? userName
        case "active": active ? "true" : "false"
        default: ""
        }
    }
}
