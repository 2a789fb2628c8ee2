package com.carmutual.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the repository is, seen from the deploy module's tests, and what is in it. */
final class Repo {
  /** The four services, in the order requests flow through them last. */
  static final List<String> SERVICES = List.of("vin-matching", "claims-agent", "text2data", "phone-agent");

  private Repo() {}

  /** The repository root: the nearest directory above the working directory with a deploy/ folder and a pom.xml. */
  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("deploy/k8s")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  static Path overlay(String name) {
    return root().resolve("deploy/k8s/overlays").resolve(name);
  }
}
