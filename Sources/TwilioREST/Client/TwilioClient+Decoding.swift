internal import Foundation

extension TwilioClient {
    /// Decodes a successful answer's JSON body.
    ///
    /// - Throws: ``TwilioTransportError`` of kind ``TwilioTransportError/Kind/invalidResponse``
    ///   when the body is not the expected resource.
    func decode<Resource: Decodable>(
        _ type: Resource.Type,
        from response: HTTPResponse,
        operation: TwilioOperation
    ) throws(TwilioTransportError) -> Resource {
        do {
            return try JSONDecoder().decode(type, from: Data(response.body))
        } catch {
            throw TwilioTransportError(
                kind: .invalidResponse,
                message: "\(operation.name) answered HTTP \(response.status) with a body that is not a "
                    + "\(Resource.self) resource: \(error)"
            )
        }
    }
}
