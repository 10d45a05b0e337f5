package dev.dsrdesk.intake;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestChannel;
import dev.dsrdesk.request.RequestType;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Operators enter a request received by post, phone, in person or by email to the desk. */
@Controller
class StaffIntakePageController {

    private final IntakeService intake;
    private final Clock clock;

    StaffIntakePageController(IntakeService intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @ModelAttribute("requestTypes")
    List<RequestType> requestTypes() {
        return List.of(RequestType.values());
    }

    @ModelAttribute("channels")
    List<RequestChannel> channels() {
        return Arrays.stream(RequestChannel.values()).filter(RequestChannel::isStaffEntered).toList();
    }

    @ModelAttribute("countries")
    List<IntakePageController.Country> countries(Locale locale) {
        return IntakePageController.countriesIn(locale);
    }

    @GetMapping("/staff/requests/new")
    String form(Model model) {
        RequestSubmission submission = new RequestSubmission();
        submission.setReceivedAt(LocalDate.now(clock).toString());
        model.addAttribute("submission", submission);
        return "staff-intake";
    }

    @PostMapping("/staff/requests")
    String submit(@Valid @ModelAttribute("submission") RequestSubmission submission, BindingResult errors,
                  Authentication operator, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                DataSubjectRequest request = intake.submitForRequester(submission, operator.getName(),
                        submission.getLanguage() == null ? "en" : submission.getLanguage());
                model.addAttribute("reference", request.getReference());
                model.addAttribute("dueDate", request.getDueDate());
                return "staff-intake-done";
            } catch (FieldProblems problems) {
                problems.problems().forEach(problem -> errors.rejectValue(problem.field(), "invalid", problem.message()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "staff-intake";
    }
}
