package dev.dsrdesk.language;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The requester's language: chosen with {@code ?lang=} on a public page, remembered in a cookie. */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

    /** Only the pages a requester reads take a choice; the API and staff screens ignore the parameter. */
    private static final String[] REQUESTER_PAGES = {"/", "/requests", "/submitted/*", "/verify", "/download"};
    private static final String[] STAFF_PAGES = {"/staff/**", "/dashboard", "/dashboard/**", "/reports", "/reports/**", "/dev/mailbox", "/processor-answer"};

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new RequesterLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor choice = new LocaleChangeInterceptor();
        choice.setParamName(LanguageSwitcher.PARAMETER);
        choice.setIgnoreInvalidLocale(true);
        registry.addInterceptor(choice).addPathPatterns(REQUESTER_PAGES);
        registry.addInterceptor(new StaffPagesInEnglish()).addPathPatterns(STAFF_PAGES);
    }
}
