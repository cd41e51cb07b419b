internal import HTTPServer

/// The account and Verify Service a Verify request acts for.
///
/// Verify paths carry no account: the front door has authenticated the request, so the Basic
/// user is the account, and the `{ServiceSid}` of the path must be one of its services.
struct VerifyScope: Sendable {
    var account: SandboxAccount
    var service: SandboxVerifyService

    /// The scope of `request`.
    ///
    /// - Throws: 20404 naming the request's path when the service is not the account's.
    init(_ request: HTTPRequest, state: SandboxState) throws(TwilioError) {
        guard let header = request.headers["Authorization"], let credentials = BasicCredentials(header: header),
            let account = state.accounts[credentials.user],
            let service = request.pathParameters["ServiceSid"].flatMap(account.verifyService(sid:))
        else {
            throw .verifyNotFound(request.path)
        }
        self.account = account
        self.service = service
    }
}
