package com.carmutual.shared.llmops.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.llmops.SharedMemory;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = {"test", "llmops"}, transactional = false)
class SharedMemoryTest {
  @Serdeable
  record Conversation(String topic, List<String> turns) {}

  @Inject SharedMemory memory;
  @Inject MemoryRepository rows;

  @Test
  void storesAValueInTheDatabaseAndReadsItBackTyped() {
    memory.write("call-1", new Conversation("claim", List.of("hello", "rear bumper")), Duration.ofHours(1));
    assertTrue(rows.findById("call-1").orElseThrow().valueJson().contains("rear bumper"));
    assertEquals(
        new Conversation("claim", List.of("hello", "rear bumper")),
        memory.read("call-1", Conversation.class).orElseThrow());
  }

  @Test
  void aSecondWriteReplacesTheValue() {
    memory.write("case-7", new Conversation("a", List.of()), Duration.ofHours(1));
    memory.write("case-7", new Conversation("b", List.of("x")), Duration.ofHours(1));
    assertEquals("b", memory.read("case-7", Conversation.class).orElseThrow().topic());
  }

  @Test
  void expiredAndDeletedContextsReadAsAbsent() throws InterruptedException {
    memory.write("short", new Conversation("a", List.of()), Duration.ofMillis(1));
    Thread.sleep(20);
    assertFalse(memory.read("short", Conversation.class).isPresent());
    memory.write("gone", new Conversation("a", List.of()), Duration.ofHours(1));
    memory.delete("gone");
    assertFalse(memory.read("gone", Conversation.class).isPresent());
    assertFalse(memory.read("never-written", Conversation.class).isPresent());
  }

  @Test
  void refusesANonPositiveTtl() {
    assertThrows(
        IllegalArgumentException.class,
        () -> memory.write("x", new Conversation("a", List.of()), Duration.ZERO));
  }
}
