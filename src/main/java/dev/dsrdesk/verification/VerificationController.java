package dev.dsrdesk.verification;

import dev.dsrdesk.language.RequesterFacing;
import dev.dsrdesk.language.RequesterLocaleResolver;
import dev.dsrdesk.security.LinkRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the emailed link: GET only asks, POST confirms. It speaks the language stored with the
 * request, as the mail did, unless the person has chosen another.
 */
@Controller
@RequesterFacing
class VerificationController {

    private final IdentityVerification verification;

    VerificationController(IdentityVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify")
    String ask(@RequestParam(name = "token", required = false) String token, Model model,
               HttpServletRequest request, HttpServletResponse response) {
        Optional<String> language = verification.languageBehind(token);
        if (language.isEmpty()) {
            response.setStatus(LinkRefusal.status(token));
            return "verification-invalid";
        }
        RequesterLocaleResolver.speakLanguageOfRequest(request, language.get());
        model.addAttribute("token", token);
        return "verification-confirm";
    }

    @PostMapping("/verify")
    String confirm(@RequestParam(name = "token", required = false) String token, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        VerificationResult result = verification.confirm(token);
        if (!result.verified()) {
            response.setStatus(LinkRefusal.status(token));
            return "verification-invalid";
        }
        RequesterLocaleResolver.speakLanguageOfRequest(request, result.language());
        model.addAttribute("reference", result.reference());
        return "verification-done";
    }
}
