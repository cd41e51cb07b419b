internal import GatewayTestSupport
internal import RPCCore
internal import ServiceSupport
internal import Testing
internal import WireFraming

@Suite("Python's ssl module against the TLS RPC port")
struct PythonTLSClientTests {
    @Test("ssl.create_default_context(cafile=...) verifies the server and makes a call over TLS 1.2 or 1.3")
    func verifiedCall() async throws {
        let python = try #require(PythonEnvironment.python, "python3 is not on PATH")
        let certificates = try await TestCertificates.shared
        try await withTestServer(try await TLSTests.serverConfiguration()) { server in
            let common = ["--port", String(server.port), "--tls-ca", certificates.caPath]
            let health = try await PythonClientTests.client(
                python,
                common + ["raw", "--path", TestMethods.healthCheck.path]
            )
            #expect(health["status_name"] as? String == "OK")
            #expect(health["response_hex"] as? String == "0801")
            let version = try #require(health["tls_version"] as? String)
            #expect(["TLSv1.2", "TLSv1.3"].contains(version))

            let tls12 = try await PythonClientTests.client(
                python,
                common + ["--tls-max-version", "1.2", "raw", "--path", TestMethods.echo.path, "--request-hex", "0a0b"]
            )
            #expect(tls12["response_hex"] as? String == "0a0b")
            #expect(tls12["tls_version"] as? String == "TLSv1.2")
        }
    }

    @Test("a Python client limited to TLS 1.1 is refused, and the server logs the failed handshake")
    func tls11Refused() async throws {
        let python = try #require(PythonEnvironment.python, "python3 is not on PATH")
        let certificates = try await TestCertificates.shared
        try await withTestServer(try await TLSTests.serverConfiguration()) { server in
            let result = try await PythonClientTests.client(
                python,
                [
                    "--port", String(server.port), "--tls-ca", certificates.caPath, "--tls-max-version", "1.1",
                    "raw", "--path", TestMethods.echo.path,
                ]
            )
            #expect(result["status_name"] as? String == "UNAVAILABLE")
            #expect(await WireFramingTests.eventually { server.logged("rpc.tls.handshake_failed") })
            let record = server.logs.records.first { $0.message == "rpc.tls.handshake_failed" }
            #expect(record?.metadata["rpc.reason"]?.contains("unsupported protocol") == true)
        }
    }

    @Test("a Python client that does not trust the server's CA fails verification")
    func untrusted() async throws {
        let python = try #require(PythonEnvironment.python, "python3 is not on PATH")
        let certificates = try await TestCertificates.shared
        try await withTestServer(try await TLSTests.serverConfiguration()) { server in
            let result = try await PythonClientTests.client(
                python,
                ["--port", String(server.port), "--tls-ca", certificates.untrustedCAPath, "raw", "--path", "/x.Y/Z"]
            )
            #expect(result["status_name"] as? String == "UNAVAILABLE")
            #expect((result["message"] as? String)?.contains("CERTIFICATE_VERIFY_FAILED") == true)
        }
    }
}
