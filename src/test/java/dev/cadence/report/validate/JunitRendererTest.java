package dev.cadence.report.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.validate.Code;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.Severity;
import dev.cadence.validate.ValidationResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitRendererTest {
  @Test
  void oneTestCasePerFileAndFailuresOnlyOnFailingFiles() throws Exception {
    ValidationResult result = SampleResults.mixed(false);
    String xml = SampleResults.render(ValidateFormat.JUNIT, result);
    Document doc = parse(xml);

    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).as(xml).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).as(xml).isEqualTo("4");
    assertThat(suites.getAttribute("failures")).as(xml).isEqualTo("2");
    List<Element> suiteList = elements(suites.getElementsByTagName("testsuite"));
    assertThat(suiteList).as(xml).hasSize(1);
    Element suite = suiteList.get(0);
    assertThat(suite.getAttribute("tests")).as(xml).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).as(xml).isEqualTo("2");
    assertThat(suite.getAttribute("errors")).as(xml).isEqualTo("0");
    assertThat(suite.getAttribute("skipped")).as(xml).isEqualTo("0");

    List<Element> cases = elements(suite.getElementsByTagName("testcase"));
    assertThat(cases)
        .extracting(c -> c.getAttribute("name"))
        .as(xml)
        .containsExactly(
            SampleResults.FAILING, SampleResults.CLEAN, SampleResults.WARNED, SampleResults.BROKEN);
    assertThat(failures(cases.get(0))).as(xml).hasSize(1);
    assertThat(failures(cases.get(1))).as(xml).isEmpty();
    assertThat(failures(cases.get(2)))
        .as("a warning alone does not fail without --strict\n" + xml)
        .isEmpty();
    assertThat(failures(cases.get(3))).as(xml).hasSize(1);
    assertThat(failures(cases.get(3)).get(0).getAttribute("type")).isEqualTo("file-too-large");
  }

  @Test
  void theReportValidatesAgainstJenkinsJunitSchema() {
    for (ValidationResult result :
        List.of(
            SampleResults.mixed(false),
            SampleResults.mixed(true),
            SampleResults.warningsOnly(false),
            new ValidationResult(List.of(), false))) {
      String xml = SampleResults.render(ValidateFormat.JUNIT, result);
      assertThat(JunitSchema.problems(xml)).as(xml).isEmpty();
    }
  }

  @Test
  void theSchemaCheckCanFail() {
    // Guards the guard: what the report used to write, a file attribute on the test case.
    String xml = SampleResults.render(ValidateFormat.JUNIT, SampleResults.mixed(false));
    String withFile = xml.replaceFirst("<testcase ", "<testcase file=\"a.yaml\" ");
    assertThat(JunitSchema.problems(withFile)).as(withFile).isNotEmpty();
  }

  @Test
  void specialCharactersInPathsAndMessagesAreEscaped() throws Exception {
    String xml = SampleResults.render(ValidateFormat.JUNIT, SampleResults.mixed(false));
    Element failing = elements(parse(xml).getElementsByTagName("testcase")).get(0);
    Element failure = failures(failing).get(0);

    // The parser gives back exactly the text that went in, so the writer escaped it.
    assertThat(failing.getAttribute("name")).isEqualTo(SampleResults.FAILING);
    // No `file` attribute: Jenkins xUnit's schema refuses it on a test case; the name is the path.
    assertThat(failing.hasAttribute("file")).as(xml).isFalse();
    assertThat(failure.getAttribute("type")).isEqualTo("unknown-step");
    assertThat(failure.getAttribute("message")).contains(SampleResults.UNKNOWN_STEP.message());
    assertThat(failure.getTextContent()).contains(SampleResults.UNKNOWN_STEP.message());
    assertThat(xml).doesNotContain("x<&>");
  }

  @Test
  void strictTurnsWarningOnlyFilesIntoFailures() throws Exception {
    String xml = SampleResults.render(ValidateFormat.JUNIT, SampleResults.warningsOnly(true));
    Document doc = parse(xml);
    assertThat(doc.getDocumentElement().getAttribute("tests")).as(xml).isEqualTo("2");
    assertThat(doc.getDocumentElement().getAttribute("failures")).as(xml).isEqualTo("1");
    List<Element> cases = elements(doc.getElementsByTagName("testcase"));
    assertThat(failures(cases.get(0))).as(xml).isEmpty();
    assertThat(failures(cases.get(1))).as(xml).hasSize(1);
    assertThat(failures(cases.get(1)).get(0).getAttribute("type")).isEqualTo("unreachable-step");
  }

  @Test
  void warningsOfPassingFilesGoToSystemOut() throws Exception {
    String xml = SampleResults.render(ValidateFormat.JUNIT, SampleResults.warningsOnly(false));
    Element warned = elements(parse(xml).getElementsByTagName("testcase")).get(1);
    List<Element> systemOut = elements(warned.getElementsByTagName("system-out"));
    assertThat(systemOut).as(xml).hasSize(1);
    assertThat(systemOut.get(0).getTextContent()).contains("warning[unreachable-step]");
  }

  @Test
  void charactersThatXmlCannotHoldStillGiveAWellFormedDocument() throws Exception {
    // A file name may hold any character but '/' and NUL; XML 1.0 cannot hold most control
    // characters.
    String path = "cadences/odd\u0001\u001bname.yaml";
    var file =
        new FileResult(
            path,
            Optional.empty(),
            List.of(new Diagnostic(path, 1, 1, Severity.ERROR, Code.YAML_SYNTAX, "broken")));
    String xml =
        SampleResults.render(ValidateFormat.JUNIT, new ValidationResult(List.of(file), false));
    Element testcase = elements(parse(xml).getElementsByTagName("testcase")).get(0);
    assertThat(testcase.getAttribute("name"))
        .as(xml)
        .startsWith("cadences/odd")
        .endsWith("name.yaml");
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> failures(Element testcase) {
    return elements(testcase.getElementsByTagName("failure"));
  }

  static List<Element> elements(NodeList nodes) {
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }
}
