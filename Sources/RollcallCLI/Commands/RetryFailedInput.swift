import RollcallKit

/// `import --retry-failed RESULTS`: read the earlier results, check them against the roster, and
/// say what will run, before any request is made.
enum RetryFailedInput {
    enum Choice {
        case wholeRoster
        case retry(RetrySelection)
        /// 2 when the file or the roster does not match; 0 when nothing failed earlier.
        case stop(ExitStatus)
    }

    static func select(_ resultsPath: String?, roster: Roster, rosterPath: String, console: Console) -> Choice {
        guard let resultsPath else { return .wholeRoster }
        do {
            let selection = try RetrySelection(
                roster: roster, rosterPath: rosterPath, earlier: try EarlierResults.load(path: resultsPath))
            guard !selection.retried.participants.isEmpty else {
                console.out("nothing to retry: every row of \(resultsPath) is ok\n")
                return .stop(.success)
            }
            console.err(
                "retrying \(selection.retried.participants.count) failed row(s) of \(resultsPath); "
                    + "\(selection.keptCount) ok row(s) keep their earlier outcome\n")
            return .retry(selection)
        } catch {
            console.err("error: \(error)\n")
            return .stop(.invalidInput)
        }
    }
}
