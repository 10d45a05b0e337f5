package dev.dsrdesk.verification;

import dev.dsrdesk.security.LinkRefusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/** The page behind the emailed link: GET only asks, POST confirms. */
@Controller
class VerificationController {

    private final IdentityVerification verification;

    VerificationController(IdentityVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify")
    String ask(@RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        if (!verification.isUsable(token)) {
            response.setStatus(LinkRefusal.status(token));
            return "verification-invalid";
        }
        model.addAttribute("token", token);
        return "verification-confirm";
    }

    @PostMapping("/verify")
    String confirm(@RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        VerificationResult result = verification.confirm(token);
        if (!result.verified()) {
            response.setStatus(LinkRefusal.status(token));
            return "verification-invalid";
        }
        model.addAttribute("reference", result.reference());
        return "verification-done";
    }
}
