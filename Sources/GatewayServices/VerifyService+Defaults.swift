internal import GatewayAPI

/// A Verify request that names the Verify Service it runs in.
protocol VerifyServiceScoped {
    var serviceSID: String { get set }
}

extension StartVerificationRequest: VerifyServiceScoped {}
extension CheckVerificationRequest: VerifyServiceScoped {}
extension GetVerificationRequest: VerifyServiceScoped {}
extension CancelVerificationRequest: VerifyServiceScoped {}
extension CreateTotpFactorRequest: VerifyServiceScoped {}
extension VerifyTotpFactorRequest: VerifyServiceScoped {}
extension CreateTotpChallengeRequest: VerifyServiceScoped {}
extension CheckTotpChallengeRequest: VerifyServiceScoped {}

extension VerifyService {
    /// `request` with ``defaultServiceSID`` when it names no service and there is a default.
    func defaulted<Request: VerifyServiceScoped>(_ request: Request) -> Request {
        guard request.serviceSID.isEmpty, let defaultServiceSID else {
            return request
        }
        var request = request
        request.serviceSID = defaultServiceSID
        return request
    }
}
