internal import SecureTransport

extension ServeConfiguration {
    /// The options of `serve` that turn TLS on.
    static let tlsOptionNames: Set<String> = ["tls-cert", "tls-key"]

    /// The lines of `serve --help` about TLS.
    static let tlsHelp = """
          --tls-cert FILE            Certificate chain (PEM, the server's own first) for TLS on both
                                     the RPC and the HTTP port [GATEWAY_TLS_CERT]; needs --tls-key
          --tls-key FILE             Its private key (PEM, unencrypted; mode 0600, or 0640 with a
                                     warning) [GATEWAY_TLS_KEY]
        """

    /// The server TLS context `--tls-cert` and `--tls-key` (or their variables) ask for, or
    /// `nil` when neither is given.
    ///
    /// - Throws: When only one of the two is given, or the files cannot be used (the message
    ///   names the file and the reason, never the key's contents).
    static func readTLS(_ arguments: inout CommandArguments, _ environment: Environment) throws
        -> TLSServerContext?
    {
        let certificate = arguments.value("tls-cert") ?? environment["GATEWAY_TLS_CERT"]
        let key = arguments.value("tls-key") ?? environment["GATEWAY_TLS_KEY"]
        switch (certificate, key) {
        case (nil, nil):
            return nil
        case (let certificate?, let key?):
            do {
                return try TLSServerContext(certificateChainPath: certificate, privateKeyPath: key)
            } catch {
                throw CommandArguments.ParseError(description: error.message)
            }
        default:
            throw CommandArguments.ParseError(
                description: "give both --tls-cert and --tls-key (or GATEWAY_TLS_CERT and GATEWAY_TLS_KEY), or neither"
            )
        }
    }
}
