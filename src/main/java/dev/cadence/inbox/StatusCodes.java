package dev.cadence.inbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The enhanced mail system status codes of RFC 3463 (and the registered additions of RFC 7372, RFC
 * 7505 and RFC 8689), read as causes when the diagnostic text says nothing clearer.
 */
final class StatusCodes {
  /** {@code class.subject.detail}: 2, 4 or 5, then up to three digits each. */
  static final Pattern CODE =
      Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d])");

  private StatusCodes() {}

  /** The first status code in {@code text}, if any. */
  static Optional<String> find(String text) {
    Matcher m = CODE.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  /**
   * What a status code says by itself. X.0.0 and other undefined details say nothing; X.7.1
   * ("delivery not authorized") is read as a refusal of us, since the address itself would have had
   * an X.1 code.
   */
  static Optional<BounceCause> cause(String status) {
    Matcher m = CODE.matcher(status);
    if (!m.find()) {
      return Optional.empty();
    }
    int subject = Integer.parseInt(m.group(2));
    int detail = Integer.parseInt(m.group(3));
    return Optional.ofNullable(
        switch (subject) {
          case 1 -> address(detail);
          case 2 -> mailbox(detail);
          case 3 -> system(detail);
          case 4 -> network(detail);
          case 5 -> BounceCause.SYSTEM_ERROR;
          case 6 -> BounceCause.CONTENT_ERROR;
          case 7 -> security(detail);
          default -> null;
        });
  }

  private static BounceCause address(int detail) {
    return switch (detail) {
      case 1, 3 -> BounceCause.USER_UNKNOWN; // bad destination mailbox address (or its syntax)
      case 2 -> BounceCause.HOST_UNKNOWN; // bad destination system address
      case 6 -> BounceCause.HAS_MOVED; // destination mailbox has moved, no forwarding address
      case 7, 8 -> BounceCause.SENDER_REJECTED; // bad sender's mailbox or system address
      case 10 -> BounceCause.NOT_ACCEPT; // RFC 7505: the domain publishes a null MX
      default -> null;
    };
  }

  private static BounceCause mailbox(int detail) {
    return switch (detail) {
      case 0 -> BounceCause.FILTERED; // the mailbox exists, but something refused the message
      case 1 -> BounceCause.SUSPENDED; // mailbox disabled, not accepting messages
      case 2 -> BounceCause.MAILBOX_FULL;
      case 3 -> BounceCause.MESSAGE_TOO_BIG; // message length exceeds administrative limit
      default -> BounceCause.SYSTEM_ERROR; // mailing list expansion problem
    };
  }

  private static BounceCause system(int detail) {
    return switch (detail) {
      case 1 -> BounceCause.SYSTEM_FULL;
      case 4 -> BounceCause.MESSAGE_TOO_BIG;
      default -> BounceCause.SYSTEM_ERROR;
    };
  }

  private static BounceCause network(int detail) {
    return switch (detail) {
      case 3 -> BounceCause.SYSTEM_ERROR; // directory server failure
      case 7 -> BounceCause.EXPIRED; // delivery time expired
      default -> BounceCause.NETWORK_ERROR;
    };
  }

  private static BounceCause security(int detail) {
    return switch (detail) {
      case 1 -> BounceCause.BLOCKED; // delivery not authorized, message refused
      case 7, 9 -> BounceCause.POLICY_VIOLATION; // message integrity failure, weak mechanism
      case 20, 21, 22, 23, 24, 26, 27, 509 -> BounceCause.AUTH_FAILURE; // DKIM, SPF, DMARC
      case 25 -> BounceCause.REQUIRE_PTR; // reverse DNS validation failed
      default -> detail >= 500 && detail < 700 ? BounceCause.BLOCKED : BounceCause.SECURITY_ERROR;
    };
  }
}
