package dev.dsrdesk.notification;

import dev.dsrdesk.agent.AuthorizedAgent;
import dev.dsrdesk.agent.AuthorizedAgents;
import dev.dsrdesk.language.SupportedLanguages;
import dev.dsrdesk.request.DataSubjectRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a requester's message from its template (in the request's language) and queues it in the outbox, one mail
 * per recipient: the data subject's to the request's address, an authorized agent's to the agent's own.
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
    private final AuthorizedAgents agents;

    public RequesterMail(MailOutbox outbox, MailSettings settings, MessageSource messages,
                         ComplaintAuthorities authorities, RequestPageAddress requestPage, AuthorizedAgents agents) {
        this.requestPage = requestPage;
        this.outbox = outbox;
        this.agents = agents;
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

    /** Queues a mail to the agent who made the request on the data subject's behalf, at the agent's own address. */
    public void sendToAgent(DataSubjectRequest request, AuthorizedAgent agent, AgentMessage message, Map<String, Object> details) {
        outbox.enqueue(request.getReference(), "AGENT_" + message.name(), composeForAgent(request, agent, message, details));
    }

    /**
     * The message as the requester reads it: subject and body in the language stored with the request. A request an
     * agent made says who (the {@code agent} variable, "Paolo Bianchi (Privacy Agents Inc.)", without links: the agent
     * typed it), so that the data subject can tell whether they really asked for it.
     */
    OutgoingMail compose(DataSubjectRequest request, RequesterMessage message, Map<String, Object> details) {
        Locale locale = SupportedLanguages.forTag(request.getLanguage());
        Context context = context(request, locale, greeting(request, locale), details);
        context.setVariable("agent", agents.of(request.getReference()).map(RequesterMail::named).orElse(null));
        String body = templates.process(message.templateName(), context);
        String subject = messages.getMessage(message.subjectKey(), new Object[] {request.getReference()}, locale);
        return new OutgoingMail(request.getEmail(), subject, body);
    }

    /**
     * The agent's message, in the request's language (the one the agent wrote in). Nobody proved the agent's address, so
     * the mail greets without a name and names neither the data subject nor anything of theirs: the reference, the
     * right, where the request stands.
     */
    OutgoingMail composeForAgent(DataSubjectRequest request, AuthorizedAgent agent, AgentMessage message,
                                 Map<String, Object> details) {
        Locale locale = SupportedLanguages.forTag(request.getLanguage());
        Context context = context(request, locale, messages.getMessage("mail.greetingWithoutName", null, locale), details);
        String body = templates.process(message.templateName(), context);
        String subject = messages.getMessage(message.subjectKey(), new Object[] {request.getReference()}, locale);
        return new OutgoingMail(agent.email(), subject, body);
    }

    private Context context(DataSubjectRequest request, Locale locale, String greeting, Map<String, Object> details) {
        Context context = new Context(locale);
        context.setVariable("request", request);
        context.setVariable("greeting", greeting);
        context.setVariable("deskName", settings.deskName());
        context.setVariable("authority", authorities.forRequester(request));
        context.setVariables(details);
        return context;
    }

    /** "Paolo Bianchi (Privacy Agents Inc.)", each part as {@link RequesterText#withoutLinks} leaves it. */
    private static String named(AuthorizedAgent agent) {
        String name = RequesterText.withoutLinks(agent.name());
        return Optional.ofNullable(RequesterText.withoutLinks(agent.organisation()))
                .map(organisation -> name + " (" + organisation + ")").orElse(name);
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
