/// A GraphQL response as `POST /graphql` returns it: `data` and `errors`.
struct GraphQLResult<Fields: Decodable & Sendable>: Decodable, Sendable {
    /// One entry of `errors`.
    struct Failure: Decodable, Sendable {
        /// The facts a gateway error carries (docs/errors.md).
        struct Extensions: Decodable, Sendable {
            var code: String?
            var twilioCode: Int?
            var twilioMessage: String?
            var moreInfo: String?
            var httpStatus: Int?
            var retryable: Bool?
        }

        var message: String
        var path: [String]?
        var extensions: Extensions?
    }

    var data: Fields?
    var errors: [Failure]?
}

/// The `data` of a `twilio_sendSms` mutation.
struct SendSmsFields: Decodable, Sendable {
    /// The selected fields of the sent message.
    struct Message: Decodable, Sendable {
        var sid: String
        var status: String
    }

    var message: Message?

    private enum CodingKeys: String, CodingKey {
        case message = "twilio_sendSms"
    }
}

/// The `data` of `{ twilio_gateway { version } }`.
struct GatewayInfoFields: Decodable, Sendable {
    struct Info: Decodable, Sendable {
        var version: String
    }

    var info: Info?

    private enum CodingKeys: String, CodingKey {
        case info = "twilio_gateway"
    }
}
