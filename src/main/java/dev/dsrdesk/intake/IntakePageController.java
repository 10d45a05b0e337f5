package dev.dsrdesk.intake;

import dev.dsrdesk.document.RequesterDocuments;
import dev.dsrdesk.language.RequesterFacing;
import dev.dsrdesk.language.SupportedLanguages;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.request.RequestType;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import dev.dsrdesk.security.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public page where a data subject exercises a right. Each page carries a form token: the same form sent again
 * (back, then send) is the same request, not a second one with a second set of mails. After sending, the browser
 * lands on the request's own confirmation address, which survives a reload and shows nothing but the reference.
 * Someone acting for the data subject attaches the signed permission: the form is multipart, and the file becomes the
 * same {@link PermissionDocument} the API takes, checked by the same constraints.
 */
@Controller
@RequesterFacing
class IntakePageController {

    private static final Pattern FORM_TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern REFERENCE = Pattern.compile("DSR-[0-9]{4}-[0-9]{6}");

    private final IntakeService intake;
    private final IdempotencyKeys keys;
    private final RequesterDocuments documents;

    IntakePageController(IntakeService intake, IdempotencyKeys keys, RequesterDocuments documents) {
        this.intake = intake;
        this.keys = keys;
        this.documents = documents;
    }

    /** The file input {@code agent.permission}: no file chosen is no permission; a file is the document as JSON carries it. */
    @InitBinder("submission")
    void permissionFromTheFileInput(WebDataBinder binder) {
        binder.registerCustomEditor(PermissionDocument.class, "agent.permission", new PropertyEditorSupport() {
            @Override
            public void setValue(Object value) {
                if (value instanceof MultipartFile file) {
                    super.setValue(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())
                            ? null : PermissionDocument.of(file.getOriginalFilename(), bytesOf(file)));
                } else {
                    super.setValue(value instanceof PermissionDocument ? value : null);
                }
            }

            @Override
            public String getAsText() {
                // a file input shows no value
                return "";
            }
        });
    }

    private static byte[] bytesOf(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file cannot be read", e);
        }
    }

    @ModelAttribute("maxDocumentSize")
    String maxDocumentSize() {
        return documents.maxSizeInWords();
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
        RequestSubmission submission = new RequestSubmission();
        submission.setAgent(new AgentSubmission());
        model.addAttribute("submission", submission);
        model.addAttribute("formToken", UUID.randomUUID().toString());
        return "intake";
    }

    @PostMapping("/requests")
    String submit(@Valid @ModelAttribute("submission") RequestSubmission submission, BindingResult errors,
                  @RequestParam(name = "formToken", required = false) String formToken,
                  Locale locale, Model model, HttpSession session, HttpServletResponse response) {
        String token = formToken != null && FORM_TOKEN.matcher(formToken).matches() ? formToken : UUID.randomUUID().toString();
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formToken", token);
            return "intake";
        }
        String reference;
        try {
            reference = onceFor(token, submission, SupportedLanguages.bestFor(locale), session);
        } catch (RateLimiter.TooManyRequests tooMany) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds()));
            errors.reject("intake.tooMany");
            model.addAttribute("formToken", token);
            return "intake";
        }
        return "redirect:/submitted/" + reference;
    }

    /**
     * The request this form made, made once: the same page sent again with the same content is answered with the
     * first request, by its form token or, where going back reloaded the page with a fresh token (browsers restore
     * what was typed, not hidden fields), by the same content sent from the same browser session. Changed content
     * after going back is a request of its own.
     */
    private String onceFor(String formToken, RequestSubmission submission, String language, HttpSession session) {
        IdempotencyKeys.Claim claim = keys.claim("form:" + formToken, submission, "");
        SentFromThisBrowser sent = SentFromThisBrowser.of(session);
        Optional<String> sentBefore = sent.referenceFor(claim.fingerprint());
        if (sentBefore.isPresent()) {
            return sentBefore.get();
        }
        String reference = onceForToken(claim, submission, language);
        sent.remember(claim.fingerprint(), reference);
        return reference;
    }

    private String onceForToken(IdempotencyKeys.Claim claim, RequestSubmission submission, String language) {
        Optional<String> earlier;
        try {
            earlier = keys.earlier(claim);
        } catch (ErrorResponseException changedContent) {
            return intake.submit(submission, language).getReference();
        }
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return keys.firstUnder(claim, () -> intake.submit(submission, language)).getReference();
        } catch (RuntimeException e) {
            if (!IdempotencyKeys.lostTheRace(e)) {
                throw e;
            }
            return keys.earlier(claim).orElseThrow(() -> e);
        }
    }

    /**
     * The confirmation's own address: it shows the reference from the address only, never the requester's details,
     * and says the same for any well-formed reference, so it tells nobody which requests exist.
     */
    @GetMapping("/submitted/{reference}")
    String submitted(@PathVariable String reference, Model model, HttpServletResponse response) {
        if (!REFERENCE.matcher(reference).matches()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "error/404";
        }
        model.addAttribute("reference", reference);
        return "submitted";
    }

    record Country(String code, String name) {
    }
}
