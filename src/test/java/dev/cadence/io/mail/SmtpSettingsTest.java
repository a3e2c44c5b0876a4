package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cadence.io.mail.SmtpSettings.Security;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpSettingsTest {

  @Test
  void aPlainUrlWithDefaults() {
    SmtpSettings s = SmtpSettings.parse("smtp://mail.example.com:2525");
    assertThat(s.security()).isEqualTo(Security.OPPORTUNISTIC_STARTTLS);
    assertThat(s.host()).isEqualTo("mail.example.com");
    assertThat(s.port()).isEqualTo(2525);
    assertThat(s.user()).isEmpty();
    assertThat(s.password()).isEmpty();
    assertThat(s.trust()).isEmpty();
    assertThat(s.connectTimeout()).isEqualTo(SmtpSettings.DEFAULT_CONNECT_TIMEOUT);
    assertThat(s.readTimeout()).isEqualTo(SmtpSettings.DEFAULT_READ_TIMEOUT);
    assertThat(s.writeTimeout()).isEqualTo(SmtpSettings.DEFAULT_WRITE_TIMEOUT);
  }

  @ParameterizedTest
  @CsvSource({
    "smtp://h, OPPORTUNISTIC_STARTTLS, 25",
    "smtps://h, SMTPS, 465",
    "SMTPS://h:2465/, SMTPS, 2465",
    "smtp://h:587?starttls=true, REQUIRED_STARTTLS, 587",
    "smtp://h:25?starttls=false, PLAIN, 25",
  })
  void schemesPortsAndStartTls(String url, Security security, int port) {
    SmtpSettings s = SmtpSettings.parse(url);
    assertThat(s.security()).isEqualTo(security);
    assertThat(s.port()).isEqualTo(port);
  }

  @Test
  void credentialsArePercentDecoded() {
    SmtpSettings s =
        SmtpSettings.parse("smtps://ada%40example.com:p%40ss%3Aw%2Bo+rd%25@smtp.example.com");
    assertThat(s.user()).contains("ada@example.com");
    assertThat(s.password()).contains("p@ss:w+o+rd%");
  }

  @Test
  void anUnencodedAtOrQuestionMarkInThePasswordStillWorks() {
    SmtpSettings s = SmtpSettings.parse("smtp://ada:pa@ss?x#y@smtp.example.com:587?starttls=true");
    assertThat(s.password()).contains("pa@ss?x#y");
    assertThat(s.host()).isEqualTo("smtp.example.com");
    assertThat(s.security()).isEqualTo(Security.REQUIRED_STARTTLS);
  }

  @Test
  void utf8PasswordsDecode() {
    assertThat(SmtpSettings.parse("smtp://u:%C3%BCber@h").password()).contains("über");
    assertThat(SmtpSettings.parse("smtp://u:über@h").password()).contains("über");
  }

  @Test
  void ipv6HostsInBrackets() {
    SmtpSettings s = SmtpSettings.parse("smtp://[::1]:2525");
    assertThat(s.host()).isEqualTo("::1");
    assertThat(s.toString()).isEqualTo("smtp://[::1]:2525");
  }

  @Test
  void parameters() {
    SmtpSettings s =
        SmtpSettings.parse(
            "smtp://h:25?connect_timeout=500ms&timeout=30s&write_timeout=2m&trust=/etc/relay-ca.pem&helo=mx.example.com");
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.writeTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.trust()).contains(Path.of("/etc/relay-ca.pem"));
    assertThat(s.helo()).isEqualTo(Optional.of("mx.example.com"));
  }

  @Test
  void toStringAndRedactNeverShowThePassword() {
    String url = "smtp://ada:hunter2@smtp.example.com:587?starttls=true";
    assertThat(SmtpSettings.parse(url).toString())
        .isEqualTo("smtp://ada:***@smtp.example.com:587?starttls=true");
    assertThat(SmtpSettings.redact(url))
        .isEqualTo("smtp://ada:***@smtp.example.com:587?starttls=true");
    assertThat(SmtpSettings.redact("ada:hunter2@host")).doesNotContain("hunter2");
    assertThat(SmtpSettings.parse(url).withPassword("other").password()).contains("other");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                       | the SMTP URL is empty",
        "mail.example.com:25                      | is not an SMTP URL",
        "http://u:hunter2@h                       | unknown scheme `http://`",
        "smtp://u:hunter2@h:99999                 | port `99999`",
        "smtp://u:hunter2@h:abc                   | port `abc`",
        "smtp://u:hunter2@                        | no valid host",
        "smtp://u:hunter2@h?starttls=yes          | must be true or false",
        "smtps://u:hunter2@h?starttls=true        | smtps:// is TLS from the start",
        "smtp://u:hunter2@h?timeout=0s            | not a duration above zero",
        "smtp://u:hunter2@h?timeout=30            | not a duration above zero",
        "smtp://u:hunter2@h?tls=on                | unknown parameter `tls`",
        "smtp://u:hunter2@h?timeout=1s&timeout=2s | appears twice",
        "smtp://u:hunter2@h?nothing               | needs the form name=value",
        "smtp://:hunter2@h                        | the user name before `@` is empty",
        "smtp://u:hunter2%zz@h                    | not followed by two hex digits",
        "smtp://u:hunter2%C3%28@h                 | does not decode as UTF-8",
        "smtp://u:hunter2%0D%0A@h                 | contains a control character",
        "smtp://u:hunter2@h?helo=a%20b            | is not a host name",
      })
  void badUrlsGiveOneLineWithoutThePassword(String url, String message) {
    assertThatThrownBy(() -> SmtpSettings.parse(url))
        .isInstanceOf(SmtpSettings.InvalidSmtpUrl.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("\n"));
  }

  @Test
  void aUserWithoutAPasswordIsRefusedWhenTheSenderIsBuilt() {
    SmtpSettings s = SmtpSettings.parse("smtp://ada@h:25");
    assertThat(s.user()).contains("ada");
    assertThatThrownBy(() -> new SmtpEmailSender(s, java.time.Clock.systemUTC()))
        .isInstanceOf(SmtpSettings.InvalidSmtpUrl.class)
        .hasMessageContaining("no password");
  }

  @Test
  void aTrustFileThatIsNotACertificateIsReported(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path bad = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    SmtpSettings s = SmtpSettings.of("h", 25).withTrust(bad);
    assertThatThrownBy(() -> new SmtpEmailSender(s, java.time.Clock.systemUTC()))
        .isInstanceOf(SmtpSettings.InvalidSmtpUrl.class)
        .hasMessageContaining("trust=" + bad);
    SmtpSettings missing = SmtpSettings.of("h", 25).withTrust(dir.resolve("nope.pem"));
    assertThatThrownBy(() -> new SmtpEmailSender(missing, java.time.Clock.systemUTC()))
        .hasMessageContaining("cannot read the file");
  }
}
