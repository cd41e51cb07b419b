internal import Foundation
internal import SecureTransport

/// A self-signed certificate for 127.0.0.1, made with the `openssl` command in a temporary
/// directory, for `--tls` runs; the client trusts the certificate itself.
struct BenchCertificate {
    let server: TLSServerContext
    let client: TLSClientContext

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-bench-tls-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=gateway-bench",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError(
                message: "openssl could not make a certificate for --tls (exit \(process.terminationStatus))"
            )
        }
        server = try TLSServerContext(certificateChainPath: certificate, privateKeyPath: key)
        client = try TLSClientContext(trustRootsPath: certificate)
    }
}
