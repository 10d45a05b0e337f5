package dev.dsrdesk.question;

import dev.dsrdesk.request.PersonalDataHolder;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What was asked and answered may say anything about the requester; that it was asked, and when, stays. */
@Component
class QuestionPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    QuestionPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> personalDataColumns() {
        return Set.of("requester_question.question_text", "requester_question.answer_text");
    }

    @Override
    public void erasePersonalData(ExpiredRequest request) {
        jdbc.update("update requester_question set question_text = null, answer_text = null where request_id = ?", request.id());
    }
}
