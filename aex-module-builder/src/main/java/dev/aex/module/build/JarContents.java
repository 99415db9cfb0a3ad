package dev.aex.module.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The entries of one flat jar, gathered from class folders and jars: the first copy of a class
 * wins (the module's own classes are added first), service files are merged line by line, and
 * what would break a merged jar (signatures, module descriptors, other manifests) is dropped.
 */
final class JarContents {
  private static final Pattern DROPPED = Pattern.compile(
      "META-INF/MANIFEST\\.MF|META-INF/[^/]+\\.(SF|DSA|RSA|EC)|(META-INF/versions/\\d+/)?module-info\\.class");
  private static final String SERVICES = "META-INF/services/";

  private final SortedMap<String, byte[]> entries = new TreeMap<>();
  private final Map<String, Set<String>> services = new TreeMap<>();

  void addRoot(Path root) throws IOException {
    if (Files.isDirectory(root)) {
      addFolder(root);
    } else {
      addJar(root);
    }
  }

  void add(String name, byte[] content) {
    if (DROPPED.matcher(name).matches()) {
      return;
    }
    if (name.startsWith(SERVICES) && name.length() > SERVICES.length()) {
      services.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(serviceLines(content));
    } else {
      entries.putIfAbsent(name, content);
    }
  }

  /** Every entry in name order, services merged. */
  SortedMap<String, byte[]> entries() {
    SortedMap<String, byte[]> all = new TreeMap<>(entries);
    services.forEach((name, lines) ->
        all.put(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
    return Collections.unmodifiableSortedMap(all);
  }

  private void addFolder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        add(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
  }

  private void addJar(Path jar) throws IOException {
    try (InputStream in = Files.newInputStream(jar); JarInputStream zip = new JarInputStream(in)) {
      for (JarEntry e = zip.getNextJarEntry(); e != null; e = zip.getNextJarEntry()) {
        if (!e.isDirectory()) {
          add(e.getName(), zip.readAllBytes());
        }
      }
    }
  }

  private static Set<String> serviceLines(byte[] content) {
    Set<String> lines = new LinkedHashSet<>();
    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
      String trimmed = line.replaceAll("#.*", "").trim();
      if (!trimmed.isEmpty()) {
        lines.add(trimmed);
      }
    }
    return lines;
  }
}
