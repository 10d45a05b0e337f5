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
        Optional<IdentityVerification.LinkPage> page = verification.pageFor(token);
        if (page.isEmpty()) {
            response.setStatus(LinkRefusal.status(token));
            return "verification-invalid";
        }
        RequesterLocaleResolver.speakLanguageOfRequest(request, page.get().language());
        model.addAttribute("reference", page.get().reference());
        model.addAttribute("type", page.get().type());
        if (page.get().alreadyConfirmed()) {
            model.addAttribute("alreadyConfirmed", true);
            return "verification-done";
        }
        model.addAttribute("token", token);
        return "verification-confirm";
    }

    @PostMapping("/verify")
    String confirm(@RequestParam(name = "token", required = false) String token, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        VerificationResult result = verification.confirm(token);
        if (!result.verified()) {
            Optional<IdentityVerification.LinkPage> page = verification.pageFor(token);
            if (page.isPresent() && page.get().alreadyConfirmed()) {
                // pressed again after going back: say so, rather than that the link is not valid
                RequesterLocaleResolver.speakLanguageOfRequest(request, page.get().language());
                model.addAttribute("reference", page.get().reference());
                model.addAttribute("alreadyConfirmed", true);
                return "verification-done";
            }
            response.setStatus(LinkRefusal.status(token));
            return "verification-invalid";
        }
        RequesterLocaleResolver.speakLanguageOfRequest(request, result.language());
        model.addAttribute("reference", result.reference());
        return "verification-done";
    }
}
