package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.FakeProviderServer.BrokenAfter;
import com.carmutual.shared.gateway.FakeProviderServer.ErrorAfter;
import com.carmutual.shared.gateway.FakeProviderServer.Stalled;
import com.carmutual.shared.gateway.FakeProviderServer.Streamed;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake provider's streamed answers in the real wire formats: OpenAI chat-completion chunks
 * ending with a usage chunk and {@code [DONE]}, or Anthropic's message events. Each event is
 * flushed on its own so the client sees them arrive one by one.
 */
final class FakeStreams {
  private final String type;

  FakeStreams(String type) {
    this.type = type;
  }

  /** An answer cut into three pieces (or fewer when it is short). */
  static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    int step = Math.max(1, (text.length() + 2) / 3);
    for (int i = 0; i < text.length(); i += step) {
      out.add(text.substring(i, Math.min(text.length(), i + step)));
    }
    return out;
  }

  void send(HttpExchange ex, FakeProviderServer.Reply reply) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      if (reply instanceof Streamed s) {
        pause(s.firstDelayMillis());
        start(out);
        for (String p : s.pieces()) {
          piece(out, p);
        }
        end(out);
      } else if (reply instanceof Stalled s) {
        start(out);
        for (String p : s.pieces()) {
          piece(out, p);
        }
        pause(s.stallMillis());
      } else if (reply instanceof BrokenAfter b) {
        start(out);
        for (String p : b.pieces()) {
          piece(out, p);
        }
        write(out, b.rawEvent());
        piece(out, "never delivered");
        end(out);
      } else if (reply instanceof ErrorAfter e) {
        start(out);
        for (String p : e.pieces()) {
          piece(out, p);
        }
        write(out, type.equals("openai")
            ? "data: {\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}\n\n"
            : "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
      }
    } catch (IOException e) {
      // the client gave up (timeout or cancel): nothing more to send
    }
  }

  private void start(OutputStream out) throws IOException {
    if (type.equals("openai")) {
      write(out, "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
    } else {
      write(out, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
          + "\"role\":\"assistant\",\"model\":\"fake-model\",\"content\":[],\"stop_reason\":null,"
          + "\"usage\":{\"input_tokens\":600,\"output_tokens\":1,\"cache_read_input_tokens\":400}}}\n\n"
          + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
          + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
          + "event: ping\ndata: {\"type\": \"ping\"}\n\n");
    }
  }

  private void piece(OutputStream out, String text) throws IOException {
    if (type.equals("openai")) {
      write(out, "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + FakeProviderServer.quote(text) + "},\"finish_reason\":null}]}\n\n");
    } else {
      write(out, "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":" + FakeProviderServer.quote(text) + "}}\n\n");
    }
  }

  private void end(OutputStream out) throws IOException {
    if (type.equals("openai")) {
      write(out, "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\","
          + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
          + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\","
          + "\"choices\":[],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":200,\"total_tokens\":1200,"
          + "\"prompt_tokens_details\":{\"cached_tokens\":400}}}\n\n"
          + "data: [DONE]\n\n");
    } else {
      write(out, "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":200}}\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
