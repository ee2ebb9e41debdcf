/// A bearer token. Its `description` never shows the value, so it cannot leak through
/// string interpolation, `print` or `dump` of a containing value.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; read it only to build the `Authorization` header or a redactor.
    public let secret: String

    public init(_ secret: String) { self.secret = secret }

    public var description: String { SecretRedactor.placeholder }
    public var debugDescription: String { SecretRedactor.placeholder }
}
