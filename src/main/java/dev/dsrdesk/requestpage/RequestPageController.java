package dev.dsrdesk.requestpage;

import dev.dsrdesk.document.DocumentRefused;
import dev.dsrdesk.document.RequesterDocuments;
import dev.dsrdesk.language.RequesterFacing;
import dev.dsrdesk.language.RequesterLocaleResolver;
import dev.dsrdesk.question.AnswerDocument;
import dev.dsrdesk.question.AnswerRefused;
import dev.dsrdesk.question.RequesterQuestions;
import dev.dsrdesk.request.DataSubjectRequest;
import dev.dsrdesk.response.DownloadLinks;
import dev.dsrdesk.security.LinkRefusal;
import dev.dsrdesk.security.RateLimiter;
import dev.dsrdesk.withdrawal.Withdrawals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The request's own page, behind the link in every mail to the requester: where the request stands, and what the
 * requester can do there — answer the desk's question, ask for a fresh download link, withdraw. Each action acts on
 * the request the link belongs to, and only on it; after an action the page is shown again (post, redirect, get).
 */
@Controller
@RequesterFacing
class RequestPageController {

    /** What the page confirms after an action; nothing else a caller sends is echoed. */
    enum Done { ANSWERED, LINK_SENT, WITHDRAWN }

    private final RequestPageLinks links;
    private final RequestPage page;
    private final RequesterQuestions questions;
    private final DownloadLinks downloads;
    private final Withdrawals withdrawals;
    private final RequesterDocuments documents;

    RequestPageController(RequestPageLinks links, RequestPage page, RequesterQuestions questions, DownloadLinks downloads,
                          Withdrawals withdrawals, RequesterDocuments documents) {
        this.documents = documents;
        this.links = links;
        this.page = page;
        this.questions = questions;
        this.downloads = downloads;
        this.withdrawals = withdrawals;
    }

    @GetMapping("/request")
    String show(@RequestParam(name = "token", required = false) String token,
                @RequestParam(name = "done", required = false) String done,
                Model model, HttpServletRequest http, HttpServletResponse response) {
        return behind(token, http, response, request -> {
            model.addAttribute("done", doneOf(done));
            return render(request, token, model);
        });
    }

    /** The answer, and for a question about identity a document: no file chosen is no document. */
    @PostMapping("/request/answer")
    String answer(@RequestParam(name = "token", required = false) String token,
                  @RequestParam(name = "answer", required = false) String answer,
                  @RequestParam(name = "document", required = false) MultipartFile document,
                  Model model, HttpServletRequest http, HttpServletResponse response) {
        return behind(token, http, response, request -> {
            try {
                questions.answer(request, answer, attached(document));
            } catch (AnswerRefused refused) {
                return refuse(request, token, HttpStatus.BAD_REQUEST, refused.messageKey(), model, response);
            } catch (DocumentRefused refused) {
                model.addAttribute("documentProblem", documents.explain(refused.refusal(), LocaleContextHolder.getLocale()));
                return refuse(request, token, HttpStatus.BAD_REQUEST, "requestPage.answer.documentRefused", model, response);
            }
            return redirect(token, Done.ANSWERED);
        });
    }

    @PostMapping("/request/download-link")
    String freshDownloadLink(@RequestParam(name = "token", required = false) String token,
                             Model model, HttpServletRequest http, HttpServletResponse response) {
        return behind(token, http, response, request -> {
            if (!downloads.hasPackage(request)) {
                return refuse(request, token, HttpStatus.CONFLICT, "requestPage.freshLink.none", model, response);
            }
            try {
                downloads.reissue(request);
            } catch (RateLimiter.TooManyRequests tooMany) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds()));
                return refuse(request, token, HttpStatus.TOO_MANY_REQUESTS, "requestPage.freshLink.tooMany", model, response);
            }
            return redirect(token, Done.LINK_SENT);
        });
    }

    @PostMapping("/request/withdraw")
    String withdraw(@RequestParam(name = "token", required = false) String token,
                    @RequestParam(name = "confirm", required = false) String confirm,
                    Model model, HttpServletRequest http, HttpServletResponse response) {
        return behind(token, http, response, request -> {
            if (!"yes".equals(confirm)) {
                return refuse(request, token, HttpStatus.BAD_REQUEST, "requestPage.withdraw.confirmFirst", model, response);
            }
            if (!withdrawals.withdraw(request)) {
                return refuse(request, token, HttpStatus.CONFLICT, "requestPage.withdraw.tooLate", model, response);
            }
            return redirect(token, Done.WITHDRAWN);
        });
    }

    /** Every page and action: the request the link belongs to, and only it, or the page that opens nothing. */
    private String behind(String token, HttpServletRequest http, HttpServletResponse response,
                          Function<DataSubjectRequest, String> page) {
        return opened(token, http, response).map(page).orElse("request-page-invalid");
    }

    private Optional<DataSubjectRequest> opened(String token, HttpServletRequest http, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // the secret is in the address: never pass it on to another site
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<DataSubjectRequest> request = links.requestBehind(token);
        if (request.isEmpty()) {
            response.setStatus(LinkRefusal.status(token));
        } else {
            RequesterLocaleResolver.speakLanguageOfRequest(http, request.get().getLanguage());
        }
        return request;
    }

    private String refuse(DataSubjectRequest request, String token, HttpStatus status, String problem, Model model,
                          HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("problem", problem);
        return render(request, token, model);
    }

    private String render(DataSubjectRequest request, String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("page", page.of(request, LocaleContextHolder.getLocale()));
        model.addAttribute("maxAnswer", RequesterQuestions.MAX_ANSWER);
        model.addAttribute("maxDocument", documents.maxSizeInWords());
        return "request-page";
    }

    private static AnswerDocument attached(MultipartFile document) {
        if (document == null || (document.isEmpty() && (document.getOriginalFilename() == null
                || document.getOriginalFilename().isBlank()))) {
            return null;
        }
        try {
            return new AnswerDocument(document.getOriginalFilename(), document.getBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String redirect(String token, Done done) {
        return "redirect:" + UriComponentsBuilder.fromPath("/request").queryParam("token", token)
                .queryParam("done", done.name()).build().encode().toUriString();
    }

    private static Done doneOf(String done) {
        if (done == null) {
            return null;
        }
        try {
            return Done.valueOf(done);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
