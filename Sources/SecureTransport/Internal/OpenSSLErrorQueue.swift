internal import COpenSSL

/// Reads OpenSSL's per-thread error queue, which every failing call leaves its reasons in.
enum OpenSSLErrorQueue {
    /// The reasons queued since the last call, oldest first, joined with `; `, and clears the
    /// queue; `fallback` when it was empty.
    static func takeReasons(or fallback: String) -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            guard code != 0 else {
                break
            }
            if let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else {
                reasons.append("OpenSSL error \(code)")
            }
        }
        return reasons.isEmpty ? fallback : reasons.joined(separator: "; ")
    }

    /// Empties the queue, so that the next failure's reasons are not mixed with old ones.
    static func clear() {
        ERR_clear_error()
    }
}
