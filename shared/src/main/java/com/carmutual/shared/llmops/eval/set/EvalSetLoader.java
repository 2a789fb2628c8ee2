package com.carmutual.shared.llmops.eval.set;

import com.carmutual.shared.llmops.eval.set.EvalSets.EvalItem;
import com.carmutual.shared.llmops.support.ClasspathFiles;
import com.carmutual.shared.llmops.support.Jsons;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, stores every classpath file {@code eval/<task>/<name>.jsonl} (or {@code .jsonl.gz})
 * as the set {@code <task>/<name>}: version 1 the first time, a new version whenever the file's
 * items change. Each line is {@code {"id": ..., "input": {...}, "expected": {...}}}; a bad line is
 * logged with its file and line number and skipped.
 *
 * <p>Only when asked for with {@code suite.eval.load-bundled-sets=true} (the local run, the {@code
 * eval} command and tests): the bundled sets are development data, not for a production database.
 */
@Singleton
@Requires(beans = DataSource.class)
@Requires(property = EvalSetLoader.PROPERTY, value = "true")
final class EvalSetLoader implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(EvalSetLoader.class);
  /** Loads the bundled development sets at start-up when true; false by default. */
  static final String PROPERTY = "suite.eval.load-bundled-sets";

  private final EvalSets sets;
  private final Jsons jsons;

  EvalSetLoader(EvalSets sets, Jsons jsons) {
    this.sets = sets;
    this.jsons = jsons;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    try {
      loadAll(getClass().getClassLoader());
    } catch (IOException | RuntimeException e) {
      LOG.warn("evaluation sets could not be loaded from the classpath", e);
    }
  }

  void loadAll(ClassLoader loader) throws IOException {
    for (String path : ClasspathFiles.under("eval", loader)) {
      String[] parts = path.split("/");
      boolean gz = path.endsWith(".jsonl.gz");
      if (parts.length != 3 || !(path.endsWith(".jsonl") || gz)) {
        continue;
      }
      String task = parts[1];
      String name = parts[2].substring(0, parts[2].length() - (gz ? 9 : 6));
      try (InputStream raw = loader.getResourceAsStream(path)) {
        if (raw == null) {
          continue;
        }
        List<EvalItem> items = parse(path, gz ? new GZIPInputStream(raw) : raw);
        var info = sets.replaceWith(task, name, items, "classpath:" + path, "system");
        LOG.info("evaluation set {}/{} v{}: {} items", task, name, info.version(), info.itemCount());
      } catch (RuntimeException e) {
        LOG.warn("evaluation set {} could not be stored", path, e);
      }
    }
  }

  List<EvalItem> parse(String path, InputStream in) throws IOException {
    List<EvalItem> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode row = jsons.read(line);
          JsonNode input = row.get("input");
          if (input == null || input.isNull()) {
            throw new IllegalArgumentException("no input");
          }
          JsonNode idNode = row.get("id");
          String id = idNode == null || idNode.isNull() ? "line-" + n : idNode.coerceStringValue();
          if (!ids.add(id)) {
            throw new IllegalArgumentException("duplicate id " + id);
          }
          out.add(new EvalItem(id, input, row.get("expected"), "file:" + path + "#" + n));
        } catch (IllegalArgumentException e) {
          LOG.warn("{} line {} skipped: {}", path, n, e.getMessage());
        }
      }
    }
    return out;
  }
}
