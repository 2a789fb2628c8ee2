package com.carmutual.text2data.model;

/** The semantic model is malformed or does not match the warehouse; the message says where. */
public class SemanticModelException extends RuntimeException {
  public SemanticModelException(String message) {
    super(message);
  }
}
