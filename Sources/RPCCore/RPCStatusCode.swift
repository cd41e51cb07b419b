/// A call's outcome, with gRPC's numbering and names.
///
/// The set is open: a peer may send a code this version does not name, which keeps its
/// number and prints as `CODE_<n>`.
public struct RPCStatusCode: Hashable, Sendable, CustomStringConvertible {
    /// The code's number on the wire.
    public let rawValue: UInt8

    /// Creates a code from its wire number.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The call succeeded.
    public static let ok = RPCStatusCode(rawValue: 0)
    /// The call was cancelled, usually by the caller.
    public static let cancelled = RPCStatusCode(rawValue: 1)
    /// An error that fits no other code.
    public static let unknown = RPCStatusCode(rawValue: 2)
    /// The request is wrong and will stay wrong if sent again.
    public static let invalidArgument = RPCStatusCode(rawValue: 3)
    /// The deadline passed before the call finished.
    public static let deadlineExceeded = RPCStatusCode(rawValue: 4)
    /// The requested resource does not exist.
    public static let notFound = RPCStatusCode(rawValue: 5)
    /// The resource to create exists already.
    public static let alreadyExists = RPCStatusCode(rawValue: 6)
    /// The caller may not make this call.
    public static let permissionDenied = RPCStatusCode(rawValue: 7)
    /// A limit or quota was hit.
    public static let resourceExhausted = RPCStatusCode(rawValue: 8)
    /// The system is not in a state in which the call can run.
    public static let failedPrecondition = RPCStatusCode(rawValue: 9)
    /// The call was aborted, for example by a conflict.
    public static let aborted = RPCStatusCode(rawValue: 10)
    /// A value lies outside its valid range.
    public static let outOfRange = RPCStatusCode(rawValue: 11)
    /// The method is not implemented.
    public static let unimplemented = RPCStatusCode(rawValue: 12)
    /// An invariant of the server broke.
    public static let internalError = RPCStatusCode(rawValue: 13)
    /// The service, or Twilio behind it, cannot be reached now; retrying may help.
    public static let unavailable = RPCStatusCode(rawValue: 14)
    /// Data was lost or corrupted.
    public static let dataLoss = RPCStatusCode(rawValue: 15)
    /// The caller did not prove who it is.
    public static let unauthenticated = RPCStatusCode(rawValue: 16)

    /// The code's gRPC name, such as `INVALID_ARGUMENT`.
    public var description: String {
        Self.names[Int(rawValue)] ?? "CODE_\(rawValue)"
    }

    private static let names: [Int: String] = [
        0: "OK", 1: "CANCELLED", 2: "UNKNOWN", 3: "INVALID_ARGUMENT", 4: "DEADLINE_EXCEEDED", 5: "NOT_FOUND",
        6: "ALREADY_EXISTS", 7: "PERMISSION_DENIED", 8: "RESOURCE_EXHAUSTED", 9: "FAILED_PRECONDITION",
        10: "ABORTED", 11: "OUT_OF_RANGE", 12: "UNIMPLEMENTED", 13: "INTERNAL", 14: "UNAVAILABLE",
        15: "DATA_LOSS", 16: "UNAUTHENTICATED",
    ]
}
