package com.carmutual.vin.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  @Test
  void readsQuotedCommasQuotesAndLineBreaksAndCountsLines() throws IOException {
    String csv = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n\n3,,z";
    try (CsvReader r = new CsvReader(new StringReader(csv))) {
      assertEquals(1, r.line());
      assertEquals(List.of("a", "b", "c"), r.next());
      assertEquals(2, r.line());
      assertEquals(List.of("1", "x, y", "say \"hi\""), r.next());
      assertEquals(List.of("2", "two\nlines", ""), r.next());
      assertEquals(5, r.line(), "the quoted line break counts");
      assertEquals(List.of(""), r.next(), "a blank line is one empty field");
      assertEquals(List.of("3", "", "z"), r.next());
      assertNull(r.next());
    }
  }

  @Test
  void anUnterminatedQuoteIsAnIoErrorNamingTheLine() throws IOException {
    try (CsvReader r = new CsvReader(new StringReader("a,b\n1,\"open\n2,3\n"))) {
      r.next();
      IOException e = assertThrows(IOException.class, r::next);
      assertTrue(e.getMessage().contains("line"), e.getMessage());
    }
  }
}
