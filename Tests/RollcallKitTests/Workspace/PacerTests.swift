import Testing

@testable import RollcallKit

extension Pacer {
    /// The send time of a reservation that must not be held (tests of paced families).
    func slot(now: Double) -> Double {
        switch reserve(now: now) {
        case .send(let at): at
        case .askAgain(let at): -at
        case .afterRound: .nan
        }
    }
}

struct PacerTests {
    @Test func spacesRequestsAtTheRateAfterABurst() async {
        let pacer = Pacer(settings: .init(startRate: 10, burst: 2))
        var slots: [Double] = []
        for _ in 0..<5 { slots.append(await pacer.slot(now: 100)) }
        #expect(slots.map { ($0 * 1000).rounded() / 1000 } == [100, 100, 100.1, 100.2, 100.3])
    }

    @Test func idleTimeRefillsOnlyTheBurst() async {
        let pacer = Pacer(settings: .init(startRate: 10, burst: 1))
        _ = await pacer.slot(now: 0)
        let afterIdle = await pacer.slot(now: 50)
        let next = await pacer.slot(now: 50)
        #expect(afterIdle == 50)
        #expect(abs(next - 50.1) < 1e-9)
    }

    @Test func throttleHalvesTheRateOncePerEpisode() async {
        let pacer = Pacer(settings: .init(startRate: 8, ceilingRate: 10))
        await pacer.recordThrottle(sentAt: 10, now: 10.2, retryAfterSeconds: nil)
        #expect(await pacer.rate == 4)
        // A request sent before the cut reports its 429 later: no second cut.
        await pacer.recordThrottle(sentAt: 10.1, now: 10.3, retryAfterSeconds: nil)
        #expect(await pacer.rate == 4)
        // A request sent after the cut still throttled: cut again.
        await pacer.recordThrottle(sentAt: 10.5, now: 10.6, retryAfterSeconds: nil)
        #expect(await pacer.rate == 2)
    }

    @Test func rateNeverFallsBelowTheFloor() async {
        let pacer = Pacer(settings: .init(startRate: 1, floorRate: 0.5))
        for step in 0..<5 {
            await pacer.recordThrottle(sentAt: Double(step), now: Double(step), retryAfterSeconds: nil)
        }
        #expect(await pacer.rate == 0.5)
    }

    @Test func retryAfterHoldsBackTheNextSlot() async {
        let pacer = Pacer(settings: .init(startRate: 10, burst: 1))
        await pacer.recordThrottle(sentAt: 0, now: 5, retryAfterSeconds: 2)
        #expect(await pacer.slot(now: 5) == 7)
    }

    @Test func successesCreepBackUpToTheCeiling() async {
        let pacer = Pacer(settings: .init(startRate: 9, ceilingRate: 10))
        for _ in 0..<19 { await pacer.recordSuccess() }
        #expect(await pacer.rate == 9)
        await pacer.recordSuccess()
        #expect(abs(await pacer.rate - 9.9) < 1e-9)
        for _ in 0..<100 { await pacer.recordSuccess() }
        #expect(await pacer.rate == 10)
    }

    @Test func documentedFamiliesStartUnderTheirPublishedRateWithASecondsBurst() {
        let settings = PacingConfiguration().settings(for: .scimReads)
        #expect(abs(settings.startRate - 255.0 / 60.0 * 0.9) < 1e-9)
        #expect(settings.ceilingRate == 255.0 / 60.0)
        #expect(settings.burst == 3)  // 3.83/s at start
        #expect(!settings.learnsRate)
        let writes = PacingConfiguration().settings(for: .permissionsWrites)
        #expect(writes.ceilingRate == 30)
        #expect(writes.burst == 27)
        #expect(PacingConfiguration().settings(for: .accountSCIMPatches).burst == 2)  // 1.8/s, at least 2
        #expect(PacingConfiguration(publishedRates: [.sqlStatements: 4]).settings(for: .sqlStatements).startRate == 3.6)
    }

    @Test func undocumentedFamiliesLearn() {
        for family in [RequestFamily.scimWrites, .sqlStatements, .lookups, .unityCatalog] {
            let settings = PacingConfiguration().settings(for: family)
            #expect(settings.learnsRate)
            #expect(settings.startRate == .infinity)
            #expect(settings.burst == 2)
            #expect(settings.firstRound == 16)
        }
    }

    @Test func learningPacerSendsRoundsThatDoubleUntilTheFirstThrottle() async {
        let pacer = Pacer(settings: .learning(firstRound: 4))
        var first: [Pacer.Reservation] = []
        for _ in 0..<5 { first.append(await pacer.reserve(now: 3)) }
        #expect(first == Array(repeating: .send(at: 3), count: 4) + [.afterRound])
        for _ in 0..<3 { await pacer.recordSuccess(sentAt: 3) }
        #expect(await pacer.reserve(now: 3.1) == .afterRound)  // one answer still out
        await pacer.recordOtherAnswer()
        var second: [Pacer.Reservation] = []
        for _ in 0..<9 { second.append(await pacer.reserve(now: 3.2)) }
        #expect(second == Array(repeating: .send(at: 3.2), count: 8) + [.afterRound])
        #expect(await pacer.rate == .infinity)
    }

