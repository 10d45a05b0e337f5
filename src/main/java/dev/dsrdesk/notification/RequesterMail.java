package dev.dsrdesk.notification;

import dev.dsrdesk.language.SupportedLanguages;
import dev.dsrdesk.request.DataSubjectRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a requester's message from its template (in the request's language) and queues it in the outbox.
 * The template engine is private to mail so that it does not replace the one serving the pages.
 */
@Component
public class RequesterMail {

    /** The template variable holding the link to the request's page. */
    static final String REQUEST_PAGE = "requestPage";

    private final MailOutbox outbox;
    private final MailSettings settings;
    private final MessageSource messages;
    private final SpringTemplateEngine templates;
    private final ComplaintAuthorities authorities;
    private final RequestPageAddress requestPage;

    public RequesterMail(MailOutbox outbox, MailSettings settings, MessageSource messages,
                         ComplaintAuthorities authorities, RequestPageAddress requestPage) {
        this.requestPage = requestPage;
        this.outbox = outbox;
        this.settings = settings;
        this.messages = messages;
        this.authorities = authorities;
        this.templates = textTemplates(messages);
    }

    /**
     * Queues the message for delivery, in the caller's transaction: it leaves only if that work commits. Each message
     * ends with a fresh link to the request's own page.
     */
    public void send(DataSubjectRequest request, RequesterMessage message, Map<String, Object> details) {
        Map<String, Object> withPage = new HashMap<>(details);
        withPage.put(REQUEST_PAGE, requestPage.freshLink(request));
        outbox.enqueue(request.getReference(), message.name(), compose(request, message, withPage));
    }

    /** The message as the requester reads it: subject and body in the language stored with the request. */
    OutgoingMail compose(DataSubjectRequest request, RequesterMessage message, Map<String, Object> details) {
        Locale locale = SupportedLanguages.forTag(request.getLanguage());
        Context context = new Context(locale);
        context.setVariable("request", request);
        context.setVariable("greeting", greeting(request, locale));
        context.setVariable("deskName", settings.deskName());
        context.setVariable("authority", authorities.forRequester(request));
        context.setVariables(details);
        String body = templates.process(message.templateName(), context);
        String subject = messages.getMessage(message.subjectKey(), new Object[] {request.getReference()}, locale);
        return new OutgoingMail(request.getEmail(), subject, body);
    }

    /**
     * Until the address is proven (by the link, or by an identity review that covers the email) anyone may have typed the name
     * for someone else's address, so the desk greets without it; after that the name, never a link in it.
     */
    private String greeting(DataSubjectRequest request, Locale locale) {
        return !request.emailVerified()
                ? messages.getMessage("mail.greetingWithoutName", null, locale)
                : messages.getMessage("mail.greeting", new Object[] {RequesterText.withoutLinks(request.getFullName())}, locale);
    }

    private static SpringTemplateEngine textTemplates(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
