package com.carmutual.phone;

import com.carmutual.phone.call.CallStatusListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Records every status callback the service applied, in order. A test can also make it hold the
 * callbacks of calls whose CallSid starts with a prefix (to keep requests in progress) until released.
 */
@Singleton
public final class RecordingStatusListener implements CallStatusListener {
  /** One applied callback. */
  public record Heard(String callSid, String status, String answeredBy) {}

  private final List<Heard> heard = new CopyOnWriteArrayList<>();
  private volatile String holdPrefix;
  private volatile CountDownLatch release = new CountDownLatch(0);
  private final Semaphore held = new Semaphore(0);

  @Override
  public void onStatus(String callSid, String callStatus, String answeredBy) {
    heard.add(new Heard(callSid, callStatus, answeredBy));
    String prefix = holdPrefix;
    if (prefix != null && callSid.startsWith(prefix)) {
      held.release();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public List<String> statuses(String callSid) {
    return heard.stream().filter(h -> h.callSid().equals(callSid)).map(Heard::status).toList();
  }

  /** From now on, callbacks of calls starting with {@code prefix} wait until {@link #release()}. */
  public void hold(String prefix) {
    release = new CountDownLatch(1);
    holdPrefix = prefix;
  }

  /** Waits until {@code n} callbacks are being held. */
  public boolean awaitHeld(int n) throws InterruptedException {
    return held.tryAcquire(n, 10, TimeUnit.SECONDS);
  }

  public void release() {
    holdPrefix = null;
    release.countDown();
  }
}
