import Foundation

/// A SCIM list response over rendered resources: filter, sort, 1-based paging that echoes
/// `startIndex`, and `attributes`/`excludedAttributes` projection (databricks-api.md §1).
/// One listable resource: the few attributes filters and sorting read, and its full JSON, built
/// only if it lands on the page (rendering every user to answer one `userName eq` is too slow).
struct SCIMListItem {
    var attributes: JSONObject
    var render: () -> JSONObject
}

enum SCIMListing {
    /// Page size cap. Databricks documents `count <= 100` yet tolerates the SDKs' 10000 (§1); the
    /// sandbox accepts any count and returns at most this many, so paging code gets exercised.
    static let maximumPageSize = 100

    static func reply(_ resources: [SCIMListItem], _ context: RequestContext, filterable: [String]) -> Reply {
        var selected = resources
        do {
            if let filter = try filter(context, filterable: filterable) {
                selected = selected.filter { filter.matches($0.attributes) }
            }
        } catch {
            return error.reply
        }
        if let sortBy = context.query("sortBy"), !sortBy.isEmpty {
            selected = sorted(selected, by: sortBy, descending: context.query("sortOrder")?.lowercased() == "descending")
        }
        return pageReply(selected.map(\.render), context)
    }

    /// The request's `filter`, nil when there is none (or it is blank).
    static func filter(_ context: RequestContext, filterable: [String]) throws(SCIMFilter.ParseError) -> SCIMFilter? {
        // Blank means spaces and tabs only; stops at the first other character (filters run to kilobytes).
        guard let text = context.query("filter"),
              !text.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains)
        else { return nil }
        return try SCIMFilter(parsing: text, attributes: filterable)
    }

    /// Whether a list can skip `SCIMListItem`s and select from typed records: not when it sorts
    /// (sorting may read any rendered attribute).
    static func isUnsorted(_ context: RequestContext) -> Bool {
        context.query("sortBy")?.isEmpty ?? true
    }

    /// The ListResponse for resources already filtered and sorted: 1-based paging that echoes
    /// `startIndex`, and projection of the page only.
    static func pageReply(_ selected: [() -> JSONObject], _ context: RequestContext) -> Reply {
        pageReply(selected, context) { $0() }
    }

    /// As `pageReply(_:_:)` over any selection, rendering only the elements on the page (so a list
    /// of 2,000 users holds positions, not 2,000 closures over the whole state).
    static func pageReply<Selection: RandomAccessCollection>(
        _ selected: Selection, _ context: RequestContext, render: (Selection.Element) -> JSONObject
    ) -> Reply {
        let startIndex = max(1, Int(context.query("startIndex") ?? "") ?? 1)
        let count = max(0, Int(context.query("count") ?? "") ?? 10_000)
        let pageSize = min(count, maximumPageSize)
        let page = selected.dropFirst(startIndex - 1).prefix(pageSize)
        let projection = Projection(context)
        var body: JSONObject = [
            "schemas": [SCIMSchema.listResponse],
            "totalResults": selected.count,
            "startIndex": startIndex,
            "itemsPerPage": page.count,
        ]
        // An empty page has no `Resources` key at all: clients must stop on "missing or empty" (§1).
        if !page.isEmpty { body["Resources"] = page.map { projection.apply(render($0)) } }
        return .ok(body)
    }

    /// Sorts by a top-level attribute, or by a path into the rendered resource (`name.givenName`).
    private static func sorted(_ resources: [SCIMListItem], by path: String, descending: Bool) -> [SCIMListItem] {
        func key(_ item: SCIMListItem) -> String {
            let resource = item.attributes.keys.contains { $0.lowercased() == path.lowercased() } ? item.attributes : item.render()
            var value: Any? = resource
            for part in path.split(separator: ".") {
                let object = value as? JSONObject
                value = object?.first { $0.key.lowercased() == part.lowercased() }?.value
            }
            if let items = value as? [JSONObject] { value = items.first?["value"] }
            return (value as? String)?.lowercased() ?? ""
        }
        let ordered = resources.sorted { key($0) < key($1) }
        return descending ? ordered.reversed() : ordered
    }
}

/// `attributes` keeps only the named top-level attributes (plus `id` and `schemas`);
/// `excludedAttributes` drops the named ones. Names are case-insensitive (RFC 7644 §3.4.2.5).
struct Projection {
    private var included: Set<String>?
    private var excluded: Set<String>

    init(_ context: RequestContext) {
        included = context.query("attributes").map(Self.names)
        excluded = context.query("excludedAttributes").map(Self.names) ?? []
    }

    private static func names(_ list: String) -> Set<String> {
        Set(list.split(separator: ",").compactMap {
            $0.trimmingCharacters(in: .whitespaces).split(separator: ".").first.map { $0.lowercased() }
        })
    }

    func apply(_ resource: JSONObject) -> JSONObject {
        resource.filter { key, _ in
            let name = key.lowercased()
            if name == "id" || name == "schemas" { return true }
            if let included, !included.contains(name) { return false }
            return !excluded.contains(name)
        }
    }
}
