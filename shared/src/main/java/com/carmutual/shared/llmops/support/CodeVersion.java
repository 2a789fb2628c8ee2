package com.carmutual.shared.llmops.support;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Manifest;

/**
 * The version of the running code, recorded with every workflow run and annotation: {@code
 * suite.build.version} when set (e.g. a commit id from CI), else the {@code Implementation-Version}
 * of the executable jar's manifest, else {@code dev}.
 */
@Singleton
public final class CodeVersion {
  private final String version;

  CodeVersion(@Value("${suite.build.version:}") String configured) {
    this.version = configured.isBlank() ? fromManifest() : configured;
  }

  public String get() {
    return version;
  }

  private static String fromManifest() {
    try {
      Enumeration<URL> manifests =
          CodeVersion.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
      while (manifests.hasMoreElements()) {
        try (InputStream in = manifests.nextElement().openStream()) {
          var attributes = new Manifest(in).getMainAttributes();
          String main = attributes.getValue("Main-Class");
          String v = attributes.getValue("Implementation-Version");
          if (main != null && main.startsWith("com.carmutual") && v != null) {
            return v;
          }
        }
      }
    } catch (Exception e) {
      // no readable manifest: fall through
    }
    return "dev";
  }
}
