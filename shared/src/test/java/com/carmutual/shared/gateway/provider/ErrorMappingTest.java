package com.carmutual.shared.gateway.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, ProviderFailure.Type.INVALID_REQUEST, false),
        Arguments.of(401, ProviderFailure.Type.AUTHENTICATION, false),
        Arguments.of(403, ProviderFailure.Type.AUTHENTICATION, false),
        Arguments.of(404, ProviderFailure.Type.INVALID_REQUEST, false),
        Arguments.of(408, ProviderFailure.Type.SERVER_ERROR, true),
        Arguments.of(409, ProviderFailure.Type.SERVER_ERROR, true),
        Arguments.of(413, ProviderFailure.Type.INVALID_REQUEST, false),
        Arguments.of(422, ProviderFailure.Type.INVALID_REQUEST, false),
        Arguments.of(429, ProviderFailure.Type.RATE_LIMITED, true),
        Arguments.of(500, ProviderFailure.Type.SERVER_ERROR, true),
        Arguments.of(502, ProviderFailure.Type.SERVER_ERROR, true),
        Arguments.of(503, ProviderFailure.Type.SERVER_ERROR, true),
        Arguments.of(504, ProviderFailure.Type.SERVER_ERROR, true),
        Arguments.of(529, ProviderFailure.Type.SERVER_ERROR, true));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("statuses")
  void mapsEachStatusToWhetherARetryCanHelp(int status, ProviderFailure.Type type, boolean retriable) {
    assertEquals(type, ErrorMapping.typeOf(status));
    assertEquals(retriable, ErrorMapping.typeOf(status).retriable());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("transportErrors")
  void transportErrorsAreRetriable(Exception e, ProviderFailure.Type type) {
    ProviderFailure f = ErrorMapping.fromException("p", e);
    assertEquals(type, f.type());
    assertEquals(true, f.retriable());
  }

  static Stream<Arguments> transportErrors() {
    return Stream.of(
        Arguments.of(new java.net.http.HttpTimeoutException("t"), ProviderFailure.Type.TIMEOUT),
        Arguments.of(new java.net.ConnectException("refused"), ProviderFailure.Type.CONNECTION),
        Arguments.of(new java.io.EOFException("closed"), ProviderFailure.Type.CONNECTION));
  }
}
