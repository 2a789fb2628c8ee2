package com.carmutual.claims.api;

import io.micronaut.http.multipart.CompletedPart;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Collects the parts of a multipart body as they complete, without reading them: a part over the
 * multipart threshold is already on disk (micronaut.server.multipart mixed/threshold), and the
 * controller streams each part to its own file on a request thread. Parts not taken by then are
 * discarded by {@link #discardAll()}.
 */
final class PartsCollector implements Subscriber<CompletedPart> {
  private final List<CompletedPart> parts = new ArrayList<>();
  private final CompletableFuture<List<CompletedPart>> done = new CompletableFuture<>();
  private final int maxParts;
  private Subscription subscription;

  PartsCollector(int maxParts) {
    this.maxParts = maxParts;
  }

  CompletableFuture<List<CompletedPart>> result() {
    return done;
  }

  @Override
  public synchronized void onSubscribe(Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(CompletedPart part) {
    synchronized (this) {
      parts.add(part);
      if (parts.size() > maxParts) {
        subscription.cancel();
        done.completeExceptionally(new TooManyParts(maxParts));
        return;
      }
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable t) {
    done.completeExceptionally(t);
  }

  @Override
  public synchronized void onComplete() {
    done.complete(List.copyOf(parts));
  }

  /** The part is being read by the caller, who releases it by reading it. */
  synchronized void opened(CompletedPart part) {
    parts.remove(part);
  }

  /** Releases every part not opened (their temporary files go with them). */
  synchronized void discardAll() {
    for (CompletedPart p : parts) {
      try {
        if (p instanceof io.micronaut.http.multipart.CompletedFileUpload f) {
          f.discard();
        }
      } catch (RuntimeException e) {
        // already released
      }
    }
    parts.clear();
  }

  /** More parts than a claim can have. */
  static final class TooManyParts extends RuntimeException {
    TooManyParts(int max) {
      super("more than " + max + " parts");
    }
  }
}