    @Test func aSpentRoundWaitsForItsAnswersWithoutSpinning() async {
        let clock = ManualClock(now: 0)
        let pacing = RequestPacing(configuration: PacingConfiguration(), clock: clock)
        let pacer = pacing.pacer(for: .lookups)!
        for _ in 0..<16 { _ = await pacing.waitForSlot(.lookups) }
        let seventeenth = Task { await pacing.waitForSlot(.lookups) }
        for _ in 0..<16 { await pacer.recordSuccess(sentAt: 0) }
        #expect(await seventeenth.value == 0)
        #expect(clock.waits.isEmpty)
    }

    @Test func firstThrottleHoldsThenPacesAtTheAcceptedRate() async {
        let pacer = Pacer(settings: .learning())
        // 16 sent at once: an earlier success outside the window, ten accepted, six throttled.
        await pacer.recordSuccess(sentAt: 8.5)
        for _ in 0..<10 { await pacer.recordSuccess(sentAt: 10) }
        await pacer.recordThrottle(sentAt: 10, now: 10.02, retryAfterSeconds: 1)
        // Everyone waits out Retry-After without taking a slot.
        #expect(await pacer.reserve(now: 10.5) == .askAgain(at: 11.02))
        // Answers still in flight arrive during the hold: more throttles change nothing, a late
        // success sent in the window still counts.
        await pacer.recordThrottle(sentAt: 10, now: 10.03, retryAfterSeconds: 1)
        await pacer.recordSuccess(sentAt: 10)
        #expect(await pacer.reserve(now: 11.02) == .send(at: 11.02))
        #expect(await pacer.rate == 11)
        #expect(await pacer.ceiling == 11)
        #expect(await pacer.slot(now: 11.02) == 11.02)  // burst 2
        #expect(abs(await pacer.slot(now: 11.02) - (11.02 + 1.0 / 11)) < 1e-9)
        // A throttle of a request sent before the hold does not cut the learned rate.
        await pacer.recordThrottle(sentAt: 10, now: 11.05, retryAfterSeconds: nil)
        #expect(await pacer.rate == 11)
    }

    @Test func theEstimateWaitsForSuccessesStillInFlight() async {
        let pacer = Pacer(settings: .learning(firstRound: 4))
        for _ in 0..<4 { _ = await pacer.reserve(now: 0) }
        await pacer.recordThrottle(sentAt: 0, now: 0.01, retryAfterSeconds: 1)
        await pacer.recordSuccess(sentAt: 0)
        #expect(await pacer.reserve(now: 1.01) == .afterRound)  // two answers still out after the hold
        await pacer.recordSuccess(sentAt: 0)
        await pacer.recordSuccess(sentAt: 0)
        #expect(await pacer.reserve(now: 1.2) == .send(at: 1.2))
        #expect(await pacer.rate == 3)
    }

    @Test func laterThrottlesLowerALearnedCeiling() async {
        let pacer = Pacer(settings: .learning())
        for _ in 0..<40 { await pacer.recordSuccess(sentAt: 0) }
        await pacer.recordThrottle(sentAt: 0, now: 0.1, retryAfterSeconds: nil)
        #expect(await pacer.reserve(now: 1.1) == .send(at: 1.1))  // held 1 s without Retry-After
        #expect(await pacer.ceiling == 40)
        await pacer.recordThrottle(sentAt: 2, now: 2.1, retryAfterSeconds: nil)
        #expect(await pacer.rate == 20)
        #expect(abs(await pacer.ceiling - 40 * 0.5.squareRoot()) < 1e-9)
        for _ in 0..<400 { await pacer.recordSuccess(sentAt: 3) }
        #expect(abs(await pacer.rate - 40 * 0.5.squareRoot()) < 1e-9)
    }

    @Test func globalCapAppliesAcrossFamilies() async {
        let clock = ManualClock(now: 0)
        let pacing = RequestPacing(configuration: .init(globalRequestsPerSecond: 2, isEnabled: false), clock: clock)
        var sent: [Double] = []
        for family in [RequestFamily.scimReads, .lookups, .sqlStatements] {
            sent.append(await pacing.waitForSlot(family))
        }
        #expect(sent == [0, 0.5, 1.0])
    }

    @Test func heldSendersSleepUntilTheLearnedRateIsSettled() async {
        let clock = ManualClock(now: 0)
        let pacing = RequestPacing(configuration: PacingConfiguration(), clock: clock)
        let pacer = pacing.pacer(for: .scimWrites)!
        for _ in 0..<4 { await pacer.recordSuccess(sentAt: 0) }
        await pacer.recordThrottle(sentAt: 0, now: 0, retryAfterSeconds: 2)
        var sent: [Double] = []
        for _ in 0..<3 { sent.append(await pacing.waitForSlot(.scimWrites)) }
        #expect(sent == [2, 2, 2.25])  // held 2 s, then 4/s with a burst of 2
    }

    @Test func pacedFamilyWaitsWithoutSpinning() async {
        let clock = ManualClock(now: 0)
        let pacing = RequestPacing(
            configuration: .init(startFactor: 1, publishedRates: [.scimWrites: 4], burst: 1), clock: clock)
        for _ in 0..<3 { _ = await pacing.waitForSlot(.scimWrites) }
        #expect(clock.waits == [0.25, 0.25])
    }
}
