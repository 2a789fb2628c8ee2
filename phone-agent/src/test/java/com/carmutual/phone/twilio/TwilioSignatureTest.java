package com.carmutual.phone.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test vectors from the notes (twilio-java's RequestValidatorTest). */
class TwilioSignatureTest {
  static final String TOKEN = "12345";
  static final Map<String, String> PARAMS = Map.of(
      "Digits", "1234", "CallSid", "CA1234567890ABCDE", "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");

  @Test
  void signsTheDocumentedVector() {
    assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=",
        TwilioSignature.sign(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=2", PARAMS));
  }

  @Test
  void signsThePortVariantsAsDocumented() {
    assertEquals("kvajT1Ptam85bY51eRf/AJRuM3w=", TwilioSignature.sign(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS));
    assertEquals("0ZXoZLH/DfblKGATFgpif+LLRf4=", TwilioSignature.sign(TOKEN, "http://mycompany.com:80/myapp.php?foo=1&bar=2", PARAMS));
    assertEquals("Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", TwilioSignature.sign(TOKEN, "http://mycompany.com:1234/myapp.php?foo=1&bar=2", PARAMS));
  }

  @Test
  void signsTheJsonBodyHashUrlsWithoutParameters() {
    String hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    assertEquals("a9nBmqA0ju/hNViExpshrM61xv4=",
        TwilioSignature.sign(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + hash, Map.of()));
    assertEquals("y77kIzt2vzLz71DgmJGsen2scGs=",
        TwilioSignature.sign(TOKEN, "https://mycompany.com/myapp.php?bodySHA256=" + hash, Map.of()));
  }

  @Test
  void acceptsTheUrlWithTheDefaultPortAddedOrRemoved() {
    String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    assertTrue(TwilioSignature.valid(TOKEN, url, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    assertTrue(TwilioSignature.valid(TOKEN, url, PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w="));
    assertTrue(TwilioSignature.valid(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    assertTrue(TwilioSignature.valid(TOKEN, "http://mycompany.com/myapp.php?foo=1&bar=2", PARAMS, "0ZXoZLH/DfblKGATFgpif+LLRf4="));
  }

  @Test
  void refusesTamperedParametersOtherPortsWrongTokensAndMissingSignatures() {
    String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    var tampered = new java.util.HashMap<>(PARAMS);
    tampered.put("Digits", "1235");
    assertFalse(TwilioSignature.valid(TOKEN, url, tampered, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    assertFalse(TwilioSignature.valid(TOKEN, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    assertFalse(TwilioSignature.valid("54321", url, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    assertFalse(TwilioSignature.valid(TOKEN, url, PARAMS, null));
    assertFalse(TwilioSignature.valid("", url, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
  }
}
