package dev.cadence.report.validate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Jenkins xUnit's JUnit schema (junit-10.xsd, src/test/resources/junit: its origin and licence are
 * in the file), the strictest of the common JUnit consumers about which attributes may appear.
 */
public final class JunitSchema {
  private static final String RESOURCE = "/junit/junit-10.xsd";
  private static final Schema SCHEMA = load();

  private JunitSchema() {}

  /** Every way {@code xml} breaks the schema, one line each; empty when it is valid. */
  public static List<String> problems(String xml) {
    List<String> problems = new ArrayList<>();
    Validator validator = SCHEMA.newValidator();
    validator.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        });
    try {
      validator.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXException e) {
      problems.add(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  private static Schema load() {
    URL xsd = JunitSchema.class.getResource(RESOURCE);
    if (xsd == null) {
      throw new IllegalStateException(RESOURCE + " is not on the test class path");
    }
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return factory.newSchema(xsd);
    } catch (SAXException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }
}
