extension SandboxMessage {
    /// The Message resource as the 2010-04-01 API writes it: snake_case keys, counts as strings,
    /// RFC 2822 dates, every field present (null when unset).
    var json: JSONValue {
        .object([
            "account_sid": .string(accountSID),
            "api_version": "2010-04-01",
            "body": .string(body),
            "date_created": .string(RFC2822Date.format(dateCreated)),
            "date_sent": .optional(dateSent.map(RFC2822Date.format)),
            "date_updated": .string(RFC2822Date.format(dateUpdated)),
            "direction": .string(direction),
            "error_code": .optional(errorCode),
            "error_message": .optional(errorMessage),
            "from": .optional(from),
            "messaging_service_sid": .optional(messagingServiceSID),
            "num_media": .string(String(mediaURLs.count)),
            "num_segments": .string(String(numSegments)),
            "price": .null,
            "price_unit": "USD",
            "sid": .string(sid),
            "status": .string(status.rawValue),
            "subresource_uris": .object([
                "media": .string("/2010-04-01/Accounts/\(accountSID)/Messages/\(sid)/Media.json")
            ]),
            "to": .string(to),
            "uri": .string(uri),
        ])
    }
}
