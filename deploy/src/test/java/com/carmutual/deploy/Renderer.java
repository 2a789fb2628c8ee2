package com.carmutual.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Turns a kustomize overlay into the list of Kubernetes objects it applies. */
interface Renderer {
  List<Map<String, Object>> render(Path overlay) throws IOException;

  String name();

  /** {@code kubectl kustomize}, the real thing, when kubectl is on the PATH. */
  static Renderer kubectl() {
    return new Renderer() {
      @Override
      public List<Map<String, Object>> render(Path overlay) throws IOException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        try {
          Process p =
              new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                  .redirectOutput(out.toFile())
                  .redirectError(ProcessBuilder.Redirect.PIPE)
                  .start();
          boolean done = p.waitFor(60, TimeUnit.SECONDS);
          String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
          if (!done || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("kubectl kustomize " + overlay + " failed: " + err);
          }
          return Yaml.loadAll(Files.readString(out));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        } finally {
          Files.deleteIfExists(out);
        }
      }

      @Override
      public String name() {
        return "kubectl kustomize";
      }
    };
  }

  /** True when {@code kubectl} answers on this machine. */
  static boolean kubectlAvailable() {
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
