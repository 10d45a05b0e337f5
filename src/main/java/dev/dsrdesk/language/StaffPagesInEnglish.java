package dev.dsrdesk.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Staff screens are written in English; without this an Italian browser would get an English page marked lang="it". */
class StaffPagesInEnglish implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        RequesterLocaleResolver.speakEnglishOnStaffPage(request);
        return true;
    }
}
