package com.carmutual.shared.gateway.provider;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * One failed attempt, classified once (see {@link ErrorMapping}): whether a retry can help, the
 * HTTP status if there was one, and how long the provider asked us to wait.
 */
public final class ProviderFailure extends Exception {
  /** Whose problem it was. */
  public enum Type {
    /** 429: slow down and retry. */
    RATE_LIMITED(true),
    /** 5xx, 529: the provider's fault, retry. */
    SERVER_ERROR(true),
    /** The attempt timed out. */
    TIMEOUT(true),
    /** Connection refused, reset or closed early. */
    CONNECTION(true),
    /** 400, 404, 422: our request is wrong; retrying the same request cannot help. */
    INVALID_REQUEST(false),
    /** 401, 403: the key is wrong. */
    AUTHENTICATION(false),
    /** 200 but the body is not what the wire format promises. */
    MALFORMED_RESPONSE(true);

    private final boolean retriable;

    Type(boolean retriable) {
      this.retriable = retriable;
    }

    public boolean retriable() {
      return retriable;
    }
  }

  private final Type type;
  private final int status;
  private final transient Duration retryAfter;

  public ProviderFailure(Type type, int status, @Nullable Duration retryAfter, String message) {
    this(type, status, retryAfter, message, null);
  }

  public ProviderFailure(
      Type type, int status, @Nullable Duration retryAfter, String message, @Nullable Throwable cause) {
    super(message, cause, false, false);
    this.type = type;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public Type type() {
    return type;
  }

  public boolean retriable() {
    return type.retriable();
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  @Nullable
  public Duration retryAfter() {
    return retryAfter;
  }
}
