extension SQLiteConnection {
    /// Applies every entry of `migrations` the file has not had yet, each once, in one
    /// transaction; the file's version lives in `PRAGMA user_version`.
    ///
    /// A new table or index is a new entry at the end; entries already shipped never change.
    ///
    /// - Throws: ``GatewayStoreError`` when a migration fails, or when the file was written by a
    ///   newer version of the gateway.
    func migrate(_ migrations: [String]) throws(GatewayStoreError) {
        try immediateTransaction { () throws(GatewayStoreError) in
            let row = try rows("PRAGMA user_version", columns: 1).first?.first
            guard case .integer(let version) = row, version >= 0 else {
                throw GatewayStoreError(code: .openFailed, message: "the file has no readable schema version")
            }
            guard version <= migrations.count else {
                throw GatewayStoreError(
                    code: .openFailed,
                    message: "the file has schema version \(version), newer than this gateway's "
                        + "\(migrations.count); run a newer gateway or use another data directory"
                )
            }
            for (index, sql) in migrations.enumerated().dropFirst(Int(version)) {
                try execute(sql)
                try execute("PRAGMA user_version=\(index + 1)")
            }
        }
    }
}
