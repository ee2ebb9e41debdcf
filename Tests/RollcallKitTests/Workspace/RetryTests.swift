import Foundation
import Testing

@testable import RollcallKit

struct RetryPolicyTests {
    let policy = RetryPolicy()

    @Test func backoffDoublesFromAQuarterSecondUpToTen() {
        #expect((1...8).map { policy.backoff(retry: $0) } == [0.25, 0.5, 1, 2, 4, 8, 10, 10])
    }

    @Test(arguments: [1, 3, 7, 12])
    func jitterStaysWithinHalfASecond(retry: Int) throws {
        let low = try #require(policy.delay(retry: retry, elapsedSeconds: 0, retryAfterSeconds: nil, random: 0))
        let high = try #require(policy.delay(retry: retry, elapsedSeconds: 0, retryAfterSeconds: nil, random: 0.999))
        #expect(low == policy.backoff(retry: retry))
        #expect(high < policy.backoff(retry: retry) + 0.5)
        #expect(high > low)
    }

    @Test func retryAfterWinsWhenLongerThanBackoff() {
        #expect(policy.delay(retry: 1, elapsedSeconds: 0, retryAfterSeconds: 3, random: 0) == 3)
        #expect(policy.delay(retry: 6, elapsedSeconds: 0, retryAfterSeconds: 1, random: 0) == 8)
    }

    @Test func noRetryPastTheBudget() {
        #expect(policy.delay(retry: 2, elapsedSeconds: 119.6, retryAfterSeconds: nil, random: 0) == nil)
        #expect(policy.delay(retry: 2, elapsedSeconds: 119.4, retryAfterSeconds: nil, random: 0) == 0.5)
        #expect(RetryPolicy.none.delay(retry: 1, elapsedSeconds: 0, retryAfterSeconds: nil, random: 0) == nil)
    }

    @Test(arguments: [("1", 1.0), (" 5 ", 5.0), ("0", 0.0), ("3600", 60.0)])
    func readsRetryAfterSeconds(header: String, seconds: Double) {
        #expect(RetryAfter.seconds(from: header) == seconds)
    }

    @Test(arguments: ["", "soon", "Wed, 21 Oct 2015 07:28:00 GMT", "-1"])
    func ignoresRetryAfterThatIsNotSeconds(header: String) {
        #expect(RetryAfter.seconds(from: header) == nil)
    }
}

struct RetryClassificationTests {
    func failure(_ status: Int, _ code: String? = nil, _ message: String? = nil) -> APIFailure {
        APIFailure(
            method: .get, path: "/p", host: "h", status: status, errorCode: code, message: message,
            redactor: SecretRedactor())
    }

    @Test func throttlesAndUnavailableAreRetried() {
        #expect(failure(429).isRetryable && failure(429).isThrottle)
        #expect(failure(503, "TEMPORARILY_UNAVAILABLE").isRetryable)
        #expect(failure(500, "REQUEST_LIMIT_EXCEEDED").isThrottle)
        #expect(failure(500, nil, "REQUEST_LIMIT_EXCEEDED: GetUserPermissionsRequest RPC token bucket limit has been exceeded.").isRetryable)
        #expect(failure(500, "INTERNAL_ERROR", "RPC token bucket limit has been exceeded").isThrottle)
    }

    @Test func requestErrorsAreNotRetried() {
        #expect(!failure(500, "INTERNAL_ERROR", "Unhandled Permission level").isRetryable)
        #expect(!failure(400, "INVALID_PARAMETER_VALUE").isRetryable)
        #expect(!failure(409, "SCIM_409").isRetryable)
        #expect(!failure(401).isRetryable)
        #expect(!failure(404).isRetryable)
    }

    @Test func mapsURLErrorCodes() {
        func map(_ code: Int) -> TransportError {
            URLSessionTransport.transportError(urlErrorCode: code, host: "h", detail: "d", timeoutSeconds: 7)
        }
        #expect(map(-1001) == .timedOut(seconds: 7))
        #expect(map(-1005) == .connectionLost)
        #expect(map(-1011) == .emptyReply)
        #expect(map(-1004) == .cannotConnect(host: "h"))
        #expect(map(-1) == .other(code: -1, detail: "d"))
        #expect([-1001, -1005, -1011, -1].allSatisfy { map($0).isRetryable })
        #expect(!map(-1004).isRetryable)
        #expect(!map(-1003).isRetryable)
    }
}
