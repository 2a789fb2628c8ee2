package com.carmutual.vin.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: quoted fields may hold commas, doubled quotes and line
 * breaks (the vPIC extract has values spanning lines). Returns {@code null} at the end of input.
 */
public final class CsvReader implements AutoCloseable {
  private final Reader in;
  private int pushedBack = -2;
  private long line = 1;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The 1-based line on which the next record starts. */
  public long line() {
    return line;
  }

  /** The next record's fields, or {@code null} when the input is exhausted. */
  public List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException("unterminated quoted field near line " + line);
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r') {
        int d = read();
        if (d != '\n') {
          pushedBack = d;
        }
        line++;
        break;
      } else if (c == '\n') {
        line++;
        break;
      } else if (c == -1) {
        break;
      } else {
        field.append((char) c);
      }
      c = read();
    }
    fields.add(field.toString());
    return fields;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
