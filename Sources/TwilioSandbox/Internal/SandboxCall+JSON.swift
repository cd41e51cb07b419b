extension SandboxCall {
    /// The Call resource as the 2010-04-01 API writes it (twilio-api.md §3.4): snake_case keys,
    /// `duration` and `queue_time` as strings, RFC 2822 dates, every field present (null when
    /// unset). `start_time` is set once dialling starts; `end_time` and `duration` once the
    /// call ended, `duration` only for answered calls.
    var json: JSONValue {
        .object([
            "account_sid": .string(accountSID),
            "annotation": .null,
            "answered_by": .optional(answeredBy),
            "api_version": "2010-04-01",
            "caller_name": .null,
            "date_created": .string(RFC2822Date.format(dateCreated)),
            "date_updated": .string(RFC2822Date.format(dateUpdated)),
            "direction": .string(direction),
            "duration": .optional(duration.map { String($0) }),
            "end_time": .optional(endTime.map(RFC2822Date.format)),
            "forwarded_from": .null,
            "from": .string(from),
            "from_formatted": .string(PhoneNumberFormat.display(from)),
            "group_sid": .null,
            "parent_call_sid": .null,
            "phone_number_sid": .null,
            "price": .null,
            "price_unit": "USD",
            "queue_time": "0",
            "sid": .string(sid),
            "start_time": .optional(startTime.map(RFC2822Date.format)),
            "status": .string(status.rawValue),
            "subresource_uris": .object(
                Dictionary(
                    uniqueKeysWithValues: Self.subresources.map { key, file in (key, .string(subresourceURI(file))) }
                )
            ),
            "to": .string(to),
            "to_formatted": .string(PhoneNumberFormat.display(to)),
            "trunk_sid": .null,
            "uri": .string(uri),
        ])
    }

    private static let subresources = [
        ("events", "Events"), ("notifications", "Notifications"), ("payments", "Payments"),
        ("recordings", "Recordings"), ("siprec", "Siprec"), ("streams", "Streams"),
        ("transcriptions", "Transcriptions"), ("user_defined_message_subscriptions", "UserDefinedMessageSubscriptions"),
        ("user_defined_messages", "UserDefinedMessages"),
    ]

    private func subresourceURI(_ name: String) -> String {
        "/2010-04-01/Accounts/\(accountSID)/Calls/\(sid)/\(name).json"
    }
}
