package com.carmutual.claims.photo;

import java.util.concurrent.Semaphore;

/** Lets a test take every photo-decode permit, as a burst of concurrent uploads would. */
public final class DecoderPermits {
  private DecoderPermits() {}

  public static Semaphore of(PhotoDecoder decoder) {
    return decoder.permits;
  }
}
