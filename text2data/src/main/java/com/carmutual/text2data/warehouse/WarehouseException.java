package com.carmutual.text2data.warehouse;

/** The warehouse could not run a query (unreachable, timed out, refused). */
public class WarehouseException extends RuntimeException {
  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }
}
