import Foundation
import Testing

@testable import RollcallKit

/// The client's retry loop and read-back over a scripted transport with a manual clock.
struct ClientRetryLoopTests {
    static let throttled = #"{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"ScimWriteRequest RPC token bucket limit has been exceeded."}"#
    static let userJSON = #"{"id":"42","userName":"a@x.com"}"#

    @Test func sendsAuthorizationUserAgentAndJSONHeaders() async throws {
        let transport = ScriptedTransport([.respond(201, Self.userJSON)])
        let client = try WorkspaceClient.scripted(transport, clock: ManualClock())
        _ = try await client.createUser(userName: "A@X.com", displayName: "A")
        let request = try #require(transport.requests.first)
        #expect(request.headers["Authorization"] == "Bearer dapi-test-token-0001")
        #expect(request.headers["User-Agent"]?.hasPrefix("rollcall/9.9.9 swift/") == true)
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.url.absoluteString == "https://adb-1.example.net/api/2.0/preview/scim/v2/Users")
        let body = try JSONSerialization.jsonObject(with: try #require(request.body)) as? [String: Any]
        #expect(body?["userName"] as? String == "a@x.com")
        #expect((body?["schemas"] as? [String])?.first == "urn:ietf:params:scim:schemas:core:2.0:User")
    }

    @Test func honoursRetryAfterAndCountsThrottles() async throws {
        let transport = ScriptedTransport([
            .respond(429, Self.throttled, headers: ["Retry-After": "3"]),
            .respond(500, Self.throttled),
            .respond(201, Self.userJSON),
        ])
        let clock = ManualClock()
        let client = try WorkspaceClient.scripted(transport, clock: clock)
        let outcome = try await client.createUser(userName: "a@x.com", displayName: nil)
        #expect(outcome == .created(SCIMUser(id: "42", userName: "a@x.com")))
        #expect(clock.waits == [3, 0.5])
        let counts = client.counters.snapshot
        #expect(counts.requests == 3 && counts.retries == 2 && counts.throttles == 2 && counts.writes == 3)
    }

    @Test func givesUpAfterTheBudgetWithTheLastRealError() async throws {
        let transport = ScriptedTransport(Array(repeating: .respond(503, #"{"error_code":"TEMPORARILY_UNAVAILABLE","message":"try later"}"#), count: 50))
        let clock = ManualClock()
        let client = try WorkspaceClient.scripted(transport, clock: clock, retry: RetryPolicy(budgetSeconds: 20))
        await #expect {
            _ = try await client.countUsers()
        } throws: { error in
            (error as? WorkspaceError)?.apiFailure?.status == 503
                && (error as? WorkspaceError)?.apiMessage == "try later"
        }
        // 0.25 + 0.5 + 1 + 2 + 4 + 8 = 15.75 s; the next wait (10 s) would pass the 20 s budget.
        #expect(clock.waits == [0.25, 0.5, 1, 2, 4, 8])
        #expect(transport.requests.count == 7)
    }

    @Test func doesNotRetryRequestErrors() async throws {
        let transport = ScriptedTransport([.respond(400, #"{"error_code":"INVALID_PARAMETER_VALUE","message":"bad"}"#)])
        let client = try WorkspaceClient.scripted(transport, clock: ManualClock())
        await #expect(throws: WorkspaceError.self) { try await client.countUsers() }
        #expect(transport.requests.count == 1)
    }

    @Test func createThatTimedOutThenConflictsIsOursAndReadBack() async throws {
        let conflict = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User with username a@x.com already exists.","status":"409"}"#
        let transport = ScriptedTransport([
            .fail(.timedOut(seconds: 60)),
            .respond(409, conflict),
            .respond(200, #"{"totalResults":0,"Resources":[]}"#),  // stale read after the write
            .respond(200, #"{"totalResults":1,"startIndex":1,"Resources":[\#(Self.userJSON)]}"#),
        ])
        let client = try WorkspaceClient.scripted(transport, clock: ManualClock())
        let outcome = try await client.createUser(userName: "a@x.com", displayName: nil)
        #expect(outcome == .created(SCIMUser(id: "42", userName: "a@x.com")))
        let filter = transport.requests[2].url.query ?? ""
        #expect(filter.contains("filter=userName%20eq%20%22a%40x.com%22"))
        #expect(client.counters.snapshot.transportFailures == 1)
    }

    @Test func plainConflictIsAnExistingUser() async throws {
        let conflict = #"{"detail":"User with username a@x.com already exists.","status":"409"}"#
        let transport = ScriptedTransport([
            .respond(409, conflict),
            .respond(200, #"{"totalResults":1,"Resources":[\#(Self.userJSON)]}"#),
        ])
        let client = try WorkspaceClient.scripted(transport, clock: ManualClock())
        #expect(try await client.createUser(userName: "a@x.com", displayName: nil) == .alreadyExisted(SCIMUser(id: "42", userName: "a@x.com")))
    }

    @Test func refusedConnectionFailsAtOnceAsUnreachable() async throws {
        let transport = ScriptedTransport([.fail(.cannotConnect(host: "adb-1.example.net"))])
        let client = try WorkspaceClient.scripted(transport, clock: ManualClock())
        await #expect {
            _ = try await client.countUsers()
        } throws: { error in
            (error as? WorkspaceError)?.isWorkspaceUnreachable == true
        }
        #expect(transport.requests.count == 1)
    }

    @Test func remembersTheWorkspaceIDHeader() async throws {
        let transport = ScriptedTransport([
            .respond(200, #"{"totalResults":7}"#, headers: ["x-databricks-org-id": "1234567890"])
        ])
        let client = try WorkspaceClient.scripted(transport, clock: ManualClock())
        #expect(client.workspaceID == nil)
        #expect(try await client.countUsers() == 7)
        #expect(client.workspaceID == "1234567890")
    }

    @Test func statementsArePolledUntilTerminalAndFailuresCarryTheWarehouseMessage() async throws {
        let transport = ScriptedTransport([
            .respond(200, #"{"statement_id":"s1","status":{"state":"RUNNING"}}"#),
            .respond(200, #"{"statement_id":"s1","status":{"state":"PENDING"}}"#),
            .respond(200, #"{"statement_id":"s1","status":{"state":"FAILED","error":{"error_code":"BAD_REQUEST","message":"Could not find principal with name g"}}}"#),
        ])
        let clock = ManualClock()
        let client = try WorkspaceClient.scripted(transport, clock: clock)
        await #expect {
            _ = try await client.executeStatement(warehouseID: "w", statement: "GRANT SELECT ON CATALOG `c` TO `g`")
        } throws: { error in
            guard case .statementFailed(let failure) = error as? WorkspaceError else { return false }
            return failure.message == "Could not find principal with name g" && failure.errorCode == "BAD_REQUEST"
        }
        #expect(clock.waits == [0.5, 1])
        #expect(transport.requests.map(\.url.path) == ["/api/2.0/sql/statements", "/api/2.0/sql/statements/s1", "/api/2.0/sql/statements/s1"])
        let body = try JSONSerialization.jsonObject(with: try #require(transport.requests[0].body)) as? [String: Any]
        #expect(body?["wait_timeout"] as? String == "30s")
    }
}
