package dev.dsrdesk.deadline;

import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.Requests;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operators' form for extending a request's period, beside the API. */
@Controller
class ExtensionPageController {

    private final Extensions extensions;
    private final Requests requests;

    ExtensionPageController(Extensions extensions, Requests requests) {
        this.extensions = extensions;
        this.requests = requests;
    }

    @GetMapping("/staff/requests/{reference}/extension")
    String form(@PathVariable String reference, Model model) {
        model.addAttribute("request", requests.byReference(reference));
        return "staff-extension";
    }

    @PostMapping("/staff/requests/{reference}/extension")
    String extend(@PathVariable String reference, @RequestParam(required = false) Integer months,
                  @RequestParam(required = false) String reason, Authentication operator, Model model,
                  HttpServletResponse response) {
        DataSubjectRequest request = requests.byReference(reference);
        model.addAttribute("request", request);
        String problem = null;
        if (months == null || months < 1 || months > 2) {
            problem = "Choose one or two further months: GDPR Art. 12(3) allows at most two.";
        } else if (reason == null || reason.isBlank() || reason.length() > 2000) {
            problem = "Give the reasons (at most 2000 characters): the requester reads them.";
        } else {
            try {
                model.addAttribute("extendedTo", extensions.extend(reference, months, reason.strip(), operator.getName()));
                return "staff-extension";
            } catch (StatutoryCalendar.ExtensionRefused refused) {
                problem = "Refused: " + refused.getMessage();
            }
        }
        model.addAttribute("problem", problem);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "staff-extension";
    }
}
