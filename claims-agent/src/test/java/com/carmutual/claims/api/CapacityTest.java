package com.carmutual.claims.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.capacity.RequestPool;
import com.carmutual.claims.intake.ClaimService;
import com.carmutual.claims.photo.DecoderPermits;
import com.carmutual.claims.photo.PhotoDecoder;
import com.carmutual.claims.testing.TestImages;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * Bounded work under load: one photo decode and one request thread with a one-place queue here, so
 * a test can fill them; what does not fit is answered 503 problem+json with Retry-After, stores
 * nothing, and succeeds once capacity is back.
 */
@MicronautTest(environments = "test")
@Property(name = "claims.photo.max-concurrent-decodes", value = "1")
@Property(name = "claims.photo.decode-wait", value = "6s")
@Property(name = "claims.requests.threads", value = "1")
@Property(name = "claims.requests.queue", value = "1")
class CapacityTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject PhotoDecoder decoder;
  @Inject ClaimService claims;

  @Inject RequestPool requests;

  private HttpRequest<MultipartBody> upload(String member) {
    MultipartBody body = MultipartBody.builder()
        .addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, ClaimsApiTest.report("Rear bumper dented.").replace("M-100234", member).getBytes())
        .addPart("photos", "rear.jpg", MediaType.IMAGE_JPEG_TYPE, TestImages.jpeg(TestImages.picture(21, 640, 480), 0.85f))
        .build();
    return HttpRequest.POST("/v1/claims", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key");
  }

  @Test
  void photoDecodesBeyondTheLimitAre503WithRetryAfterAndStoreNothing() throws Exception {
    Semaphore permits = DecoderPermits.of(decoder);
    long[] before = claims.counts();
    permits.acquire();
    try {
      HttpClientResponseException busy = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(upload("M-BUSY"), String.class));
      assertEquals(503, busy.getStatus().getCode());
      assertTrue(busy.getResponse().getHeaders().get("Retry-After") != null, "Retry-After is set");
      assertTrue(Integer.parseInt(busy.getResponse().getHeaders().get("Retry-After")) >= 1);
      assertTrue(busy.getResponse().getContentType().map(MediaType::toString).orElse("").contains("problem+json"));
      assertTrue(busy.getResponse().getBody(String.class).orElse("").contains("rear.jpg"), "names the photo it could not decode");
      assertArrayEquals(before, claims.counts(), "nothing stored");
    } finally {
      permits.release();
    }
    assertEquals(201, http.toBlocking().exchange(upload("M-BUSY"), String.class).code(), "accepted once a decoder is free");
  }

  @Test
  void requestsBeyondThePoolAndItsQueueAre503WithRetryAfter() throws Exception {
    Semaphore permits = DecoderPermits.of(decoder);
    permits.acquire();
    CompletableFuture<HttpResponse<String>> running;
    CompletableFuture<HttpResponse<String>> queued;
    try {
      running = CompletableFuture.supplyAsync(() -> http.toBlocking().exchange(upload("M-POOL"), String.class));
      await(permits::hasQueuedThreads, "the upload waits for a decoder on the only request thread");
      queued = CompletableFuture.supplyAsync(() -> http.toBlocking().exchange(HttpRequest.GET("/v1/claims?limit=1").bearerAuth("test-key"), String.class));
      await(() -> requests.waiting() == 1, "the next request waits in the queue");

      HttpClientResponseException refused =
          assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.GET("/v1/claims?limit=1").bearerAuth("test-key"), String.class));
      assertEquals(503, refused.getStatus().getCode());
      assertTrue(refused.getResponse().getHeaders().get("Retry-After") != null, "Retry-After is set");
      assertTrue(refused.getResponse().getContentType().map(MediaType::toString).orElse("").contains("problem+json"));
    } finally {
      permits.release();
    }
    assertEquals(201, running.get().code(), "the running upload completes once the decoder is free");
    assertEquals(200, queued.get().code(), "the queued request is answered");
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(5);
    }
  }
}
