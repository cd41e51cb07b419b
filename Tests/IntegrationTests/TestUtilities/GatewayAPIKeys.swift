internal import Synchronization

/// The API keys of the live-mode gateways a test started, by their ports, so that the helpers
/// that reach a gateway by port alone (``withGatewayClient(port:timeout:apiKey:_:)``,
/// ``HTTPClient/postGraphQL(_:port:apiKey:)``, ``SendSmsCommand``) send its key.
enum GatewayAPIKeys {
    private static let byPort = Mutex<[Int: String]>([:])

    /// Notes `key` for each of `ports`.
    static func register(_ key: String, ports: [Int]) {
        byPort.withLock { table in
            for port in ports {
                table[port] = key
            }
        }
    }

    /// Forgets the keys of `ports`, once their gateway has stopped.
    static func remove(ports: [Int]) {
        byPort.withLock { table in
            for port in ports {
                table[port] = nil
            }
        }
    }

    /// The key of the gateway listening on `port`, if it needs one.
    static func key(forPort port: Int) -> String? {
        byPort.withLock { $0[port] }
    }
}
