import Foundation

/// Reading and writing `WorkspaceState` as JSON (for `--state FILE` and `/sandbox/state`).
enum StateFile {
    static func encode(_ state: WorkspaceState) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return [UInt8](try encoder.encode(state))
    }

    static func load(from path: String) throws -> WorkspaceState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(WorkspaceState.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
