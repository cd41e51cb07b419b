import TwiML

/// The table of builder programs compared byte for byte with twilio-python.
enum TwiMLCases {
    static let all: [TwiMLCase] = voice + escaping + messaging

    static let voice: [TwiMLCase] = [
        TwiMLCase("empty voice response", python: "r = VoiceResponse()") { VoiceResponse() },
        TwiMLCase(
            "say with voice, loop and language",
            python: "r = VoiceResponse()\nr.say('Hello there', voice='Polly.Joanna', loop=2, language='en-US')"
        ) {
            VoiceResponse { Say("Hello there", voice: "Polly.Joanna", loop: 2, language: "en-US") }
        },
        TwiMLCase("say with empty text", python: "r = VoiceResponse()\nr.say('', voice='alice')") {
            VoiceResponse { Say("", voice: .alice) }
        },
        TwiMLCase("play a URL forever", python: "r = VoiceResponse()\nr.play('https://example.test/a.mp3', loop=0)") {
            VoiceResponse { Play("https://example.test/a.mp3", loop: 0) }
        },
        TwiMLCase("play digits only", python: "r = VoiceResponse()\nr.play(digits='ww1234#')") {
            VoiceResponse { Play(digits: "ww1234#") }
        },
        TwiMLCase(
            "gather with every attribute and nested verbs",
            python: """
                r = VoiceResponse()
                g = r.gather(input='dtmf speech', action='/ivr/menu', method='POST', timeout=5, num_digits=1,
                             finish_on_key='*', speech_timeout='auto', language='en-GB', hints='sales, support')
                g.say('Press 1 for sales.', voice='woman')
                g.pause(length=2)
                g.play('https://example.test/menu.wav')
                r.say('No input received. Goodbye.')
                r.hangup()
                """
        ) {
            VoiceResponse {
                Gather(
                    input: [.dtmf, .speech],
                    action: "/ivr/menu",
                    method: .post,
                    timeout: 5,
                    numDigits: 1,
                    finishOnKey: "*",
                    speechTimeout: .auto,
                    language: "en-GB",
                    hints: "sales, support"
                ) {
                    Say("Press 1 for sales.", voice: .woman)
                    Pause(length: 2)
                    Play("https://example.test/menu.wav")
                }
                Say("No input received. Goodbye.")
                Hangup()
            }
        },
        TwiMLCase(
            "gather speech with a timeout in seconds and no finish key",
            python: "r = VoiceResponse()\nr.gather(input='speech', speech_timeout=3, finish_on_key='')"
        ) {
            VoiceResponse { Gather(input: .speech, finishOnKey: "", speechTimeout: .seconds(3)) }
        },
        TwiMLCase(
            "dial a plain number",
            python: """
                r = VoiceResponse()
                r.dial('+14155550100', action='/dial/done', method='GET', timeout=20, caller_id='+15005550006',
                       record='record-from-answer-dual', answer_on_bridge=True)
                """
        ) {
            VoiceResponse {
                Dial(
                    "+14155550100",
                    action: "/dial/done",
                    method: .get,
                    timeout: 20,
                    callerID: "+15005550006",
                    record: .recordFromAnswerDual,
                    answerOnBridge: true
                )
            }
        },
        TwiMLCase(
            "dial number nouns",
            python: """
                r = VoiceResponse()
                d = r.dial(caller_id='+15005550006', answer_on_bridge=False)
                d.number('+14155550100', send_digits='wwww1928', url='https://example.test/whisper', method='GET',
                         status_callback='https://example.test/leg', status_callback_event='initiated ringing answered',
                         status_callback_method='POST')
                d.number('+14155550101')
                """
        ) {
            VoiceResponse {
                Dial(callerID: "+15005550006", answerOnBridge: false) {
                    Number(
                        "+14155550100",
                        sendDigits: "wwww1928",
                        url: "https://example.test/whisper",
                        method: .get,
                        statusCallback: "https://example.test/leg",
                        statusCallbackEvents: [.initiated, .ringing, .answered],
                        statusCallbackMethod: .post
                    )
                    Number("+14155550101")
                }
            }
        },
        TwiMLCase(
            "record with every attribute",
            python: """
                r = VoiceResponse()
                r.record(action='/recorded', method='POST', timeout=10, max_length=120, finish_on_key='#',
                         play_beep=False, transcribe=True, recording_status_callback='/recording-status')
                """
        ) {
            VoiceResponse {
                Record(
                    action: "/recorded",
                    method: .post,
                    timeout: 10,
                    maxLength: 120,
                    finishOnKey: "#",
                    playBeep: false,
                    transcribe: true,
                    recordingStatusCallback: "/recording-status"
                )
            }
        },
        TwiMLCase(
            "pause, redirect, reject and hangup",
            python: """
                r = VoiceResponse()
                r.pause()
                r.pause(length=3)
                r.redirect('https://example.test/next?step=2', method='GET')
                r.redirect('/relative')
                r.reject(reason='busy')
                r.reject()
                r.hangup()
                """
        ) {
            VoiceResponse {
                Pause()
                Pause(length: 3)
                Redirect("https://example.test/next?step=2", method: .get)
                Redirect("/relative")
                Reject(reason: .busy)
                Reject()
                Hangup()
            }
        },
        TwiMLCase(
            "verbs from a loop and a condition",
            python: """
                r = VoiceResponse()
                for n in range(3):
                    r.say('Item %d' % n)
                r.hangup()
                """
        ) {
            VoiceResponse {
                for item in 0..<3 {
                    Say("Item \(item)")
                }
                if Bool(true) {
                    Hangup()
                } else {
                    Reject()
                }
            }
        },
    ]

