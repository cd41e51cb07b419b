print("twilio-gateway")
