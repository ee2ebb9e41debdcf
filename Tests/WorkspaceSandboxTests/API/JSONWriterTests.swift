import Foundation
import Testing
@testable import WorkspaceSandbox

/// `JSONWriter` must write what `JSONSerialization` wrote before it: clients and tests that compare
/// bytes (key order, escaping, number spelling) see no difference.
struct JSONWriterTests {
    private func foundationBytes(_ value: Any) -> [UInt8] {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        return (try? [UInt8](JSONSerialization.data(withJSONObject: value, options: options))) ?? Array("{}".utf8)
    }

    @Test func matchesJSONSerializationOnMixedShapes() {
        let values: [Any] = [
            [String: Any](),
            ["Resources": [["id": "1"]], "itemsPerPage": 1, "schemas": ["urn:x"], "startIndex": 1, "totalResults": 9],
            ["$ref": "Users/1", "display": "A", "value": "1", "type": "direct"],
            ["a_b": 1, "aB": 2, "ab": 3, "a": 4, "A": 5, "item10": 6, "item9": 7, "_x": 8, "Zed": 9, "zed": 10],
            ["text": "quote \" backslash \\ slash / tab \t nl \n cr \r bell \u{7} us \u{1f} bs \u{8} ff \u{c}"],
            ["unicode": "Zoë – 東京 🚀", "empty": "", "flags": [true, false], "big": Int64.max, "neg": -3],
            ["nested": ["deeper": [["k": ["v": [1, 2, 3]]]]], "strings": ["a", "b"] as [String]],
            ["typed": [["value": "x"]] as [[String: String]], "odbc": ["port": 443, "host": "h"] as [String: Any]],
            ["double": 1.5, "whole": 2.0, "null": NSNull()],
        ]
        for value in values {
            #expect(JSONBody.bytes(value) == foundationBytes(value), "\(value)")
        }
    }

    @Test func valuesReadFromJSONKeepFoundationsSpelling() throws {
        let text = #"{"count":3,"ok":true,"no":false,"ratio":0.25,"list":[1,"x",null],"o":{"B":1,"a":2}}"#
        let parsed = try #require(JSONBody.object(Array(text.utf8)))
        #expect(JSONBody.bytes(parsed) == foundationBytes(parsed))
    }

    @Test func whatFoundationCannotWriteIsAnEmptyObject() {
        #expect(JSONBody.bytes(["when": Date()]) == Array("{}".utf8))
        #expect(JSONBody.bytes("bare string") == Array("{}".utf8))
    }

    /// Real responses, read back and written again by Foundation, come out byte for byte the same.
    @Test func apiResponsesAreWhatFoundationWouldWrite() throws {
        let client = APITestClient()
        _ = client.post("\(Paths.scim)/Users", ["userName": "zoë@x.com", "displayName": "Zoë \"Z\" / Ü", "entitlements": [["value": "workspace-access"]]])
        _ = client.post("\(Paths.scim)/Groups", ["displayName": "team-1"])
        let paths = [
            "\(Paths.scim)/Me", "\(Paths.scim)/Users", "\(Paths.scim)/Users?attributes=id,userName",
            "\(Paths.scim)/Groups", "/api/2.0/clusters/list", "/api/2.1/clusters/list?page_size=1",
            "/api/2.0/sql/warehouses", "/api/2.0/permissions/clusters/\(SeedState.clusterID)",
            "/api/2.0/permissions/warehouses/\(SeedState.warehouseID)/permissionLevels",
            "/api/2.0/workspace/get-status?path=/Shared/workshop", "/api/2.0/serving-endpoints",
            "/api/2.1/unity-catalog/permissions/catalog/\(SeedState.catalogName)", "/.well-known/databricks-config",
            "\(Paths.scim)/Users/424242", "/api/2.0/nowhere",
        ]
        for path in paths {
            let body = client.get(path).body
            let parsed = try JSONSerialization.jsonObject(with: Data(body))
            #expect(body == foundationBytes(parsed), "\(path)")
        }
    }
}