    static let escaping: [TwiMLCase] = [
        TwiMLCase(
            "markup characters and quotes in text",
            python: #"""
                r = VoiceResponse()
                r.say('Tom & Jerry <b>"bold"</b> it\'s > 3')
                """#
        ) {
            VoiceResponse { Say(#"Tom & Jerry <b>"bold"</b> it's > 3"#) }
        },
        TwiMLCase(
            "markup characters, quotes and whitespace in attributes",
            python: #"""
                r = VoiceResponse()
                r.redirect('/x', method='POST')
                r.gather(action='/a?x="1"&y=<2>\'z\'\n\t\r end', hints='a\tb')
                """#
        ) {
            VoiceResponse {
                Redirect("/x", method: .post)
                Gather(action: "/a?x=\"1\"&y=<2>'z'\n\t\r end", hints: "a\tb")
            }
        },
        TwiMLCase(
            "tab, line feed and carriage return in text",
            python: #"""
                r = VoiceResponse()
                r.say('one\ttwo\nthree\r\nfour')
                """#
        ) {
            VoiceResponse { Say("one\ttwo\nthree\r\nfour") }
        },
        TwiMLCase(
            "non-ASCII and astral characters kept as they are",
            python: #"""
                r = VoiceResponse()
                r.say('Gr\u00fc\u00dfe \u65e5\u672c \U0001F600 e\u0301 \u00a0\u2028', language='de-DE',
                      voice='Polly.Marlene\U0001F3B5')
                """#
        ) {
            VoiceResponse {
                Say(
                    "Gr\u{FC}\u{DF}e \u{65E5}\u{672C} \u{1F600} e\u{301} \u{A0}\u{2028}",
                    voice: "Polly.Marlene\u{1F3B5}",
                    language: "de-DE"
                )
            }
        },
        TwiMLCase(
            "an already escaped entity is escaped again",
            python: """
                r = VoiceResponse()
                r.say('&amp; &#38; &lt;', voice='&quot;')
                """
        ) {
            VoiceResponse { Say("&amp; &#38; &lt;", voice: "&quot;") }
        },
    ]

    static let messaging: [TwiMLCase] = [
        TwiMLCase("empty messaging response", python: "r = MessagingResponse()") { MessagingResponse() },
        TwiMLCase(
            "message with text and every attribute",
            python: """
                r = MessagingResponse()
                r.message('Thanks & see you <soon>', to='+14155550100', from_='+15005550006',
                          action='/sms/status', method='POST', status_callback='/old-status')
                """
        ) {
            MessagingResponse {
                Message(
                    "Thanks & see you <soon>",
                    to: "+14155550100",
                    from: "+15005550006",
                    action: "/sms/status",
                    method: .post,
                    statusCallback: "/old-status"
                )
            }
        },
        TwiMLCase(
            "message with body and media nouns, then a redirect",
            python: #"""
                r = MessagingResponse()
                m = r.message()
                m.body('Here is the map \U0001F5FA')
                m.media('https://example.test/map.png?size=2&v=1')
                m.media('https://example.test/legend.png')
                r.redirect('https://example.test/next', method='GET')
                """#
        ) {
            MessagingResponse {
                Message {
                    Body("Here is the map \u{1F5FA}")
                    Media("https://example.test/map.png?size=2&v=1")
                    Media("https://example.test/legend.png")
                }
                Redirect("https://example.test/next", method: .get)
            }
        },
        TwiMLCase("empty message", python: "r = MessagingResponse()\nr.message('')") {
            MessagingResponse { Message("") }
        },
    ]
}
