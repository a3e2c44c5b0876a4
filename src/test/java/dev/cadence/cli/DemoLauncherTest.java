package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's commands name the launcher as the user can type it from the demo folder. */
class DemoLauncherTest {
  @AfterEach
  void clear() {
    System.clearProperty("cadence.launcher");
  }

  @Test
  void withoutTheLauncherItIsCadence() {
    assertThat(DemoCommand.launcher()).isEqualTo("cadence");
  }

  @Test
  void theLaunchersNameIsUsedAsGiven() {
    System.setProperty("cadence.launcher", "/home/ana/cadence/bin/cadence");
    assertThat(DemoCommand.launcher()).isEqualTo("/home/ana/cadence/bin/cadence");
  }

  @Test
  void aPathWithSpacesOrQuotesIsQuotedForTheShell() {
    System.setProperty("cadence.launcher", "/Users/ana/My Tools/ana's/bin/cadence");
    assertThat(DemoCommand.launcher()).isEqualTo("'/Users/ana/My Tools/ana'\\''s/bin/cadence'");
  }
}
