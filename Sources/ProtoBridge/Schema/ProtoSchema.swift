/// The services, messages and enums of a set of .proto files, with their comments.
///
/// ``gateway`` is read from the descriptor set that `scripts/generate-protos` embeds in
/// the build, so it always matches the messages ``ProtoMessage`` can encode.
public struct ProtoSchema: Hashable, Sendable {
    /// The services, in the order of their files (sorted by path) and then of declaration.
    public let services: [ProtoServiceInfo]
    /// Every message type, nested ones included (each right after its parent), in file
    /// and declaration order.
    public let messages: [ProtoMessageInfo]
    /// Every enum type, nested ones included, in file and declaration order.
    public let enums: [ProtoEnumInfo]
    private let messageIndex: [String: Int]
    private let enumIndex: [String: Int]

    init(services: [ProtoServiceInfo], messages: [ProtoMessageInfo], enums: [ProtoEnumInfo]) {
        self.services = services
        self.messages = messages
        self.enums = enums
        self.messageIndex = Dictionary(messages.indices.map { (messages[$0].fullName, $0) }) { first, _ in first }
        self.enumIndex = Dictionary(enums.indices.map { (enums[$0].fullName, $0) }) { first, _ in first }
    }

    /// The schema of every file under `Protos/`, read once on first use.
    public static let gateway: ProtoSchema = {
        do {
            return try SchemaLoader.loadEmbedded()
        } catch {
            fatalError("The embedded descriptor set cannot be read (\(error)); rerun scripts/generate-protos.")
        }
    }()

    /// The message type with the full name `fullName` (no leading dot), or `nil`.
    public func message(named fullName: String) -> ProtoMessageInfo? {
        messageIndex[fullName].map { messages[$0] }
    }

    /// The enum type with the full name `fullName` (no leading dot), or `nil`.
    public func enumType(named fullName: String) -> ProtoEnumInfo? {
        enumIndex[fullName].map { enums[$0] }
    }

    /// The service with the full name `fullName`, such as `twilio.gateway.v1.Voice`, or `nil`.
    public func service(named fullName: String) -> ProtoServiceInfo? {
        services.first { $0.fullName == fullName }
    }
}
