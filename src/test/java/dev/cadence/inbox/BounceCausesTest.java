package dev.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cause of a failure from its status code and diagnostic text, as servers write them. */
class BounceCausesTest {
  @ParameterizedTest(name = "{0} | {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "5.1.1 | 550 5.1.1 <a@b.example>: Recipient address rejected: User unknown in local recipient table | USER_UNKNOWN",
        "-     | 550 No such user here | USER_UNKNOWN",
        "5.1.2 | Host or domain name not found. Name service error for name=b.example type=A | HOST_UNKNOWN",
        "5.1.6 | 551 not our user | HAS_MOVED",
        "5.1.10 | 556 5.1.10 Recipient address has null MX | NOT_ACCEPT",
        "5.2.2 | 552 5.2.2 The email account that you tried to reach is over quota | MAILBOX_FULL",
        "5.3.4 | 552 5.3.4 Message size exceeds fixed limit | MESSAGE_TOO_BIG",
        "5.7.1 | 554 5.7.1 Client host rejected: blocked using bl.example.org | BLOCKED",
        "5.7.26 | 550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy | AUTH_FAILURE",
        "5.7.25 | 550 5.7.25 The IP address sending this message does not have a PTR record | REQUIRE_PTR",
        "5.7.1 | 554 5.7.1 Relay access denied | NO_RELAYING",
        "5.1.8 | 553 5.1.8 Domain of sender address does not exist | SENDER_REJECTED",
        "4.4.7 | Message expired: unable to deliver in 840 minutes | EXPIRED",
        "5.2.0 | 550 User unknown | FILTERED",
        "-     | SMTP error from remote mail server after MAIL FROM:<us@ours.example>: 550 No such domain | SENDER_REJECTED",
        "-     | 550 5.1.1 User unknown (in reply to end of DATA command) | FILTERED",
        "5.4.1 | 550 5.4.1 Recipient address rejected: Access denied | USER_UNKNOWN",
        "5.0.0 | 550 Your message looks like spam | SPAM_DETECTED",
        "5.9.9 | something nobody documented | UNDEFINED",
      })
  void decides(String status, String text, BounceCause expected) {
    assertThat(BounceCauses.decide(Optional.ofNullable(status), text).cause()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "5.1.1, USER_UNKNOWN",
    "5.2.2, MAILBOX_FULL",
    "4.4.7, EXPIRED",
    "5.7.25, REQUIRE_PTR"
  })
  void statusCodesAloneFollowRfc3463(String status, BounceCause expected) {
    assertThat(StatusCodes.cause(status)).contains(expected);
  }
}
