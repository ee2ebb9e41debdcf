import Foundation

/// Temporary files for tests that read from disk; each call gets its own directory.
enum FileManagerHelper {
    static func temporaryFile(named name: String = "roster.csv", contents: [UInt8]) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rollcall-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try! Data(contents).write(to: url)
        return url.path
    }
}
