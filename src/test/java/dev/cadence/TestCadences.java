package dev.cadence;

import dev.cadence.io.yaml.CadenceBinder;
import dev.cadence.io.yaml.SafeYamlReader;
import dev.cadence.model.Cadence;
import dev.cadence.validate.Findings;
import java.nio.charset.StandardCharsets;

/** Cadences for tests, read from YAML text by the real reader and binder. */
public final class TestCadences {
  private TestCadences() {}

  /** Parses {@code yaml}; fails the test if it has any error. */
  public static Cadence parse(String yaml) {
    Findings findings = new Findings("test.yaml");
    var doc = new SafeYamlReader().read(yaml.getBytes(StandardCharsets.UTF_8));
    doc.problems().forEach(p -> findings.error(p.code(), p.pos(), p.message()));
    var bound = doc.root().flatMap(r -> CadenceBinder.bind(r, findings));
    if (findings.hasErrors() || bound.isEmpty()) {
      throw new AssertionError("test cadence does not bind: " + findings.list());
    }
    return bound.get().cadence();
  }
}
