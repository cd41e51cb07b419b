internal import Synchronization

/// The webhook URLs configured on the sandbox's numbers and Messaging Services, behind a lock.
final class WebhookSettings: Sendable {
    private struct Settings: Sendable {
        var numbers: [String: SandboxNumberWebhooks] = [:]
        var services: [String: SandboxServiceWebhooks] = [:]
    }

    private let settings = Mutex(Settings())

    func set(_ webhooks: SandboxNumberWebhooks, forNumber number: String) {
        settings.withLock { $0.numbers[number] = webhooks }
    }

    func set(_ webhooks: SandboxServiceWebhooks, forService sid: String) {
        settings.withLock { $0.services[sid] = webhooks }
    }

    func number(_ number: String) -> SandboxNumberWebhooks? {
        settings.withLock { $0.numbers[number] }
    }

    func service(_ sid: String) -> SandboxServiceWebhooks? {
        settings.withLock { $0.services[sid] }
    }
}
