/// Which users a SCIM list selects, read from the typed records rather than from a JSON rendering
/// of each: a `userName eq` filter (the import client's lookup, up to 50 names joined by `or`) picks
/// its candidates from the userName index, and only they are compared.
extension WorkspaceState {
    /// Positions in `users`, in list order, of the visible users (by id) the filter matches.
    /// Records are read in place: copying each of 2,000 users to test it was a third of a list.
    func selectUsers(_ filter: SCIMFilter?, visible: (String) -> Bool) -> [Int] {
        let records = users.records
        var selected: [Int] = []
        func consider(_ position: Int) {
            guard visible(records[position].id) else { return }
            if let filter, !filter.matches({ records[position].filterValue($0) }) { return }
            selected.append(position)
        }
        if let names = filter?.requiredValues(of: "userName") {
            for position in names.compactMap(users.position(userName:)).sorted() { consider(position) }
        } else {
            for position in records.indices { consider(position) }
        }
        return selected
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
