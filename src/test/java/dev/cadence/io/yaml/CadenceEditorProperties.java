package dev.cadence.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the value, what the editor writes reads back as that value, and no other line changes.
 */
class CadenceEditorProperties {
  private static final String CADENCE =
      """
      cadence: out   # the id
      steps:
        - id: a
          name: First          # a comment
          channel: email
        # between the steps
        - id: b
          name: 'Second'
          channel: call
      """;

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings()
        .withChars("abcXYZ019 -_:#,.'\"\\()[]{}&*!|>%@`?")
        .ofMinLength(1)
        .ofMaxLength(20);
  }

  @Property
  void aValueReadsBackAsWritten(@ForAll("values") String value, @ForAll boolean second)
      throws Exception {
    String step = second ? "b" : "a";
    CadenceEditor editor = new CadenceEditor(CADENCE);
    int line = editor.set(step, "name", value);
    String text = editor.text();
    YNode.YMap root =
        (YNode.YMap)
            new SafeYamlReader().read(text.getBytes(StandardCharsets.UTF_8)).root().orElseThrow();
    YNode.YSeq steps = (YNode.YSeq) root.entry("steps").orElseThrow().value();
    YNode.YMap map = (YNode.YMap) steps.items().get(second ? 1 : 0);
    assertThat(((YNode.YScalar) map.entry("name").orElseThrow().value()).text())
        .as(text)
        .isEqualTo(value);
    List<String> before = CADENCE.lines().toList();
    List<String> after = text.lines().toList();
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      if (i != line - 1) {
        assertThat(after.get(i)).isEqualTo(before.get(i));
      }
    }
  }

  @Property
  void anAddedVariantReadsBackAsWritten(
      @ForAll("values") String region, @ForAll("values") String template) throws Exception {
    CadenceEditor editor = new CadenceEditor(CADENCE);
    editor.setVariant("a", region, template);
    editor.setVariant("a", region + "x", template);
    String text = editor.text();
    YNode.YMap root =
        (YNode.YMap)
            new SafeYamlReader().read(text.getBytes(StandardCharsets.UTF_8)).root().orElseThrow();
    YNode.YMap a =
        (YNode.YMap) ((YNode.YSeq) root.entry("steps").orElseThrow().value()).items().get(0);
    YNode.YMap variants = (YNode.YMap) a.entry("variants").orElseThrow().value();
    assertThat(((YNode.YScalar) variants.entry(region).orElseThrow().value()).text())
        .as(text)
        .isEqualTo(template);
    assertThat(((YNode.YScalar) variants.entry(region + "x").orElseThrow().value()).text())
        .as(text)
        .isEqualTo(template);
  }
}
