package dev.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {
  final UnsubscribeTokens tokens = new UnsubscribeTokens("a secret of enough bytes");

  @Property
  void everyLeadIdComesBackFromItsTokenWhichIsUrlSafe(@ForAll @NotEmpty String leadId) {
    // Lead ids come from UTF-8 text: whole code points only.
    Assume.that(leadId.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
    String token = tokens.token(leadId);
    assertThat(token).matches("[A-Za-z0-9_.-]*");
    assertThat(tokens.verify(token)).contains(leadId);
  }

  @Test
  void aTokenChangedInAnyWayOrSignedWithAnotherSecretDoesNotVerify() {
    String token = tokens.token("L-1");
    String otherLead = tokens.token("L-2");
    String forged =
        otherLead.substring(0, otherLead.indexOf('.')) + token.substring(token.indexOf('.'));
    assertThat(tokens.verify(forged)).isEmpty();
    assertThat(tokens.verify(token.substring(0, token.length() - 1))).isEmpty();
    assertThat(new UnsubscribeTokens("another secret, long enough").verify(token)).isEmpty();
    for (String junk : new String[] {"", ".", "abc", "abc.", ".abc", "%%%.%%%", "a.b.c"}) {
      assertThat(tokens.verify(junk)).as(junk).isEqualTo(Optional.empty());
    }
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new UnsubscribeTokens("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 bytes");
  }

  @Test
  void aLinkPutsTheLeadsTokenInPlaceAndIsCheckedLikeTheHeader() {
    UnsubscribeLink link =
        UnsubscribeLink.of("https://acme.example/unsubscribe/{token}", Optional.of(tokens));
    assertThat(link.forLead("L-1"))
        .isEqualTo("https://acme.example/unsubscribe/" + tokens.token("L-1"));
    assertThatThrownBy(() -> UnsubscribeLink.of("https://acme.example/u/{token}", Optional.empty()))
        .hasMessageContaining("CADENCE_SECRET");
    assertThatThrownBy(() -> UnsubscribeLink.of("ftp://acme.example/u", Optional.empty()))
        .hasMessageContaining("https:// URL or a mailto:");
    assertThatThrownBy(() -> UnsubscribeLink.of("https://acme.example/a b", Optional.empty()))
        .hasMessageContaining("percent-encode");
  }
}
