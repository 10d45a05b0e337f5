package dev.dsrdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a mail shows of a requester's typed text: their words, never something a mail client would link. */
class RequesterTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Visit http://evil.example/login now   | Visit evil[.]example/login now
            HTTPS://Evil.Example/x                | Evil[.]Example/x
            see www.evil.example                  | see evil[.]example
            ftp://files.evil.example              | files[.]evil[.]example
            mail me at boss@evil.example          | mail me at boss@evil[.]example
            call 10.0.0.1/admin                   | call 10[.]0[.]0[.]1/admin
            evil。example and evil．example        | evil[.]example and evil[.]example
            """)
    void noSchemeNoWwwAndNoHostDotIsLeft(String typed, String shown) {
        assertThat(RequesterText.withoutLinks(typed)).isEqualTo(shown);
    }

    @Test
    void anOrdinaryNameIsShownAsTyped() {
        assertThat(RequesterText.withoutLinks("Maria da Conceição O'Brien-Müller")).isEqualTo("Maria da Conceição O'Brien-Müller");
        assertThat(RequesterText.withoutLinks("J. R. R. Tolkien")).isEqualTo("J. R. R. Tolkien");
    }

    @Test
    void typedTextCannotOpenParagraphsOfItsOwn() {
        assertThat(RequesterText.withoutLinks("Ada\r\n\r\nYour account is locked")).isEqualTo("Ada Your account is locked");
    }
}
