/// Why a CSV file could not be read at all. Problems confined to one row (invalid UTF-8, a stray
/// quote) are not errors here: the reader flags them and the roster layer reports them per line.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// A quoted field opened on `line` never closes, so the rest of the file would be swallowed.
    case unterminatedQuote(line: Int)

    /// The physical line the error concerns, 0 for the whole file.
    public var line: Int {
        switch self {
        case .unreadable: 0
        case .unterminatedQuote(let line): line
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read '\(path)': \(reason)"
        case .unterminatedQuote:
            "a quoted field opens here and never closes; add the closing quote (\") or remove the opening one"
        }
    }
}

/// A recoverable oddity the reader worked around, reported as a warning on its line.
public struct CSVWarning: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A `"` inside an unquoted field (or text after a closing quote), kept literally.
        case strayQuote
    }

    public var line: Int
    public var kind: Kind

    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    public var message: String {
        switch kind {
        case .strayQuote:
            "a quote (\") inside an unquoted field was kept as text; quote the whole field and double inner quotes (\"\")"
        }
    }
}
