package com.carmutual.vin.match;

import com.carmutual.vin.catalog.CatalogRow;
import com.carmutual.vin.decode.DecodedVin;
import com.carmutual.vin.decode.InvalidVinException;
import com.carmutual.vin.decode.VinDecoder;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Builds {@code src/test/resources/vin/labelled-set.csv} from the 1,100 unlabelled VINs: each VIN
 * whose make, model and year decode is labelled by {@link ReferenceLabeller}; about 45 % of those
 * with catalog rows get a member-style hint (seeded per VIN: year in several spellings, model in
 * vPIC or catalog spelling, a trim word or engine size of one acceptable row, sometimes a word that
 * names no trim, in English or Chinese), and the gold then
 * follows the hint too. Three VINs in ten (by CRC-32 of the VIN) are held out of fitting.
 *
 * <pre>
 * java -cp vin-matching/target/test-classes:vin-matching/target/classes:$(cat vin-matching/target/cp.txt) \
 *     com.carmutual.vin.match.LabelledSetBuilder vin-matching/src/test/resources/vin/labelled-set.csv
 * </pre>
 */
public final class LabelledSetBuilder {
  static final String RESOURCE = "vin/labelled-set.csv";

  private LabelledSetBuilder() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "vin-matching/src/test/resources/" + RESOURCE);
    List<String> vins = new ArrayList<>();
    for (String line : new String(LabelledSetBuilder.class.getClassLoader()
        .getResourceAsStream("vin/unlabelled-vins.txt").readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        vins.add(line.trim());
      }
    }
    try (ApplicationContext ctx = ApplicationContext.run(Map.of(
        "datasources.default.url", "jdbc:h2:mem:vin-label;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "suite.api-keys", "label:label-key"), "test")) {
      VinDecoder decoder = ctx.getBean(VinDecoder.class);
      VinMatcher matcher = ctx.getBean(VinMatcher.class);
      StringBuilder csv = new StringBuilder("vin,hint,gold_catalog_ids,expected_decision,split\n");
      int[] counts = new int[3];
      for (String vin : vins) {
        DecodedVin d;
        try {
          d = decoder.decode(vin);
        } catch (InvalidVinException e) {
          continue;
        }
        if (d.make() == null || d.model() == null || d.modelYear() == null) {
          continue; // the vehicle is unknown: nothing to label
        }
        List<CatalogRow> family = matcher.familyRows(new MatchRequest(vin, null));
        Random rnd = new Random(crc(vin));
        String hint = null;
        if (!family.isEmpty() && rnd.nextDouble() < 0.45) {
          List<CatalogRow> plain = ReferenceLabeller.acceptable(d, null, family);
          List<CatalogRow> pool = plain.isEmpty() ? family : plain;
          hint = hint(d, pool.get(rnd.nextInt(pool.size())), rnd);
        }
        List<CatalogRow> gold = ReferenceLabeller.acceptable(d, hint, family);
        String decision = gold.isEmpty() ? "no_match" : gold.size() == 1 ? "auto" : "review";
        counts[gold.isEmpty() ? 2 : gold.size() == 1 ? 0 : 1]++;
        csv.append(vin).append(',').append(hint == null ? "" : hint).append(',')
            .append(String.join(";", gold.stream().map(CatalogRow::catalogId).sorted().toList())).append(',')
            .append(decision).append(',').append(crc(vin) % 10 < 3 ? "holdout" : "fit").append('\n');
      }
      Files.writeString(out, csv.toString(), StandardCharsets.UTF_8);
      System.out.printf(Locale.ROOT, "labelled %d VINs: %d auto, %d review, %d no_match -> %s%n",
          counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2], out);
    }
  }

  /** A member-style hint about {@code row}, in the forms members type (English, or a Chinese year). */
  static String hint(DecodedVin d, CatalogRow row, Random rnd) {
    List<String> parts = new ArrayList<>();
    double y = rnd.nextDouble();
    int year = row.modelYear();
    if (y < 0.45) {
      parts.add(Integer.toString(year));
    } else if (y < 0.65) {
      parts.add(String.format(Locale.ROOT, "%02d", year % 100));
    } else if (y < 0.8) {
      parts.add(year + "款");
    }
    if (rnd.nextDouble() < 0.6) {
      parts.add((rnd.nextBoolean() ? d.model() : row.model()).toLowerCase(Locale.ROOT));
    }
    double t = rnd.nextDouble();
    String[] trimWords = row.trim().split("\\s+");
    if (t < 0.35) {
      parts.add(trimWords[0].toLowerCase(Locale.ROOT));
    } else if (t < 0.55) {
      List<String> w = new ArrayList<>();
      for (String s : trimWords) {
        if (!s.matches("\\d+\\.\\d[LT]?") && !s.equals("AUTO") && !s.equals("MANUAL")) {
          w.add(rnd.nextBoolean() ? s.toLowerCase(Locale.ROOT) : s);
        }
      }
      parts.add(String.join(" ", w));
    }
    if (rnd.nextDouble() < 0.15 && ReferenceLabellerLitres.of(row) != null) {
      parts.add(ReferenceLabellerLitres.of(row) + (rnd.nextBoolean() ? "L" : ""));
    }
    if (rnd.nextDouble() < 0.2) {
      // words members add that name no trim: a colour, a remark, in English or Chinese
      parts.add(NOISE.get(rnd.nextInt(NOISE.size())));
    }
    String h = String.join(" ", parts).trim().replace(",", " ");
    return h.isEmpty() ? null : h;
  }

  private static final List<String> NOISE = List.of("blue", "silver", "my car", "family car", "银色", "白色", "二手车",
      "bought used");

  static long crc(String vin) {
    CRC32 c = new CRC32();
    c.update(vin.getBytes(StandardCharsets.US_ASCII));
    return c.getValue();
  }

  /** The row's engine size as written, for hints. */
  static final class ReferenceLabellerLitres {
    private static final java.util.regex.Pattern L = java.util.regex.Pattern.compile("(\\d{1,2}\\.\\d)L");

    static String of(CatalogRow r) {
      java.util.regex.Matcher m = L.matcher((r.engine() == null ? "" : r.engine()) + " " + r.trim());
      return m.find() ? m.group(1) : null;
    }
  }
}
