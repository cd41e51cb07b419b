internal import Synchronization

/// Everything the sandbox's Verify API remembers, behind one lock: verifications, the send log
/// behind 60203, the inbox of delivered codes, and TOTP entities, factors and challenges.
///
/// Operations take the current wall-clock time from their caller, so expiry follows the
/// sandbox's injected clock. Every method may be called from any thread.
final class VerifyStore: Sendable {
    /// A recipient of one service: the scope of the pending verification and of the send limit.
    struct Subject: Hashable, Sendable {
        var serviceSID: String
        /// The address's inbox key (see ``VerifyAddress/key(_:)``).
        var address: String
    }

    /// An identity of one service.
    struct EntityKey: Hashable, Sendable {
        var serviceSID: String
        var identity: String
    }

    struct State: Sendable {
        var verifications: [String: VerificationRecord] = [:]
        /// The latest verification of each subject; it is live while `pending`.
        var latest: [Subject: String] = [:]
        /// When codes went to each subject, for the send limit; cleared by an approval.
        var sends: [Subject: [Double]] = [:]
        var deliveries: [SandboxDelivery] = []
        var entities: [EntityKey: String] = [:]
        var factors: [String: FactorRecord] = [:]
        var challenges: [String: ChallengeRecord] = [:]
        var random: SandboxRandom

        /// A SID with `prefix` that `taken` does not hold yet.
        mutating func makeSID(_ prefix: String, unlessIn taken: (String) -> Bool) -> String {
            var sid = SIDFormat.make(prefix: prefix, using: &random)
            while taken(sid) {
                sid = SIDFormat.make(prefix: prefix, using: &random)
            }
            return sid
        }
    }

    let state: Mutex<State>
    private let wallClock: @Sendable () -> Double

    /// Creates an empty store.
    ///
    /// - Parameters:
    ///   - randomSeed: Fixes the sequence of SIDs, or `nil` for system randomness. Codes and
    ///     secrets always come from the system's secure generators.
    ///   - wallClock: The sandbox's clock, in seconds since 1970.
    init(randomSeed: UInt64?, wallClock: @escaping @Sendable () -> Double) {
        let random = randomSeed.map { SandboxRandom.seeded($0 ^ 0x5645_5249_4659) } ?? .system
        state = Mutex(State(random: random))
        self.wallClock = wallClock
    }

    /// The sandbox's current time, in seconds since 1970.
    var now: Double {
        wallClock()
    }

    /// The deliveries to the address with inbox key `key`, oldest first, of one account or all.
    func deliveries(toKey key: String, accountSID: String?) -> [SandboxDelivery] {
        state.withLock { state in
            state.deliveries.filter { delivery in
                VerifyAddress.key(delivery.to) == key && (accountSID == nil || delivery.accountSID == accountSID)
            }
        }
    }
}
