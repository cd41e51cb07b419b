internal import Foundation
internal import HTTPServer
internal import WireFraming

/// Why `serve` could not start, worded for whoever runs it: what it was doing and why that
/// failed, such as `cannot listen on 127.0.0.1:8080 for HTTP: address already in use`.
struct StartupFailure: Error, CustomStringConvertible {
    var description: String

    /// A port that could not be opened for `purpose` (`RPC`, `HTTP`).
    static func cannotListen(on address: HostAndPort, for purpose: String, _ error: any Error) -> StartupFailure {
        StartupFailure(description: "cannot listen on \(address) for \(purpose): \(reason(error))")
    }

    /// A start-up step other than listening, such as `start the Twilio sandbox`, that failed.
    static func cannot(_ step: String, _ error: any Error) -> StartupFailure {
        StartupFailure(description: "cannot \(step): \(reason(error))")
    }

    /// The system's reason for a failed system call, in lower case as in `address already in
    /// use`; otherwise the error's own message, without its code's name.
    static func reason(_ error: any Error) -> String {
        let errorNumber = (error as? TransportError)?.errorNumber ?? (error as? HTTPServerError)?.errorNumber
        if let errorNumber, let text = strerror(errorNumber) {
            let reason = String(cString: text)
            return reason.prefix(1).lowercased() + reason.dropFirst()
        }
        if let error = error as? TransportError {
            return error.message
        }
        if let error = error as? HTTPServerError {
            return error.message
        }
        return String(describing: error)
    }
}
