/// The `ChannelConfiguration` of an email verification: who the email comes from and which
/// template it uses. Every member is optional; `nil` members are left out of the JSON.
public struct VerificationChannelConfiguration: Hashable, Sendable {
    /// The sender's email address; Twilio answers 60200 when it is not a valid address.
    public var from: String?
    /// The sender's display name.
    public var fromName: String?
    /// The email template, such as a SendGrid dynamic template ID.
    public var templateID: String?
    /// Values for the template's variables; left out when empty.
    public var substitutions: [String: String]

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - from: The sender's email address.
    ///   - fromName: The sender's display name.
    ///   - templateID: The email template.
    ///   - substitutions: Values for the template's variables.
    public init(
        from: String? = nil,
        fromName: String? = nil,
        templateID: String? = nil,
        substitutions: [String: String] = [:]
    ) {
        self.from = from
        self.fromName = fromName
        self.templateID = templateID
        self.substitutions = substitutions
    }

    /// The form field's value: a JSON object with the members `from`, `from_name`,
    /// `template_id` and `substitutions` in that order (substitutions sorted by key), written
    /// as twilio-python writes it.
    public var jsonText: String {
        var members: [(String, PythonStyleJSON.Value)] = []
        if let from {
            members.append(("from", .string(from)))
        }
        if let fromName {
            members.append(("from_name", .string(fromName)))
        }
        if let templateID {
            members.append(("template_id", .string(templateID)))
        }
        if !substitutions.isEmpty {
            let sorted = substitutions.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            members.append(("substitutions", .object(sorted.map { ($0.key, .string($0.value)) })))
        }
        return PythonStyleJSON.text(.object(members))
    }
}
