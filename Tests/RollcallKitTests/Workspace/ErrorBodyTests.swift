import Foundation
import Testing

@testable import RollcallKit

struct ErrorBodyTests {
    @Test func readsGeneralDatabricksError() {
        let body = APIErrorBody.parse(Data(#"{"error_code":"NOT_FOUND","message":"Job 123 does not exist.","details":[]}"#.utf8))
        #expect(body == APIErrorBody(errorCode: "NOT_FOUND", message: "Job 123 does not exist."))
    }

    @Test func readsIntegerErrorCodeOfLegacyEndpoints() {
        let body = APIErrorBody.parse(Data(#"{"error_code":400,"message":"bad"}"#.utf8))
        #expect(body.errorCode == "400")
    }

    @Test func mapsSCIMBodyLikeTheSDKs() {
        let json = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"Invalid JSON provided in request body.","detail":"Request is unparsable, syntactically incorrect, or violates schema.","status":"400"}"#
        let body = APIErrorBody.parse(Data(json.utf8))
        #expect(body.errorCode == "SCIM_400")
        #expect(
            body.message
                == "Invalid JSON provided in request body. Request is unparsable, syntactically incorrect, or violates schema.")
    }

    @Test func scimBodyWithoutTypeHasTrimmedMessage() {
        let json = #"{"detail":"Group with id 1234 is not found","status":"404","schemas":["urn:ietf:params:scim:api:messages:2.0:Error"]}"#
        #expect(APIErrorBody.parse(Data(json.utf8)) == APIErrorBody(errorCode: "SCIM_404", message: "Group with id 1234 is not found"))
    }

    @Test func scimNullDetailIsInternalError() {
        let body = APIErrorBody.parse(Data(#"{"detail":"null","status":"500"}"#.utf8))
        #expect(body == APIErrorBody(errorCode: "SCIM_500", message: "SCIM API Internal Error"))
    }

    @Test func readsOAuthError() {
        let body = APIErrorBody.parse(
            Data(#"{"error":"invalid_request","error_description":"Temporarily throttled, too many requests"}"#.utf8))
        #expect(body == APIErrorBody(errorCode: "invalid_request", message: "Temporarily throttled, too many requests"))
    }

    @Test func readsPlainTextWithCode() {
        let body = APIErrorBody.parse(Data("RESOURCE_DOES_NOT_EXIST: no such workspace\n".utf8))
        #expect(body == APIErrorBody(errorCode: "RESOURCE_DOES_NOT_EXIST", message: "no such workspace"))
    }

    @Test func readsPlainTextWithoutCode() {
        #expect(APIErrorBody.parse(Data("upstream connect error".utf8)) == APIErrorBody(errorCode: nil, message: "upstream connect error"))
    }

    @Test func readsGatewayHTML() {
        let html = "<html><head><title>502 Bad Gateway</title></head><body><PRE>Bad gateway: upstream down</PRE></body></html>"
        #expect(APIErrorBody.parse(Data(html.utf8)).message == "Bad gateway: upstream down")
        let titled = "<html><head><title>503 Service Unavailable</title></head><body><p>x</p></body></html>"
        #expect(APIErrorBody.parse(Data(titled.utf8)).message == "503 Service Unavailable")
    }

    @Test func emptyBodyHasNoMessage() {
        #expect(APIErrorBody.parse(Data()) == APIErrorBody(errorCode: nil, message: nil))
    }
}

struct RedactionTests {
    static let token = "dapi0123456789abcdef0123456789abcdef"

    @Test func redactsKnownSecretsAndTokenShapes() {
        let redactor = SecretRedactor(secrets: ["my-secret-value"])
        let text = redactor.redact("a my-secret-value b dapiabcdef0123456789abcdef c Bearer xyz.abc d")
        #expect(text == "a <redacted> b dapi<redacted> c Bearer <redacted> d")
    }

    @Test func leavesOrdinaryTextAlone() {
        #expect(SecretRedactor(secrets: ["ab"]).redact("dapi is short; bearer") == "dapi is short; bearer")
    }

    @Test func apiFailureNeverCarriesTheToken() {
        let redactor = SecretRedactor(secrets: [Self.token])
        let failure = APIFailure(
            method: .get, path: "/api/2.0/x", host: "h.example", status: 403, errorCode: "PERMISSION_DENIED",
            message: "Invalid access token \(Self.token).", redactor: redactor)
        let error = WorkspaceError.api(failure)
        #expect(!error.description.contains(Self.token))
        #expect(!error.apiMessage.contains(Self.token))
        #expect(!"\(error)".contains("0123456789abcdef"))
    }

    @Test func headersAndTokensDescribeThemselvesRedacted() {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(Self.token)", "Accept": "application/json"]
        headers["user-agent"] = "rollcall/1"
        #expect(!headers.description.contains(Self.token))
        #expect(headers.description.contains("Accept: application/json"))
        #expect(headers["AUTHORIZATION"] == "Bearer \(Self.token)")
        #expect("\(AccessToken(Self.token))" == "<redacted>")
        let request = HTTPRequest(method: .get, url: URL(string: "https://h/x")!, headers: headers)
        #expect(!request.description.contains(Self.token))
    }

    @Test func unauthorizedSaysWhichHostAndWhatToDo() {
        let failure = APIFailure(
            method: .get, path: "/api/2.0/preview/scim/v2/Me", host: "adb-1.azuredatabricks.net", status: 401,
            errorCode: nil, message: "Unauthorized", redactor: SecretRedactor())
        let text = WorkspaceError.api(failure).description
        #expect(text.contains("adb-1.azuredatabricks.net refused the credentials"))
        #expect(text.contains("DATABRICKS_TOKEN"))
        #expect(WorkspaceError.api(failure).isWorkspaceUnreachable)
    }

    @Test func forbiddenTellsInvalidTokenFromMissingAdminRights() {
        func failure(_ message: String) -> WorkspaceError {
            .api(
                APIFailure(
                    method: .post, path: "/api/2.0/preview/scim/v2/Users", host: "h.example", status: 403,
                    errorCode: "PERMISSION_DENIED", message: message, redactor: SecretRedactor()))
        }
        #expect(failure("Invalid access token.").description.contains("h.example refused the token"))
        let notAdmin = failure("Only workspace admins can create users").description
        #expect(notAdmin.contains("h.example refused POST /api/2.0/preview/scim/v2/Users"))
        #expect(notAdmin.contains("workspace admin"))
    }
}
