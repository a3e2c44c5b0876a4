package dev.cadence.report.validate;

import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.Severity;
import dev.cadence.validate.ValidationResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test reports: one test case per file, failing when the file does not pass. Only
 * elements and attributes that Jenkins xUnit's junit-10.xsd allows, the strictest of the common
 * consumers (Jenkins, GitLab, Azure DevOps, GitHub test reporters all read this subset).
 */
final class JunitRenderer implements ValidationRenderer {
  @Override
  public void render(ValidationResult result, PrintWriter out) {
    StringWriter buffer = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
      long failures = result.files().stream().filter(f -> !result.passes(f)).count();
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "cadence validate");
      xml.writeAttribute("tests", String.valueOf(result.files().size()));
      xml.writeAttribute("failures", String.valueOf(failures));
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "cadence validate");
      xml.writeAttribute("tests", String.valueOf(result.files().size()));
      xml.writeAttribute("failures", String.valueOf(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      for (FileResult file : result.files()) {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "cadence.validate");
        // The path is the name; no `file` attribute: Jenkins xUnit's schema refuses it here.
        xml.writeAttribute("name", xmlSafe(file.path()));
        if (!result.passes(file)) {
          List<Diagnostic> failing =
              file.diagnostics().stream()
                  .filter(d -> d.severity() == Severity.ERROR || result.strict())
                  .toList();
          xml.writeCharacters("\n      ");
          xml.writeStartElement("failure");
          xml.writeAttribute("type", failing.get(0).code().id());
          xml.writeAttribute(
              "message",
              xmlSafe(failing.size() + " finding(s); first: " + failing.get(0).message()));
          xml.writeCharacters(
              failing.stream()
                  .map(JunitRenderer::line)
                  .collect(Collectors.joining("\n", "\n", "\n")));
          xml.writeEndElement();
          xml.writeCharacters("\n    ");
        } else if (!file.diagnostics().isEmpty()) {
          xml.writeCharacters("\n      ");
          xml.writeStartElement("system-out");
          xml.writeCharacters(
              file.diagnostics().stream()
                  .map(JunitRenderer::line)
                  .collect(Collectors.joining("\n", "\n", "\n")));
          xml.writeEndElement();
          xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    out.println(buffer);
    out.flush();
  }

  private static String line(Diagnostic d) {
    return xmlSafe(d.file())
        + ":"
        + d.line()
        + ":"
        + d.column()
        + ": "
        + d.severity().label()
        + "["
        + d.code().id()
        + "]: "
        + d.message();
  }

  /**
   * Replaces what XML 1.0 cannot hold even escaped (most control characters, lone surrogates) with
   * U+FFFD: a file name may contain them, and the writer would pass them through, breaking the
   * report.
   */
  static String xmlSafe(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean allowed =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(allowed ? c : '\uFFFD');
      }
    }
    return out.toString();
  }
}
