package dev.dsrdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.dsrdesk.connector.AnswerChannels.AnswerChannel;
import dev.dsrdesk.fulfilment.EntityStepInstances;
import org.junit.jupiter.api.Test;

/** One answer per entity step, whatever channels an entity has configured: databases, then API, then mail, then a person. */
class AnswerChannelsTest {

    private final AutomatedSteps databases = mock(AutomatedSteps.class);
    private final EntityApiSteps apis = mock(EntityApiSteps.class);
    private final ProcessorMailSteps mail = mock(ProcessorMailSteps.class);
    private final AnswerChannels channels = new AnswerChannels(mock(EntityStepInstances.class), databases, apis, mail);

    @Test
    void anEntityWithNoChannelIsAnsweredByAPerson() {
        assertThat(channels.channel("rome", "EXPORT")).isEqualTo(AnswerChannel.PERSON);
    }

    @Test
    void databasesThatCanDoTheActionComeBeforeAnApiAndMail() {
        when(databases.automates("rome", "ERASE")).thenReturn(true);
        when(apis.answers("rome", "ERASE")).thenReturn(true);
        when(mail.answers("rome", "ERASE")).thenReturn(true);

        assertThat(channels.channel("rome", "ERASE")).isEqualTo(AnswerChannel.DATABASES);
    }

    @Test
    void anApiComesBeforeMailAndMailBeforeAPerson() {
        when(apis.answers("google-analytics", "EXPORT")).thenReturn(true);
        when(mail.answers("google-analytics", "EXPORT")).thenReturn(true);
        when(mail.answers("google-analytics", "ERASE")).thenReturn(true);

        assertThat(channels.channel("google-analytics", "EXPORT")).isEqualTo(AnswerChannel.API);
        assertThat(channels.channel("google-analytics", "ERASE")).isEqualTo(AnswerChannel.MAIL);
    }
}
