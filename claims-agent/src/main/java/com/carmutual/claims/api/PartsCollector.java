package com.carmutual.claims.api;

import io.micronaut.http.multipart.CompletedPart;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Collects the parts of a multipart body (name, file name, bytes) as they complete. */
final class PartsCollector implements Subscriber<CompletedPart> {
  record ReceivedPart(String name, String fileName, byte[] bytes) {}

  private final List<ReceivedPart> parts = new ArrayList<>();
  private final CompletableFuture<List<ReceivedPart>> done = new CompletableFuture<>();
  private Subscription subscription;

  CompletableFuture<List<ReceivedPart>> result() {
    return done;
  }

  @Override
  public void onSubscribe(Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(CompletedPart part) {
    try {
      String fileName = part instanceof io.micronaut.http.multipart.CompletedFileUpload f ? f.getFilename() : null;
      parts.add(new ReceivedPart(part.getName(), fileName, part.getBytes()));
    } catch (Exception e) {
      subscription.cancel();
      done.completeExceptionally(e);
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable t) {
    done.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    done.complete(parts);
  }
}
