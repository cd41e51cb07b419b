internal import Foundation

/// The process environment, read once, so commands take their defaults from it.
struct Environment {
    private let values: [String: String]

    init(_ values: [String: String] = ProcessInfo.processInfo.environment) {
        self.values = values
    }

    /// The value of `name`, or `nil` when it is unset or empty.
    subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else {
            return nil
        }
        return value
    }
}
