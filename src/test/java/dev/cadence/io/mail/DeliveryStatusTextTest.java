package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusTextTest {
  @Test
  void angusReadsTheBlocksAndUnfoldsTheirFields() {
    String part =
        "Reporting-MTA: dns; mx.acme.example\r\n\r\n"
            + "Final-Recipient: rfc822; ana@acme.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
            + "Diagnostic-Code: smtp; 550 5.1.1 <ana@acme.example>:\r\n"
            + "    Recipient address rejected: User unknown\r\n\r\n"
            + "Final-Recipient: rfc822; bo@acme.example\r\nAction: delayed\r\nStatus: 4.4.1\r\n";
    assertThat(DeliveryStatusText.normalize(part))
        .isEqualTo(
            "Reporting-MTA: dns; mx.acme.example\r\n\r\n"
                + "Final-Recipient: rfc822; ana@acme.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <ana@acme.example>: Recipient address"
                + " rejected: User unknown\r\n\r\n"
                + "Final-Recipient: rfc822; bo@acme.example\r\nAction: delayed\r\nStatus: 4.4.1\r\n");
  }

  @Test
  void aReportItCannotReadIsKeptAsItWas() {
    String junk = "this is not a delivery status report at all";
    assertThat(DeliveryStatusText.normalize(junk)).isEqualTo(junk);
  }
}
