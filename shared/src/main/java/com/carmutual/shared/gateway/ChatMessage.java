package com.carmutual.shared.gateway;

import io.micronaut.serde.annotation.Serdeable;

/** One message of a chat: who said it and what. */
@Serdeable
public record ChatMessage(Role role, String content) {
  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
  }

  public static ChatMessage user(String content) {
    return new ChatMessage(Role.USER, content);
  }

  public static ChatMessage system(String content) {
    return new ChatMessage(Role.SYSTEM, content);
  }
}
