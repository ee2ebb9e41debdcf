import Foundation

/// The `error_code` and message a Databricks error response carries, whatever its format.
///
/// Databricks answers errors in several shapes: the general `{"error_code","message"}`, SCIM's
/// RFC 7644 body (`{"detail","status":"404","scimType"?}`), OAuth's `{"error","error_description"}`,
/// legacy `{"error"}`, plain text `ERROR_CODE: message`, and gateway HTML. The mapping of SCIM bodies
/// follows both Databricks SDKs: code `SCIM_<status>`, message `"<scimType> <detail>"`.
public struct APIErrorBody: Sendable, Hashable {
    public var errorCode: String?
    public var message: String?

    public init(errorCode: String?, message: String?) {
        self.errorCode = errorCode
        self.message = message
    }

    /// Longest message kept from a plain-text or HTML body.
    static let maximumTextLength = 300

    /// Parses a response body; never fails (an unreadable body gives nil code and message).
    public static func parse(_ body: Data) -> APIErrorBody {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            return parse(json: object)
        }
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return APIErrorBody(errorCode: nil, message: nil) }
        if text.hasPrefix("<") { return APIErrorBody(errorCode: nil, message: htmlMessage(text)) }
        return plainText(text)
    }

    static func parse(json object: [String: Any]) -> APIErrorBody {
        if let code = object["error_code"] {
            let codeText = (code as? String) ?? (code as? NSNumber)?.stringValue ?? "\(code)"
            return APIErrorBody(errorCode: codeText, message: object["message"] as? String)
        }
        if let detail = object["detail"] as? String, let status = scimStatus(object["status"]) {
            let message: String
            if detail == "null" {
                message = "SCIM API Internal Error"
            } else {
                let scimType = (object["scimType"] as? String) ?? ""
                message = "\(scimType) \(detail)".trimmingCharacters(in: .whitespaces)
            }
            return APIErrorBody(errorCode: "SCIM_\(status)", message: message)
        }
        if let error = object["error"] as? String {
            if let description = object["error_description"] as? String {
                return APIErrorBody(errorCode: error, message: description)
            }
            return APIErrorBody(errorCode: nil, message: error)
        }
        return APIErrorBody(errorCode: nil, message: object["message"] as? String)
    }

    /// SCIM sends `status` as a string; tolerate a number.
    private static func scimStatus(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    /// `ERROR_CODE: message` as some account APIs send it, otherwise the text itself.
    static func plainText(_ text: String) -> APIErrorBody {
        if let colon = text.firstIndex(of: ":") {
            let code = text[..<colon]
            if !code.isEmpty, code.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) {
                let message = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                return APIErrorBody(errorCode: String(code), message: clipped(message))
            }
        }
        return APIErrorBody(errorCode: nil, message: clipped(text))
    }

    /// The `<pre>` text of a gateway page, else its `<title>`, else the text without tags.
    static func htmlMessage(_ html: String) -> String? {
        for tag in ["pre", "title", "h1"] {
            if let inner = element(tag, in: html), !inner.isEmpty { return clipped(inner) }
        }
        let stripped = stripTags(html)
        return stripped.isEmpty ? nil : clipped(stripped)
    }

    private static func element(_ tag: String, in html: String) -> String? {
        guard let open = html.range(of: "<\(tag)", options: .caseInsensitive),
            let openEnd = html[open.upperBound...].firstIndex(of: ">"),
            let close = html.range(of: "</\(tag)>", options: .caseInsensitive, range: openEnd..<html.endIndex)
        else { return nil }
        return stripTags(String(html[html.index(after: openEnd)..<close.lowerBound]))
    }

    private static func stripTags(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; text.append(" "); continue }
            if !inTag { text.append(character) }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func clipped(_ text: String) -> String {
        text.count > maximumTextLength ? String(text.prefix(maximumTextLength)) + "…" : text
    }
}
