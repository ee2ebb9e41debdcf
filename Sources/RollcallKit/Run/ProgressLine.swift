/// Formats the one-line progress display: `memberships 120/1003  45.2/s  ETA 0:19  retries 3  throttled 1`.
public struct ProgressLine: Sendable {
    public var phase = "starting"
    public var done = 0
    public var total = 0
    public var retries = 0
    public var throttled = 0
    public var elapsedSeconds = 0.0

    public init() {}

    public func render() -> String {
        let rate = elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0
        var parts = ["\(phase) \(done)/\(total)", String(format1: rate) + "/s"]
        if rate > 0, total > done {
            parts.append("ETA " + Self.clock(Double(total - done) / rate))
        }
        parts.append("retries \(retries)")
        parts.append("throttled \(throttled)")
        return parts.joined(separator: "  ")
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let remainder = whole % 60
        return "\(whole / 60):\(remainder < 10 ? "0" : "")\(remainder)"
    }
}

extension String {
    /// One decimal place without Foundation's locale-dependent formatting.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
