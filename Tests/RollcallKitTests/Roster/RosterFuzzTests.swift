import Foundation
import Testing

@testable import RollcallKit

/// Seeded, so a failure reproduces; SplitMix64 is small and good enough for test inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Robustness: random and mutated inputs through the reader and the validator. No crash, no hang,
/// and every outcome is either rows or errors with plausible line numbers.
struct RosterFuzzTests {
    static let seedRoster = Array(
        (RollcallTemplates.roster
            + "\"Lin, Mei\" <MEI@x.org>,\"Lin, \"\"Mei\"\"\",team-b,can restart,none\r\n"
            + "mailto:z@x.org;x\tq,\"multi\nline\",,,\r\n").utf8)
    static let alphabet: [UInt8] = Array(",;\t\"\r\n @.aZ0<>".utf8) + [0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF, 0x00]

    /// `ROLLCALL_FUZZ_SEED` and `ROLLCALL_FUZZ_COUNT` widen a local hunt without changing CI's run.
    @Test func randomAndMutatedInputs() throws {
        let environment = ProcessInfo.processInfo.environment
        var random = SplitMix64(state: environment["ROLLCALL_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED)
        let count = environment["ROLLCALL_FUZZ_COUNT"].flatMap { Int($0) } ?? 10_000
        for iteration in 0..<count {
            let input = iteration % 2 == 0 ? Self.randomInput(&random) : Self.mutate(Self.seedRoster, &random)
            try Self.check(input, chunkSize: Int.random(in: 1...64, using: &random), iteration: iteration)
        }
    }

    static func randomInput(_ random: inout SplitMix64) -> [UInt8] {
        let header: [UInt8] = Bool.random(using: &random) ? Array("email,name,group,cluster\n".utf8) : []
        return header
            + (0..<Int.random(in: 0...200, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
    }

    static func mutate(_ seed: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let index = Int.random(in: 0..<max(1, bytes.count), using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes.insert(alphabet.randomElement(using: &random)!, at: min(index, bytes.count))
            case 1: if !bytes.isEmpty { bytes.remove(at: index) }
            case 2: if !bytes.isEmpty { bytes[index] = alphabet.randomElement(using: &random)! }
            default:
                let end = min(bytes.count, index + Int.random(in: 1...40, using: &random))
                bytes.insert(contentsOf: bytes[index..<end], at: end)
            }
        }
        return bytes
    }

    static func check(_ input: [UInt8], chunkSize: Int, iteration: Int) throws {
        let lineBound = input.count + 2
        // Chunk boundaries never change the outcome.
        let whole = Result { () throws(CSVError) in try CSVReader().records(bytes: input).records }
        let chunked = Result { () throws(CSVError) in try CSVReader(chunkSize: chunkSize).records(bytes: input).records
        }
        #expect(whole == chunked, "iteration \(iteration)")
        if case .success(let records) = whole {
            #expect(zip(records, records.dropFirst()).allSatisfy { $0.line < $1.line }, "iteration \(iteration)")
        }

        let report = RosterLoader.load(bytes: input, file: "fuzz.csv")
        let diagnostics = report.errors + report.warnings
        #expect(diagnostics.allSatisfy { (0...lineBound).contains($0.line) }, "iteration \(iteration)")
        #expect(report.errors.map(\.line) == report.errors.map(\.line).sorted(), "iteration \(iteration)")
        if report.isValid {
            let participants = try #require(report.roster?.participants, "iteration \(iteration)")
            #expect(participants.count == report.participantCount)
            #expect(zip(participants, participants.dropFirst()).allSatisfy { $0.line < $1.line })
            #expect(
                participants.allSatisfy {
                    EmailCell.problem(in: $0.email) == nil && GroupName.problem(in: $0.group) == nil
                })
        } else {
            #expect(report.roster == nil)
        }
    }
}
