package dev.cadence.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadFieldsTest {
  private final LeadFields.Columns columns =
      new LeadFields.Columns(List.of("id", "email", "region"));

  @Test
  void isAnImmutableMapEqualToTheSameEntriesInColumnOrder() {
    String[] values = {"L1", "a@b.fr", "EMEA"};
    LeadFields row = columns.row(values);
    values[2] = "changed"; // the row keeps its own copy
    assertThat(row)
        .isEqualTo(Map.of("id", "L1", "email", "a@b.fr", "region", "EMEA"))
        .hasSameHashCodeAs(Map.of("id", "L1", "email", "a@b.fr", "region", "EMEA"));
    assertThat(row.keySet()).containsExactly("id", "email", "region");
    assertThat(row.get("email")).isEqualTo("a@b.fr");
    assertThat(row.get("phone")).isNull();
    assertThat(row.containsKey("region")).isTrue();
    assertThatThrownBy(() -> row.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> row.entrySet().iterator().next().setValue("y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aLeadKeepsItAsItIsAndReadsItsFields() {
    LeadFields row = columns.row(new String[] {"L1", "a@b.fr", " "});
    Lead lead = new Lead("L1", row, Optional.empty(), false, 2);
    assertThat(lead.fields()).isSameAs(row);
    assertThat(lead.email()).contains("a@b.fr");
    assertThat(lead.region()).isEmpty(); // blank
  }

  @Test
  void refusesRepeatedColumnsNullsAndRaggedRows() {
    assertThatThrownBy(() -> new LeadFields.Columns(List.of("id", "id")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> columns.row(new String[] {"L1", null, "x"}))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> columns.row(new String[] {"L1"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
