package com.carmutual.phone.twilio;

import com.carmutual.phone.dialogue.Reply;

/**
 * Writes a dialogue {@link Reply} as TwiML: a {@code <Gather input="speech dtmf">} with the prompts
 * nested (so the caller can barge in) and a {@code <Redirect>} to the same turn for silence; a
 * {@code <Dial>} to the human line; or a {@code <Hangup/>}.
 */
public final class TwiML {
  private TwiML() {}

  public static String write(Reply reply, String actionUrl, String transferNumber) {
    String language = "zh".equals(reply.lang()) ? "cmn-Hans-CN" : "en-US";
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
    switch (reply.action()) {
      case GATHER -> {
        x.append("<Gather input=\"").append(reply.keysOnly() ? "dtmf" : "speech dtmf").append('"')
            .append(" action=\"").append(escape(actionUrl)).append("\" method=\"POST\"")
            .append(" language=\"").append(language).append('"')
            .append(reply.keysOnly() ? " timeout=\"10\" finishOnKey=\"#\"" : " speechTimeout=\"auto\" speechModel=\"phone_call\" timeout=\"6\"");
        if (reply.numDigits() != null) {
          x.append(" numDigits=\"").append(reply.numDigits()).append('"');
        }
        x.append('>');
        say(x, reply, language);
        x.append("</Gather><Redirect method=\"POST\">").append(escape(actionUrl)).append("</Redirect>");
      }
      case TRANSFER -> {
        say(x, reply, language);
        if (transferNumber != null && !transferNumber.isBlank()) {
          x.append("<Dial timeout=\"30\"><Number>").append(escape(transferNumber)).append("</Number></Dial>");
        }
        x.append("<Hangup/>");
      }
      case HANGUP -> {
        say(x, reply, language);
        x.append("<Hangup/>");
      }
    }
    return x.append("</Response>").toString();
  }

  /**
   * Hands the call to ConversationRelay: Twilio speaks {@code reply} as the welcome greeting, then
   * exchanges text with the WebSocket at {@code wsUrl}; when the session ends it asks {@code endedUrl}.
   */
  public static String relay(Reply reply, String wsUrl, String endedUrl) {
    String language = "zh".equals(reply.lang()) ? "zh-CN" : "en-US";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect action=\"" + escape(endedUrl) + "\">"
        + "<ConversationRelay url=\"" + escape(wsUrl) + "\" welcomeGreeting=\"" + escape(String.join(" ", reply.say()))
        + "\" language=\"" + language + "\" interruptible=\"any\" dtmfDetection=\"true\">"
        + "<Language code=\"en-US\"/><Language code=\"zh-CN\"/></ConversationRelay></Connect></Response>";
  }

  /**
   * phone-agent is too busy for this webhook: apologise (in the line's language when the URL names it,
   * else in English and Chinese), pause, and ask {@code retryUrl} again.
   */
  public static String busy(String lang, String retryUrl) {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
    apologise(x, lang, "Sorry, one moment please.", "抱歉，请稍等。");
    x.append("<Pause length=\"2\"/><Redirect method=\"POST\">").append(escape(retryUrl)).append("</Redirect>");
    return x.append("</Response>").toString();
  }

  /** Still too busy after several tries: hand over to the human line if there is one, else end politely. */
  public static String busyGiveUp(String lang, String transferNumber) {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
    if (transferNumber != null && !transferNumber.isBlank()) {
      apologise(x, lang, "Sorry for the wait. Let me put you through to a colleague.", "抱歉让您久等，现在为您转接人工服务。");
      x.append("<Dial timeout=\"30\"><Number>").append(escape(transferNumber)).append("</Number></Dial>");
    } else {
      apologise(x, lang, "Sorry, we cannot take your call right now. Please call again in a few minutes.", "抱歉，现在无法接听，请几分钟后再拨。");
    }
    return x.append("<Hangup/></Response>").toString();
  }

  private static void apologise(StringBuilder x, String lang, String en, String zh) {
    if (!"zh".equals(lang)) {
      x.append("<Say language=\"en-US\">").append(escape(en)).append("</Say>");
    }
    if (!"en".equals(lang)) {
      x.append("<Say language=\"cmn-Hans-CN\">").append(escape(zh)).append("</Say>");
    }
  }

  private static void say(StringBuilder x, Reply reply, String language) {
    for (String s : reply.say()) {
      x.append("<Say language=\"").append(language).append("\">").append(escape(s)).append("</Say>");
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
  }
}
