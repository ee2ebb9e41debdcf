import Foundation

extension WorkspaceClient {
    /// Sends `request` and decodes its 2xx body as `T`.
    func decode<T: Decodable>(_ type: T.Type, from request: WorkspaceRequest) async throws(WorkspaceError) -> T {
        let response = try await send(request)
        return try decode(type, from: response.body, request: request)
    }

    func decode<T: Decodable>(_ type: T.Type, from body: Data, request: WorkspaceRequest) throws(WorkspaceError) -> T {
        do {
            return try JSONDecoder().decode(type, from: body.isEmpty ? Data("{}".utf8) : body)
        } catch {
            throw .unexpectedResponse(
                method: request.method, path: redactor.redact(request.path),
                detail: redactor.redact(Self.describe(error)))
        }
    }

    /// A decoding error in a sentence: which field, what was wrong.
    private static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return "missing field '\(([path(context)] + [key.stringValue]).filter { !$0.isEmpty }.joined(separator: "."))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field '\(path(context))': \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "not JSON or malformed at '\(path(context))': \(context.debugDescription)"
        @unknown default:
            return "\(decodingError)"
        }
    }
}
