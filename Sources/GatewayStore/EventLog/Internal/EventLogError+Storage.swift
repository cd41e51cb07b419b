extension EventLogError {
    /// The event log's error for a failure of its SQLite store.
    init(storage error: GatewayStoreError) {
        if error.code == .closed {
            self.init(code: .closed, message: "the event log was closed")
        } else {
            self.init(code: .storageFailed, message: error.description)
        }
    }
}
