extension TwilioSandbox {
    /// The calls of an account, oldest first.
    ///
    /// - Parameter accountSID: The account; the first account when `nil`.
    /// - Returns: The account's calls as they are now.
    public func calls(accountSID: String? = nil) -> [SandboxCall] {
        let sid = accountSID ?? account.sid
        return callStore.calls { $0.accountSID == sid }
    }

    /// The call with `sid` in any account, or `nil`: its status, the TwiML it ran and the
    /// status callbacks it sent so far.
    ///
    /// - Parameter sid: A Call SID.
    /// - Returns: The call as it is now.
    public func call(sid: String) -> SandboxCall? {
        callStore.call(sid: sid, accountSID: nil)
    }
}
