package dev.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Return dates as out-of-office texts state them, resolved after the message's date. */
class ReturnDatesTest {
  private static final LocalDate SENT = LocalDate.of(2026, 12, 18);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "I am out of the office until 21 December | 2026-12-21",
        "Back on January 4th | 2027-01-04",
        "I'll be back on Monday, January 4 | 2027-01-04",
        "Je serai de retour le 4 janvier | 2027-01-04",
        "Absent jusqu'au 3 janvier inclus | 2027-01-03",
        "Ich bin bis zum 12.01. nicht im Büro | 2027-01-12",
        "Ab dem 5. Januar bin ich wieder erreichbar | 2027-01-05",
        "Estaré fuera hasta el 8 de enero | 2027-01-08",
        "Regresaré el 8 de enero | 2027-01-08",
        "Away until 2027-01-06 | 2027-01-06",
        "Away until 12/01/2027 | 2027-01-12",
        "Away until 01/12/2027 | 2027-01-12",
        "Away until 25/01/2027 | 2027-01-25",
      })
  void readsTheStatedDate(String text, LocalDate expected) {
    assertThat(ReturnDates.find(text, SENT)).map(ReturnDates.Found::date).contains(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "I was away from 20 December",
        "Out until 2025-01-04",
        "Thanks, talk soon",
      })
  void findsNothingWithoutAFutureDateAfterAReturnWord(String text) {
    assertThat(ReturnDates.find(text, SENT)).isEmpty();
  }
}
