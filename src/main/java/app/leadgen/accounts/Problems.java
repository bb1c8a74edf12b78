package app.leadgen.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems written by the security filters, which run before Spring MVC: the same shape
 * and the same German (or English, {@code ?lang=en}) {@code detail} as the controllers' problems.
 */
@Component
class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern LANG =
            java.util.regex.Pattern.compile("(?:^|&)lang=(en|de)(?:&|$)", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> locales;

    Problems(MessageSource messages, ObjectProvider<LocaleResolver> locales) {
        this.messages = messages;
        this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key, Object... args)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", text(request, key, args));
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    String text(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, key, locale(request));
    }

    /** The reader's language: {@code ?lang=} first (the MVC interceptor has not run yet), then the cookie. */
    Locale locale(HttpServletRequest request) {
        // the query string only: reading parameters would consume a form body the controller still needs
        String query = request.getQueryString();
        if (query != null) {
            java.util.regex.Matcher lang = LANG.matcher(query);
            if (lang.find()) {
                return lang.group(1).equalsIgnoreCase("en") ? Locale.ENGLISH : Locale.GERMAN;
            }
        }
        LocaleResolver resolver = locales.getIfAvailable();
        return resolver == null ? Locale.GERMAN : resolver.resolveLocale(request);
    }

    /** A browser opening a page (not a script calling the API): it gets redirects and HTML error pages. */
    static boolean wantsPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
