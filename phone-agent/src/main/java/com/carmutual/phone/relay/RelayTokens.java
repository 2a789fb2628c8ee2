package com.carmutual.phone.relay;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a reply into the {@code text} tokens sent to ConversationRelay: English by word (with the
 * space after it), Chinese by phrase (up to a comma or full stop), so speech can start on the first.
 */
final class RelayTokens {
  private RelayTokens() {}

  static List<String> of(List<String> sentences) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      String s = sentences.get(i).trim();
      if (s.isEmpty()) {
        continue;
      }
      StringBuilder piece = new StringBuilder();
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        piece.append(c);
        boolean end = c == ' ' || "，。？！；、,".indexOf(c) >= 0;
        if (end) {
          out.add(piece.toString());
          piece.setLength(0);
        }
      }
      if (piece.length() > 0) {
        out.add(piece.toString());
      }
      if (i < sentences.size() - 1 && !out.isEmpty() && !out.get(out.size() - 1).endsWith(" ")) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " ");
      }
    }
    return out;
  }
}
