package com.carmutual.shared.llmops.support;

import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.web.Caller;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * Who is changing LLM operations state. Switching versions is limited to the API clients listed in
 * {@code suite.llmops.admins}; an empty list (the default) lets every authenticated client switch,
 * because every client already holds a key issued by the operators.
 */
@Singleton
public final class Actors {
  private final Set<String> admins;

  Actors(@Value("${suite.llmops.admins:}") List<String> admins) {
    this.admins =
        Set.copyOf(admins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
  }

  /** The current request's client, or {@code system} outside a request (start-up, CLI). */
  public String current() {
    return Caller.client().orElse("system");
  }

  /** The current client if it may switch versions, else a 403 problem. */
  public String requireAdmin() {
    String who = current();
    if (!admins.isEmpty() && !admins.contains(who)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "not-an-llmops-admin",
          "client '" + who + "' may not switch versions; allowed: suite.llmops.admins");
    }
    return who;
  }
}
