/// One API key as ``APIKeys`` holds it: never its secret, only a hash of it.
public struct APIKeyRecord: Hashable, Sendable {
    /// The public ID that names the key in lists, logs and the key itself.
    public var id: String
    /// What the operator called the key, such as the service that uses it.
    public var name: String
    /// What the key may call, each in a scope's stored form (such as `twilio.gateway.v1.Verify/*`).
    public var scopes: [String]
    /// The SHA-256 of the key's secret.
    public var secretHash: [UInt8]
    /// When the key was created, in seconds since 1970.
    public var createdAt: Double
    /// When the key was revoked, or `nil` while it is valid.
    public var revokedAt: Double?
    /// When the key was last used, to the minute (see ``APIKeys/lastUsedResolution``), or `nil`.
    public var lastUsedAt: Double?

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - id: The public ID.
    ///   - name: The operator's name for the key.
    ///   - scopes: What the key may call, in stored form.
    ///   - secretHash: The SHA-256 of the secret.
    ///   - createdAt: When it was created.
    ///   - revokedAt: When it was revoked, or `nil`.
    ///   - lastUsedAt: When it was last used, or `nil`.
    public init(
        id: String,
        name: String,
        scopes: [String],
        secretHash: [UInt8],
        createdAt: Double,
        revokedAt: Double? = nil,
        lastUsedAt: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.scopes = scopes
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    /// Whether the key was revoked.
    public var isRevoked: Bool {
        revokedAt != nil
    }
}
