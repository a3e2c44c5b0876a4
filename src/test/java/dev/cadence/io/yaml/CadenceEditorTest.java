package dev.cadence.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CadenceEditorTest {
  private static final String CADENCE =
      """
      # Outbound: the comments and layout of this file must survive every edit.
      cadence: out
      steps:
        - id: intro-email
          day: 1
          channel: email                    # the first touch
          template: intro                   # templates/intro.md
          variants:                         # region -> template
            EMEA-FR: intro-fr
            EMEA-DE: intro-de

        - id: check-call
          wait: 1d                          # a day after the email
          channel: call
          script: "check-received"
          reminder: 15m
        - id: followup-email
          day: 5
          channel: email
          template: outbound-followup
      """;

  @Test
  void aValueIsReplacedInPlaceAndItsCommentKeepsItsColumn() throws Exception {
    CadenceEditor editor = new CadenceEditor(CADENCE);
    assertThat(editor.set("intro-email", "channel", "call")).isEqualTo(6);
    assertThat(editor.text())
        .isEqualTo(
            CADENCE.replace(
                "    channel: email                    # the first touch",
                "    channel: call                     # the first touch"));
  }

  @Test
  void aLongerValuePushesTheCommentButLeavesASpace() throws Exception {
    CadenceEditor editor = new CadenceEditor(CADENCE);
    editor.set("check-call", "wait", "1d12h30m");
    assertThat(editor.text())
        .contains("    wait: 1d12h30m                    # a day after the email\n");
    editor.set("check-call", "wait", "a-very-long-value-indeed-longer-than-the-gap");
    assertThat(editor.text())
        .contains(
            "    wait: a-very-long-value-indeed-longer-than-the-gap # a day after the email\n");
  }

  @Test
  void quotedValuesStayQuoted() throws Exception {
    CadenceEditor editor = new CadenceEditor(CADENCE);
    editor.set("check-call", "script", "gather-information");
    assertThat(editor.text()).contains("    script: \"gather-information\"\n");
    assertThat(editor.text().lines().count()).isEqualTo(CADENCE.lines().count());
  }

  @Test
  void numbersAreWrittenAsNumbersAndTextThatLooksLikeOneIsQuoted() throws Exception {
    CadenceEditor editor = new CadenceEditor(CADENCE);
    editor.setNumber("followup-email", "day", 3);
    editor.set("followup-email", "template", "no");
    assertThat(editor.text()).contains("    day: 3\n    channel: email\n    template: \"no\"\n");
  }

  @Test
  void textIsQuotedOnlyWhenYamlWouldReadItOtherwise() {
    assertThat(ScalarText.scalar("Follow-up call (instead of the email)"))
        .isEqualTo("Follow-up call (instead of the email)");
    assertThat(ScalarText.scalar("intro-fr")).isEqualTo("intro-fr");
    assertThat(ScalarText.scalar("Note: call")).isEqualTo("\"Note: call\"");
    assertThat(ScalarText.scalar("a #b")).isEqualTo("\"a #b\"");
    assertThat(ScalarText.scalar("a, b [c]")).isEqualTo("a, b [c]");
    assertThat(ScalarText.scalar("a, b", true)).isEqualTo("\"a, b\"");
    assertThat(ScalarText.scalar("[a]")).isEqualTo("\"[a]\"");
    assertThat(ScalarText.scalar("- item")).isEqualTo("\"- item\"");
    assertThat(ScalarText.scalar("yes")).isEqualTo("\"yes\"");
    assertThat(ScalarText.scalar("12")).isEqualTo("\"12\"");
    assertThat(ScalarText.scalar("trailing ")).isEqualTo("\"trailing \"");
    assertThat(ScalarText.scalar("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
  }

  @Test
  void aMissingKeyIsAddedAfterTheOneNamedWithTheStepsIndentation() throws Exception {
    CadenceEditor editor = new CadenceEditor(CADENCE);
    assertThat(editor.set("followup-email", "script", "outbound-followup-call", "channel"))
        .isEqualTo(20);
    assertThat(editor.text())
        .isEqualTo(
            CADENCE.replace(
                "    channel: email\n    template: outbound-followup\n",
                "    channel: email\n    script: outbound-followup-call\n    template: outbound-followup\n"));
  }

  @Test
  void withoutTheNamedKeyTheNewLineFollowsTheId() throws Exception {
    CadenceEditor editor = new CadenceEditor(CADENCE);
    editor.set("followup-email", "wait", "3d", "nothing-like-this");
    assertThat(editor.text()).contains("  - id: followup-email\n    wait: 3d\n    day: 5\n");
  }

  @Test
  void removingAKeyTakesItsCommentAndItsBlock() throws Exception {
    CadenceEditor editor = new CadenceEditor(CADENCE);
    assertThat(editor.remove("intro-email", "variants")).isEqualTo(8);
    assertThat(editor.remove("intro-email", "template")).isEqualTo(7);
    assertThat(editor.text())
        .isEqualTo(
            CADENCE.replace(
                """
            template: intro                   # templates/intro.md
            variants:                         # region -> template
              EMEA-FR: intro-fr
              EMEA-DE: intro-de
        """,
                ""));
    // The blank line between the steps is the file's layout: it stays.
    assertThat(editor.text())
        .contains("    channel: email                    # the first touch\n\n  - id: check-call");
    assertThat(editor.remove("intro-email", "template")).isZero();
  }

  @Test
  void aVariantIsUpdatedOrAddedInABlock() throws Exception {
    CadenceEditor editor = new CadenceEditor(CADENCE);
    assertThat(editor.setVariant("intro-email", "EMEA-DE", "intro")).isEqualTo(10);
    assertThat(editor.setVariant("intro-email", "APAC", "intro-apac")).isEqualTo(11);
    assertThat(editor.text())
        .contains(
            """
              EMEA-FR: intro-fr
              EMEA-DE: intro
              APAC: intro-apac

          - id: check-call
        """);
  }

  @Test
  void aVariantIsAddedToAFlowMappingOrAsANewOne() throws Exception {
    String flow =
        """
        cadence: out
        steps:
          - id: intro
            channel: email
            template: intro
            variants: { EMEA-FR: intro-fr }   # per region
          - id: next
            channel: email
            template: intro   # default
        """;
    CadenceEditor editor = new CadenceEditor(flow);
    editor.setVariant("intro", "NA-EAST", "intro-us");
    editor.setVariant("intro", "EMEA-FR", "intro");
    editor.setVariant("next", "North America", "intro-us");
    assertThat(editor.text())
        .isEqualTo(
            """
        cadence: out
        steps:
          - id: intro
            channel: email
            template: intro
            variants: { EMEA-FR: intro, NA-EAST: intro-us }   # per region
          - id: next
            channel: email
            template: intro   # default
            variants: { "North America": intro-us }
        """);
  }

  @Test
  void lineEndingsAByteOrderMarkAndAMissingFinalLineBreakAreKept() throws Exception {
    String crlf =
        "\uFEFFcadence: out\r\nsteps:\r\n  - id: a\r\n    channel: email\r\n    template: t";
    CadenceEditor editor = new CadenceEditor(crlf);
    editor.set("a", "channel", "call");
    editor.set("a", "script", "s", "template");
    assertThat(editor.text())
        .isEqualTo(
            "\uFEFFcadence: out\r\nsteps:\r\n  - id: a\r\n    channel: call\r\n    template: t\r\n    script: s");
  }

  @Test
  void anUntouchedFileComesBackByteForByte() {
    for (String text : new String[] {CADENCE, "a: b\r\nc: d", "\uFEFFx: 1\n\n\n", ""}) {
      assertThat(new CadenceEditor(text).text()).isEqualTo(text);
    }
  }

  @Test
  void whatCannotBeEditedSafelyIsRefusedWithTheReason() {
    String tricky =
        """
        cadence: out
        x-channel: &ch email
        steps:
          - { id: flow, channel: email, template: t }
          - id: aliased
            channel: *ch
            template: >
              folded
          - id: plain
            channel: email
        """;
    CadenceEditor editor = new CadenceEditor(tricky);
    assertThatThrownBy(() -> editor.set("aliased", "channel", "call"))
        .hasMessageContaining("alias");
    assertThatThrownBy(() -> editor.set("aliased", "template", "x"))
        .hasMessageContaining("change it by hand");
    assertThatThrownBy(() -> editor.set("flow", "wait", "1d")).hasMessageContaining("flow style");
    assertThatThrownBy(() -> editor.remove("flow", "template")).hasMessageContaining("flow style");
    assertThatThrownBy(() -> editor.set("nope", "channel", "call"))
        .hasMessageContaining("no step `nope`");
    assertThatThrownBy(() -> editor.remove("plain", "id")).hasMessageContaining("opens the item");
    assertThat(editor.text()).isEqualTo(tricky);
  }

  @Test
  void aFlowStepCanStillHaveAValueReplaced() throws Exception {
    CadenceEditor editor =
        new CadenceEditor("steps:\n  - { id: flow, channel: email, template: t }\n");
    editor.set("flow", "channel", "social");
    assertThat(editor.text()).isEqualTo("steps:\n  - { id: flow, channel: social, template: t }\n");
  }

  @Test
  void aFileThatDoesNotReadIsRefused() {
    assertThatThrownBy(() -> new CadenceEditor("steps: [\n").set("a", "channel", "call"))
        .hasMessageContaining("does not read as YAML");
    assertThatThrownBy(() -> new CadenceEditor("cadence: x\n").set("a", "channel", "call"))
        .hasMessageContaining("no `steps:` list");
  }
}
