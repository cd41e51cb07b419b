internal import ProtoBridge

/// How Protobuf names become GraphQL names.
///
/// Every GraphQL name the gateway derives comes from here, so the rules can be read in one place:
/// - a root field is ``fieldPrefix`` plus the method name in lowerCamelCase (`SendSms` →
///   `twilio_sendSms`); `Get<X>` and `List<X>` drop the verb (`GetMessage` → `twilio_message`),
///   and so does `Subscribe<X>` among the server-streaming methods (`SubscribeEvents` →
///   `twilio_events`);
/// - an output type is the message's name with its enclosing messages' names before it
///   (`Message`, `EventParametersEntry`); enums likewise (`HealthCheckResponseServingStatus`);
/// - an input type is the output name with a trailing `Request` replaced by `Input`, or with
///   `Input` appended (`SendSmsInput`, `FieldViolationInput`);
/// - a field or argument is the field's Protobuf JSON name (`messagingServiceSid`).
enum GraphQLNaming {
    /// The prefix of every derived root field.
    static let fieldPrefix = "twilio_"

    /// What a unary method becomes at the root of the schema.
    enum RootKind {
        /// A Query field taking the request's fields as arguments (`Get<X>`, `List<X>`).
        case query
        /// A Mutation field taking one `input` argument.
        case mutation
    }

    /// The root kind and field name of a unary method.
    static func rootField(forMethod name: String) -> (kind: RootKind, name: String) {
        for verb in ["Get", "List"] {
            if let rest = droppingVerb(verb, from: name) {
                return (.query, fieldPrefix + lowerCamel(rest))
            }
        }
        return (.mutation, fieldPrefix + lowerCamel(name))
    }

    /// The Subscription field name of a server-streaming method, and whether the field takes
    /// the request's fields as arguments (`Subscribe<X>`) rather than one `input` argument.
    static func subscriptionField(forMethod name: String) -> (takesFields: Bool, name: String) {
        if let rest = droppingVerb("Subscribe", from: name) {
            return (true, fieldPrefix + lowerCamel(rest))
        }
        return (false, fieldPrefix + lowerCamel(name))
    }

    /// The GraphQL name of a message or enum type for output (and, for enums, input).
    static func typeName(forFullName fullName: String, in schema: ProtoSchema) -> String {
        scopedComponents(of: fullName, in: schema).joined()
    }

    /// The GraphQL name of a message type used as input.
    static func inputTypeName(forFullName fullName: String, in schema: ProtoSchema) -> String {
        let name = typeName(forFullName: fullName, in: schema)
        if name.hasSuffix("Request"), name != "Request" {
            return name.dropLast("Request".count) + "Input"
        }
        return name + "Input"
    }

    /// `SendSms` → `sendSms`, `SMSStatus` → `smsStatus`, `URL` → `url`.
    ///
    /// A leading run of capitals is lowercased, except for the last one when a lowercase
    /// letter follows it, which starts the next word.
    static func lowerCamel(_ name: String) -> String {
        let characters = Array(name)
        var leadingCapitals = 0
        while leadingCapitals < characters.count, characters[leadingCapitals].isUppercase {
            leadingCapitals += 1
        }
        if leadingCapitals > 1, leadingCapitals < characters.count, characters[leadingCapitals].isLowercase {
            leadingCapitals -= 1
        }
        let head = String(characters[..<leadingCapitals]).lowercased()

        return head + String(characters[leadingCapitals...])
    }

    /// The rest of `name` after `verb` when `verb` starts it as a word (`GetMessage`, not `Getaway`).
    private static func droppingVerb(_ verb: String, from name: String) -> String? {
        guard name.hasPrefix(verb) else {
            return nil
        }
        let rest = name.dropFirst(verb.count)
        guard let first = rest.first, first.isUppercase else {
            return nil
        }
        return String(rest)
    }

    /// The components of `fullName` from its outermost message on: `Event.ParametersEntry` for
    /// `twilio.gateway.v1.Event.ParametersEntry`.
    ///
    /// The package is the longest prefix that names no message or enum.
    private static func scopedComponents(of fullName: String, in schema: ProtoSchema) -> [String] {
        let components = fullName.split(separator: ".").map(String.init)
        for count in 1..<max(components.count, 1) {
            let prefix = components[..<count].joined(separator: ".")
            if schema.message(named: prefix) != nil {
                return Array(components[(count - 1)...])
            }
        }
        return components.last.map { [$0] } ?? []
    }
}
