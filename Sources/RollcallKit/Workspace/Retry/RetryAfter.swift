import Foundation

/// Reads a `Retry-After` header. Databricks sends whole seconds; an HTTP date or garbage is
/// ignored (nil) and the backoff alone decides. Values are capped so a broken header cannot
/// park a request for an hour.
public enum RetryAfter {
    public static let maximumSeconds: Double = 60

    public static func seconds(from header: String?) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty,
            let value = Double(text), value.isFinite, value >= 0
        else { return nil }
        return min(value, maximumSeconds)
    }
}
