package com.carmutual.shared.llmops.support;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Lists resource files under a classpath folder, in directories and in jars alike. */
public final class ClasspathFiles {
  private ClasspathFiles() {}

  /** Resource paths (e.g. {@code eval/vin.match/dev.jsonl}) under {@code folder}, sorted. */
  public static TreeSet<String> under(String folder, ClassLoader loader) throws IOException {
    String prefix = folder.endsWith("/") ? folder : folder + "/";
    TreeSet<String> out = new TreeSet<>();
    Enumeration<URL> roots = loader.getResources(prefix);
    while (roots.hasMoreElements()) {
      URL url = roots.nextElement();
      if ("file".equals(url.getProtocol())) {
        Path root;
        try {
          root = Path.of(url.toURI());
        } catch (Exception e) {
          continue;
        }
        try (Stream<Path> files = Files.walk(root)) {
          files
              .filter(Files::isRegularFile)
              .forEach(f -> out.add(prefix + root.relativize(f).toString().replace('\\', '/')));
        }
      } else if ("jar".equals(url.getProtocol())) {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            JarEntry e = entries.nextElement();
            if (!e.isDirectory() && e.getName().startsWith(prefix)) {
              out.add(e.getName());
            }
          }
        }
      }
    }
    return out;
  }
}
