/// The statements the sandbox runs: `GRANT`, `REVOKE` and `SHOW GRANTS` on catalogs, schemas and
/// connections (issue 3; syntax per docs security-grant.md, databricks-api.md §5).
enum GrantStatement: Equatable {
    case grant(privileges: [String], on: SecurableName, to: String)
    case revoke(privileges: [String], on: SecurableName, from: String)
    case showGrants(principal: String?, on: SecurableName)

    /// A securable as written: its kind and dotted name parts.
    struct SecurableName: Equatable {
        var kind: Securable.Kind
        var parts: [String]
        var fullName: String { parts.joined(separator: ".") }
        /// How SHOW GRANTS names the object type.
        var objectType: String { kind.rawValue.uppercased() }
    }

    /// The statement with a one-part schema name qualified by `catalog`.
    func qualifyingSchemas(in catalog: String) -> GrantStatement {
        func qualified(_ name: SecurableName) -> SecurableName {
            guard name.kind == .schema, name.parts.count == 1 else { return name }
            return SecurableName(kind: .schema, parts: [catalog] + name.parts)
        }
        switch self {
        case .grant(let privileges, let on, let to): return .grant(privileges: privileges, on: qualified(on), to: to)
        case .revoke(let privileges, let on, let from): return .revoke(privileges: privileges, on: qualified(on), from: from)
        case .showGrants(let principal, let on): return .showGrants(principal: principal, on: qualified(on))
        }
    }

    static func parse(_ sql: String) -> Result<GrantStatement, SQLParseError> {
        switch SQLTokenizer.tokens(sql) {
        case .failure(let error): return .failure(error)
        case .success(var tokens):
            if tokens.last?.text == ";", tokens.last?.kind == .symbol { tokens.removeLast() }
            var parser = GrantParser(tokens: tokens, end: sql.count)
            do { return .success(try parser.statement()) } catch { return .failure(error) }
        }
    }
}

/// Recursive descent over the tokens; every failure names the token it stopped at.
private struct GrantParser {
    var tokens: [SQLToken]
    var index = 0
    let end: Int

    init(tokens: [SQLToken], end: Int) {
        self.tokens = tokens
        self.end = end
    }

    mutating func statement() throws(SQLParseError) -> GrantStatement {
        let statement: GrantStatement
        if accept("GRANT") {
            let privileges = try privilegeList()
            try expect("ON")
            let securable = try securableName()
            try expect("TO")
            statement = .grant(privileges: privileges, on: securable, to: try identifier())
        } else if accept("REVOKE") {
            let privileges = try privilegeList()
            try expect("ON")
            let securable = try securableName()
            try expect("FROM")
            statement = .revoke(privileges: privileges, on: securable, from: try identifier())
        } else if accept("SHOW") {
            guard accept("GRANTS") || accept("GRANT") else { throw error() }
            var principal: String?
            if !peekKeyword("ON") { principal = try identifier() }
            try expect("ON")
            statement = .showGrants(principal: principal, on: try securableName())
        } else {
            throw error()
        }
        guard index == tokens.count else { throw error() }
        return statement
    }

    /// `USE CATALOG, SELECT, ALL PRIVILEGES`: words up to `ON`, comma-separated.
    private mutating func privilegeList() throws(SQLParseError) -> [String] {
        var privileges: [String] = []
        var words: [String] = []
        while index < tokens.count {
            let token = tokens[index]
            if token.isKeyword("ON") { break }
            if token.kind == .symbol, token.text == "," {
                guard !words.isEmpty else { throw error() }
                privileges.append(words.joined(separator: " ").uppercased())
                words = []
            } else if token.kind == .word {
                words.append(token.text)
            } else {
                throw error()
            }
            index += 1
        }
        guard !words.isEmpty else { throw error() }
        privileges.append(words.joined(separator: " ").uppercased())
        return privileges
    }

    private mutating func securableName() throws(SQLParseError) -> GrantStatement.SecurableName {
        let kind: Securable.Kind
        if accept("CATALOG") {
            kind = .catalog
        } else if accept("SCHEMA") || accept("DATABASE") {
            kind = .schema
        } else if accept("CONNECTION") {
            kind = .connection
        } else {
            throw error()
        }
        var parts = [try identifier()]
        while index < tokens.count, tokens[index].kind == .symbol, tokens[index].text == "." {
            index += 1
            parts.append(try identifier())
        }
        return GrantStatement.SecurableName(kind: kind, parts: parts)
    }

    private mutating func identifier() throws(SQLParseError) -> String {
        guard index < tokens.count, tokens[index].kind != .symbol else { throw error() }
        defer { index += 1 }
        return tokens[index].text
    }

    private func peekKeyword(_ keyword: String) -> Bool {
        index < tokens.count && tokens[index].isKeyword(keyword)
    }

    private mutating func accept(_ keyword: String) -> Bool {
        guard peekKeyword(keyword) else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ keyword: String) throws(SQLParseError) {
        guard accept(keyword) else { throw error() }
    }

    private func error() -> SQLParseError {
        guard index < tokens.count else { return SQLParseError(near: nil, position: end) }
        return SQLParseError(near: tokens[index].text, position: tokens[index].position)
    }
}
