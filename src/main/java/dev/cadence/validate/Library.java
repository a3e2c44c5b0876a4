package dev.cadence.validate;

/** The templates and call scripts a cadence can refer to (the files beside it, in practice). */
public interface Library {
  boolean hasTemplate(String name);

  boolean hasScript(String name);

  /** A library where every name resolves; for checks that do not look at files. */
  Library ANYTHING =
      new Library() {
        @Override
        public boolean hasTemplate(String name) {
          return true;
        }

        @Override
        public boolean hasScript(String name) {
          return true;
        }
      };
}
