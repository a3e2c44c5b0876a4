package dev.cadence;

import dev.cadence.cli.Cli;

/** Entry point: the only place that exits the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.create().execute(args));
  }
}
