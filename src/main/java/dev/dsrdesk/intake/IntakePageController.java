package dev.dsrdesk.intake;

import dev.dsrdesk.language.RequesterFacing;
import dev.dsrdesk.language.SupportedLanguages;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestType;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import dev.dsrdesk.security.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public page where a data subject exercises a right. */
@Controller
@RequesterFacing
class IntakePageController {

    private final IntakeService intake;

    IntakePageController(IntakeService intake) {
        this.intake = intake;
    }

    @ModelAttribute("requestTypes")
    List<RequestType> requestTypes() {
        return List.of(RequestType.values());
    }

    @ModelAttribute("countries")
    List<Country> countries(Locale locale) {
        return countriesIn(locale);
    }

    static List<Country> countriesIn(Locale locale) {
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name))
                .toList();
    }

    @GetMapping("/")
    String form(Model model) {
        model.addAttribute("submission", new RequestSubmission());
        return "intake";
    }

    @PostMapping("/requests")
    String submit(@Valid @ModelAttribute("submission") RequestSubmission submission, BindingResult errors,
                  Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "intake";
        }
        DataSubjectRequest request;
        try {
            request = intake.submit(submission, SupportedLanguages.bestFor(locale));
        } catch (RateLimiter.TooManyRequests tooMany) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds()));
            errors.reject("intake.tooMany");
            return "intake";
        }
        redirect.addFlashAttribute("reference", request.getReference());
        redirect.addFlashAttribute("email", request.getEmail());
        return "redirect:/submitted";
    }

    @GetMapping("/submitted")
    String submitted(Model model) {
        if (!model.containsAttribute("reference")) {
            return "redirect:/";
        }
        return "submitted";
    }

    record Country(String code, String name) {
    }
}
