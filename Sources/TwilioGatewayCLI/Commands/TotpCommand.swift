internal import GatewayAPI
internal import GatewayClient

/// `twilio-gateway totp create|verify|challenge|check`: TOTP factors of Twilio Verify for
/// authenticator apps, through a running gateway's RPC port.
enum TotpCommand {
    static let help = """
        Usage: twilio-gateway totp create --service-sid VA... --identity ID --name NAME [options]
               twilio-gateway totp verify --service-sid VA... --identity ID --factor-sid YF... --code CODE [options]
               twilio-gateway totp challenge --service-sid VA... --identity ID --factor-sid YF... [--code CODE] [options]
               twilio-gateway totp check --service-sid VA... --identity ID --challenge-sid YC... --code CODE [options]

        TOTP factors for authenticator apps, as Twilio Verify names the steps:
          create     Creates an unverified factor and prints the secret and the otpauth:// URI to
                     load into the app (they are shown this once; keep them to yourself)
          verify     Verifies the new factor with a first code from the app
          challenge  Creates a challenge of a verified factor; with --code it is answered at once
          check      Answers a pending challenge with a code
        A code that is not accepted leaves the factor unverified or the challenge pending, and
        the command says so.

        Exit status: 0 when the call succeeded and its code (if any) was accepted, 3 when verify,
        challenge --code or check got a code that was not accepted (the output is the same), 1
        when the call failed, 64 for wrong options.

        Options:
          --service-sid SID              The Verify Service, VA... (required)
          --identity ID                  The user, 8 to 64 letters, digits and dashes such as a UUID (required)
          --name NAME                    create only: the factor's name, which the app shows (required)
          --time-step SECONDS            create only: how long each code lasts, 20 to 60 (default 30)
          --skew STEPS                   create only: steps before and after now accepted, 0 to 2 (default 1)
          --code-length DIGITS           create only: 3 to 8 (default 6)
          --algorithm NAME               create only: sha1, sha256 or sha512 (default sha1)
          --factor-sid SID               verify and challenge: the factor, YF...
          --challenge-sid SID            check only: the challenge, YC...
          --code CODE                    The code the app shows now
          --rpc-addr HOST:PORT           The gateway [GATEWAY_RPC_ADDR] (default 127.0.0.1:7701)
          --api-key-file FILE            A file holding the API key to send [or the key in GATEWAY_API_KEY]
          --timeout SECONDS              Deadline of the call (default 10)
        \(RPCCommandOptions.tlsHelp)
          --json                         Print the factor or challenge (or the error) as one JSON object
        """

    static let command = Command(help: help) { words in
        var arguments = try CommandArguments(
            words,
            options: RPCCommandOptions.optionNames.union([
                "service-sid", "identity", "name", "time-step", "skew", "code-length", "algorithm", "factor-sid",
                "challenge-sid", "code",
            ]),
            flags: RPCCommandOptions.flagNames.union(["json"]),
            acceptsPositional: true
        )
        let json = arguments.flag("json")
        let client = try RPCCommandOptions(arguments: &arguments, environment: Environment()).makeClient()
        guard let step = arguments.positional.flatMap(Step.init(rawValue:)) else {
            throw CommandArguments.ParseError(description: "give 'create', 'verify', 'challenge' or 'check' after totp")
        }
        let serviceSID = try arguments.required("service-sid")
        let identity = try arguments.required("identity")
        switch step {
        case .create:
            return try await create(&arguments, client: client, serviceSID: serviceSID, identity: identity, json: json)
        case .verify:
            let request = VerifyTotpFactorRequest(
                serviceSID: serviceSID,
                identity: identity,
                factorSID: try arguments.required("factor-sid"),
                code: try arguments.required("code")
            )
            try arguments.rejectUnknown()
            return try await CommandOutput.run(
                json: json,
                { try await client.verifyTotpFactor(request) },
                asJSON: CommandOutput.json,
                line: verifiedLine,
                status: { $0.status == "verified" ? 0 : CommandOutput.codeNotAccepted }
            )
        case .challenge:
            let request = CreateTotpChallengeRequest(
                serviceSID: serviceSID,
                identity: identity,
                factorSID: try arguments.required("factor-sid"),
                code: arguments.value("code") ?? ""
            )
            try arguments.rejectUnknown()
            return try await CommandOutput.run(
                json: json,
                { try await client.createTotpChallenge(request) },
                asJSON: CommandOutput.json,
                line: { challengeLine($0, answered: !request.code.isEmpty) },
                status: { request.code.isEmpty ? 0 : challengeStatus($0) }
            )
        case .check:
            let request = CheckTotpChallengeRequest(
                serviceSID: serviceSID,
                identity: identity,
                challengeSID: try arguments.required("challenge-sid"),
                code: try arguments.required("code")
            )
            try arguments.rejectUnknown()
            return try await CommandOutput.run(
                json: json,
                { try await client.checkTotpChallenge(request) },
                asJSON: CommandOutput.json,
                line: { challengeLine($0, answered: true) },
                status: challengeStatus
            )
        }
    }

    /// The word after `totp`.
    private enum Step: String {
        case create, verify, challenge, check
    }

    private static func create(
        _ arguments: inout CommandArguments,
        client: GatewayClient,
        serviceSID: String,
        identity: String,
        json: Bool
    ) async throws -> Int32 {
        let request = CreateTotpFactorRequest(
            serviceSID: serviceSID,
            identity: identity,
            friendlyName: try arguments.required("name"),
            timeStep: try arguments.integer("time-step", in: 20...60) ?? 0,
            skew: try arguments.integer("skew", in: 0...2),
            codeLength: try arguments.integer("code-length", in: 3...8) ?? 0,
            algorithm: arguments.value("algorithm") ?? ""
        )
        try arguments.rejectUnknown()
        return try await CommandOutput.run(
            json: json,
            { try await client.createTotpFactor(request) },
            asJSON: CommandOutput.json,
            line: { factor in
                """
                \(factor.sid) \(factor.status): factor "\(factor.friendlyName)" of \(factor.identity)
                secret: \(factor.bindingSecret)
                uri: \(factor.bindingURI)
                Load the secret or the URI into the authenticator app, then verify the factor with its code:
                twilio-gateway totp verify --service-sid \(factor.serviceSID) --identity \(factor.identity) \
                --factor-sid \(factor.sid) --code CODE
                """
            }
        )
    }

    /// The readable line of a factor after `totp verify`.
    private static func verifiedLine(_ factor: TotpFactor) -> String {
        guard factor.status == "verified" else {
            return "\(factor.sid) \(factor.status): the code was not accepted; try the code the app shows now"
        }
        return "\(factor.sid) verified: the code was accepted and the factor can be challenged"
    }

    /// The exit status of a challenge answered with a code: 0 when it was approved.
    private static func challengeStatus(_ challenge: TotpChallenge) -> Int32 {
        challenge.status == "approved" ? 0 : CommandOutput.codeNotAccepted
    }

    /// The readable line of a challenge; `answered` tells whether a code came with the call.
    private static func challengeLine(_ challenge: TotpChallenge, answered: Bool) -> String {
        let prefix = "\(challenge.sid) \(challenge.status)"
        switch challenge.status {
        case "approved":
            return prefix + ": the code was accepted"
        case "pending" where answered:
            return prefix + ": the code was not accepted; answer again with totp check --challenge-sid \(challenge.sid)"
        case "pending":
            return prefix + ": answer it with totp check --challenge-sid \(challenge.sid) --code CODE"
        default:
            return prefix + ": the challenge is over and takes no more codes"
        }
    }
}
