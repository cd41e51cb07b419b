extension HealthCheckResponse {
    /// Whether a service can take calls (`HealthCheckResponse.ServingStatus`).
    ///
    /// Numbers this version does not name are kept, so a newer peer's status survives a
    /// round trip.
    public struct ServingStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The enum number on the wire.
        public var rawValue: Int32

        /// Creates a status from its number.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// The status is not known.
        public static let unknown = ServingStatus(rawValue: 0)
        /// The service takes calls.
        public static let serving = ServingStatus(rawValue: 1)
        /// The service refuses calls, for example while shutting down.
        public static let notServing = ServingStatus(rawValue: 2)
        /// The gateway has no service of that name (Watch only).
        public static let serviceUnknown = ServingStatus(rawValue: 3)

        /// The name in the .proto file, such as `NOT_SERVING`, or `SERVING_STATUS_<n>`.
        public var description: String {
            switch rawValue {
            case 0: "UNKNOWN"
            case 1: "SERVING"
            case 2: "NOT_SERVING"
            case 3: "SERVICE_UNKNOWN"
            default: "SERVING_STATUS_\(rawValue)"
            }
        }
    }
}
