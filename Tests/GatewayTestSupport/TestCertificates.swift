internal import Foundation

/// A throwaway certificate authority and a server certificate it signed, made with the
/// `openssl` command in a temporary directory the first time a test asks for them.
///
/// The server certificate names `IP:127.0.0.1` and `DNS:localhost`. A second, unrelated CA
/// stands for a root the client does not trust, and a second key belongs to no certificate.
public struct TestCertificates: Sendable {
    /// The directory holding every file.
    public let directory: String
    /// The trusted CA's certificate (PEM).
    public var caPath: String { directory + "/ca.pem" }
    /// The server's certificate (PEM), signed by the trusted CA.
    public var certificatePath: String { directory + "/server.pem" }
    /// The server certificate's private key (PEM).
    public var privateKeyPath: String { directory + "/server.key" }
    /// A CA that signed nothing here.
    public var untrustedCAPath: String { directory + "/other-ca.pem" }
    /// A private key that belongs to no certificate here.
    public var unrelatedKeyPath: String { directory + "/other-ca.key" }

    /// The certificates of this test process, made once.
    public static var shared: TestCertificates {
        get async throws { try await generation.value }
    }

    private static let generation = Task { try await generate() }

    private static func generate() async throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "twgw-tls-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let extensions =
            "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
            + "extendedKeyUsage=serverAuth\n"
        try extensions.write(toFile: directory + "/server.ext", atomically: true, encoding: .utf8)

        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        for name in ["ca", "other-ca"] {
            try await openssl(
                ["req", "-x509"] + key + [
                    "-keyout", "\(directory)/\(name).key", "-out", "\(directory)/\(name).pem", "-days", "2",
                    "-subj", "/CN=twgw test \(name)",
                ]
            )
        }
        try await openssl(
            ["req"] + key + [
                "-keyout", "\(directory)/server.key", "-out", "\(directory)/server.csr",
                "-subj", "/CN=twgw-test-server",
            ]
        )
        try await openssl([
            "x509", "-req", "-in", "\(directory)/server.csr", "-CA", "\(directory)/ca.pem",
            "-CAkey", "\(directory)/ca.key", "-CAcreateserial", "-out", "\(directory)/server.pem",
            "-days", "2", "-extfile", "\(directory)/server.ext",
        ])
        return TestCertificates(directory: directory)
    }

    private static func openssl(_ arguments: [String]) async throws {
        let result = try await PythonPeer.runCommand(["openssl"] + arguments, timeout: .seconds(30))
        guard result.exitCode == 0 else {
            throw PythonPeer.Failure(
                description: "openssl \(arguments.first ?? "") exited with \(result.exitCode): \(result.stderr)"
            )
        }
    }
}
