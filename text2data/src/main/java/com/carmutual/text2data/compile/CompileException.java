package com.carmutual.text2data.compile;

/** The semantic query cannot be compiled against the model; the message tells the analyst why. */
public class CompileException extends RuntimeException {
  public CompileException(String message) {
    super(message);
  }
}
