package dev.cadence.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The reader's resolver skips SnakeYAML's YAML 1.1 regular expressions (for start-up time); what
 * the reader reads of tags must not change: which scalars are null, and every tag that is not one
 * of the implicit ones (explicit tags are reported as yaml-tag).
 */
class NullOrStrResolverTest {
  private static final Tag[] IMPLICIT = {
    Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.TIMESTAMP, Tag.MERGE, Tag.YAML, Tag.STR
  };

  /**
   * Each node's tag as the reader uses it: null, or the tag itself unless it is an implicit one.
   */
  private static List<String> tags(String yaml, Resolver resolver) {
    LoaderOptions options = new LoaderOptions();
    options.setTagInspector(tag -> true);
    Composer composer =
        new Composer(new ParserImpl(new StreamReader(yaml), options), resolver, options);
    List<String> out = new ArrayList<>();
    while (composer.checkNode()) {
      walk(composer.getNode(), out);
    }
    return out;
  }

  private static void walk(Node node, List<String> out) {
    Tag tag = node.getTag();
    boolean implicitType = false;
    for (Tag t : IMPLICIT) {
      implicitType |= t.equals(tag) && node instanceof ScalarNode;
    }
    out.add(
        node.getStartMark().getLine()
            + ":"
            + node.getStartMark().getColumn()
            + " "
            + (implicitType ? "scalar" : tag.getValue()));
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        walk(t.getKeyNode(), out);
        walk(t.getValueNode(), out);
      }
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        walk(item, out);
      }
    }
  }

  @Test
  void nullsAndExplicitTagsAreThoseOfSnakeYamlsResolver() throws IOException {
    List<String> documents =
        new ArrayList<>(
            List.of(
                "~",
                "null",
                "Null",
                "NULL",
                "nulL",
                "\"null\"",
                "'~'",
                "",
                "# only a comment\n",
                "a:\nb: ~\nc: null\nd: ''\n",
                "[~, null, 1, 1.5, true, yes, 2026-12-25, <<, =, !!str null, !!null x, !!int 3, !custom y]",
                "a: !!python/object:os.system x\nb: &x [1]\nc: *x\n",
                "? [a]\n: b\n",
                "--- ~\n--- a\n"));
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(Path.of("cadences")),
            Files.walk(Path.of("src/test/resources/golden/validate")))) {
      for (Path f :
          files
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .toList()) {
        byte[] bytes = Files.readAllBytes(f);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\0') < 0) {
          documents.add(text);
        }
      }
    }
    int compared = 0;
    for (String yaml : documents) {
      List<String> stock;
      try {
        stock = tags(yaml, new Resolver());
      } catch (RuntimeException e) {
        continue; // not YAML the composer accepts: the reader reports it before any tag is read
      }
      assertThat(tags(yaml, new SafeYamlReader.NullOrStrResolver())).as(yaml).isEqualTo(stock);
      compared++;
    }
    assertThat(compared).isGreaterThan(60);
  }
}
