package dev.dsrdesk.question;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequesterQuestionRepository extends JpaRepository<RequesterQuestion, Long> {

    List<RequesterQuestion> findByRequestIdOrderByAskedAtAscIdAsc(Long requestId);
}
