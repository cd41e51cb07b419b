/// The answer to an ``HTTPRequest``.
struct HTTPResponse: Sendable {
    /// The HTTP status, such as 201.
    var status: Int
    /// The headers of the final answer, in the order received.
    var headers: [HTTPHeader]
    var body: [UInt8]

    /// Whether ``status`` is 2xx.
    var isSuccess: Bool {
        (200...299).contains(status)
    }

    /// The first header called `name`, compared without regard to case.
    func header(named name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
