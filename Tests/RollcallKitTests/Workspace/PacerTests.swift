import Testing

@testable import RollcallKit

struct PacerTests {
    @Test func spacesRequestsAtTheRateAfterABurst() async {
        let pacer = Pacer(settings: .init(startRate: 10, burst: 2))
        var slots: [Double] = []
        for _ in 0..<5 { slots.append(await pacer.reserve(now: 100)) }
        #expect(slots.map { ($0 * 1000).rounded() / 1000 } == [100, 100, 100.1, 100.2, 100.3])
    }

    @Test func idleTimeRefillsOnlyTheBurst() async {
        let pacer = Pacer(settings: .init(startRate: 10, burst: 1))
        _ = await pacer.reserve(now: 0)
        let afterIdle = await pacer.reserve(now: 50)
        let next = await pacer.reserve(now: 50)
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
        #expect(await pacer.reserve(now: 5) == 7)
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

    @Test func familiesStartUnderTheirPublishedRate() {
        let settings = PacingConfiguration().settings(for: .scimReads)
        #expect(abs(settings.startRate - 255.0 / 60.0 * 0.9) < 1e-9)
        #expect(settings.ceilingRate == 255.0 / 60.0)
        #expect(PacingConfiguration().settings(for: .permissionsWrites).ceilingRate == 30)
        #expect(PacingConfiguration(publishedRates: [.sqlStatements: 4]).settings(for: .sqlStatements).startRate == 3.6)
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

    @Test func pacedFamilyWaitsWithoutSpinning() async {
        let clock = ManualClock(now: 0)
        let pacing = RequestPacing(
            configuration: .init(startFactor: 1, publishedRates: [.scimWrites: 4], burst: 1), clock: clock)
        for _ in 0..<3 { _ = await pacing.waitForSlot(.scimWrites) }
        #expect(clock.waits == [0.25, 0.25])
    }
}
