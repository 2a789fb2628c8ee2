package com.carmutual.vin.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV one record at a time with Apache Commons CSV: quoted fields may hold commas,
 * doubled quotes and line breaks (the vPIC extract has values spanning lines); a blank line is a
 * record of one empty field; text after a closing quote stays in the field. Returns {@code null} at
 * the end of input; a quote left open at the end is an {@link IOException} naming the line.
 */
public final class CsvReader implements AutoCloseable {
  // vPIC values can hold a stray quote ("EFI<CR><LF>... later closed): as before, the text after a
  // closing quote stays in the field instead of failing the whole file
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrailingData(true).get();

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;

  public CsvReader(Reader in) throws IOException {
    this.parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
    this.records = parser.iterator();
  }

  /** The 1-based line on which the next record starts. */
  public long line() {
    return parser.getCurrentLineNumber() + 1;
  }

  /** The next record's fields, or {@code null} when the input is exhausted. */
  public List<String> next() throws IOException {
    try {
      return records.hasNext() ? records.next().toList() : null;
    } catch (UncheckedIOException e) {
      throw new IOException("malformed CSV near line " + line() + ": " + e.getCause().getMessage(), e.getCause());
    } catch (IllegalStateException e) {
      throw new IOException("malformed CSV near line " + line() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
